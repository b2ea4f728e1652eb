/** Builds the sharded airdrop tree: one OpenZeppelin-layout subtree per shard, one tree over their roots. */
import type { Hex } from 'viem';
import { createMerkle, proofOf, toHex, type Keccak } from '../../src/lib/airdrop/merkle.ts';
import { keccak_256 } from '@noble/hashes/sha3';
import {
  encodeShardBitmap,
  shardPrefix,
  SHARD_PREFIX_LENGTH,
  type AirdropManifest,
  type AirdropShard,
} from '../../src/lib/airdrop/shard.ts';
import type { Distribution, Recipient } from './distribution.ts';

export interface CategoryLabel {
  id: string;
  name: string;
}

export interface BuiltAirdrop {
  manifest: AirdropManifest;
  shards: AirdropShard[];
}

/** Builds the manifest and every shard of `distribution`; pass a faster `keccak` for large builds. */
export function buildAirdrop(
  distribution: Distribution,
  name: string,
  labels: CategoryLabel[] = [],
  keccak: Keccak = keccak_256,
): BuiltAirdrop {
  const { buildTree, leafHash } = createMerkle(keccak);
  const groups = new Map<string, Recipient[]>();
  for (const recipient of distribution.recipients) {
    const prefix = shardPrefix(recipient.address);
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = []));
    group.push(recipient);
  }
  const prefixes = [...groups.keys()].sort();
  const shardRoots = prefixes.map((prefix) => {
    const leaves = groups.get(prefix)!.map((r) => leafHash(r.address, r.total));
    return buildTree(leaves).nodes[0];
  });
  const top = buildTree(shardRoots);

  const categoryTotals = distribution.categories.map((_, i) =>
    distribution.recipients.reduce((sum, r) => sum + r.amounts[i], 0n),
  );
  const manifest: AirdropManifest = {
    version: 1,
    name,
    root: toHex(top.nodes[0]),
    recipients: distribution.recipients.length,
    total: distribution.recipients.reduce((sum, r) => sum + r.total, 0n).toString(),
    categories: distribution.categories.map((id, i) => ({
      id,
      name: labels.find((l) => l.id === id)?.name ?? id,
      total: categoryTotals[i].toString(),
    })),
    shardPrefixLength: SHARD_PREFIX_LENGTH,
    shards: encodeShardBitmap(prefixes),
  };
  const shards = prefixes.map((prefix, i): AirdropShard => ({
    version: 1,
    prefix,
    proof: proofOf(top, top.indexOf[i]).map(toHex),
    entries: groups
      .get(prefix)!
      .map((r) => [r.address.toLowerCase() as Hex, r.total.toString(), r.amounts.map(String)]),
  }));
  return { manifest, shards };
}
