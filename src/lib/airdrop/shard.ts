/** The airdrop's static file formats and the prefix that maps an address to its shard. */
import type { Address, Hex } from 'viem';
import { buildTree, fromHex, leafHash, processProof, proofOf, toHex } from './merkle.ts';

/** Hex characters of the lowercased address (after 0x) that name its shard: 16^3 = 4096 shards. */
export const SHARD_PREFIX_LENGTH = 3;
export const SHARD_COUNT = 16 ** SHARD_PREFIX_LENGTH;

export interface AirdropCategory {
  id: string;
  name: string;
  total: string;
}

export interface AirdropManifest {
  version: 1;
  name: string;
  root: Hex;
  recipients: number;
  total: string;
  categories: AirdropCategory[];
  shardPrefixLength: number;
  /** One bit per shard, shard 0 first, as hex: whether that shard's file exists. */
  shards: string;
}

/** One recipient: address, total and the per-category amounts in manifest order, all decimal strings. */
export type ShardEntry = [address: Hex, total: string, breakdown: string[]];

export interface AirdropShard {
  version: 1;
  prefix: string;
  /** Proof from this shard's root up to the manifest root. */
  proof: Hex[];
  entries: ShardEntry[];
}

/** The shard an address belongs to, e.g. `0xAbC1…` → `abc`. */
export function shardPrefix(address: string): string {
  return address.slice(2, 2 + SHARD_PREFIX_LENGTH).toLowerCase();
}

/** Whether the manifest's bitmap says shard `prefix` has a file. */
export function shardExists(manifest: Pick<AirdropManifest, 'shards'>, prefix: string): boolean {
  const index = Number.parseInt(prefix, 16);
  const nibble = Number.parseInt(manifest.shards[index >> 2] ?? '0', 16);
  return (nibble & (8 >> (index & 3))) !== 0;
}

/** Encodes which shards exist as the manifest's hex bitmap. */
export function encodeShardBitmap(prefixes: Iterable<string>): string {
  const nibbles = new Uint8Array(SHARD_COUNT / 4);
  for (const prefix of prefixes) {
    const index = Number.parseInt(prefix, 16);
    nibbles[index >> 2] |= 8 >> (index & 3);
  }
  return Array.from(nibbles, (n) => n.toString(16)).join('');
}

/**
 * Rebuilds a shard's subtree from its entries. `root` is the root the shard proves up to (it must
 * equal the manifest's and the contract's); `proofFor` gives an entry's full proof, shard proof then
 * top proof, as OpenZeppelin's `MerkleProof` verifies it.
 */
export function rebuildShard(shard: AirdropShard) {
  const tree = buildTree(shard.entries.map(([address, total]) => leafHash(address, BigInt(total))));
  return {
    root: toHex(processProof(tree.nodes[0], shard.proof.map(fromHex))),
    proofFor(account: Address): { entry: ShardEntry; proof: Hex[] } | undefined {
      const position = shard.entries.findIndex(([address]) => address === account.toLowerCase());
      if (position < 0) return undefined;
      return {
        entry: shard.entries[position],
        proof: [...proofOf(tree, tree.indexOf[position]).map(toHex), ...shard.proof],
      };
    },
  };
}
