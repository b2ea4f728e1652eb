/**
 * The airdrop's claimed and unclaimed ALT per category. A claim log says who claimed and how much,
 * not in which categories: each claimant's row in the eligibility files (its shard, proved up to the
 * manifest's root) splits its claim. Claimants are grouped by shard so each file is read once, a few
 * at a time; a claim whose amount is not its row's total is an error, not a guess.
 */
import { toEventSelector, type Address, type Hex } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import { topicAddress } from '../../lib/logs/chain-logs.ts';
import { loadShard } from '../../lib/airdrop/eligibility.ts';
import { shardBitsOf, shardPrefix, type AirdropManifest } from '../../lib/airdrop/shard.ts';
import * as m from '../../lib/i18n/messages.ts';

const CLAIM_TOPICS = ['Claimed', 'ClaimedAndStaked', 'ClaimedToVotes'].map((name) =>
  toEventSelector(altAirdropAbi.find((i) => i.type === 'event' && i.name === name) as never),
);

/** Each claimant (topic 1 of every claim event) and the amount it claimed (the first data word). */
export function claimsByAccount(select: (f: LogFilter) => IndexedLog[], airdrop: Address): Map<Address, bigint> {
  const claims = new Map<Address, bigint>();
  for (const log of select({ address: airdrop, topic0: CLAIM_TOPICS })) {
    if (!log.topics[1] || log.data.length < 66) continue;
    const account = topicAddress(log.topics[1]);
    claims.set(account, (claims.get(account) ?? 0n) + BigInt(log.data.slice(0, 66) as Hex));
  }
  return claims;
}

export interface CategoryClaims {
  id: string;
  name: string;
  /** Eligible in this category, from the manifest. */
  total: bigint;
  claimed: bigint;
}

/** Claimed per category, splitting each claim by its row in the files at `baseUrl`. */
export async function claimsByCategory(
  baseUrl: string,
  manifest: AirdropManifest,
  claims: Map<Address, bigint>,
  {
    load = loadShard,
    concurrency = 6,
    onProgress,
  }: {
    load?: typeof loadShard;
    concurrency?: number;
    onProgress?: (done: number, of: number) => void;
  } = {},
): Promise<CategoryClaims[]> {
  const claimed = manifest.categories.map(() => 0n);
  const byPrefix = new Map<string, Address[]>();
  for (const account of claims.keys()) {
    const prefix = shardPrefix(account, shardBitsOf(manifest));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), account]);
  }
  const prefixes = [...byPrefix.keys()];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < prefixes.length) {
      const prefix = prefixes[next++];
      const loaded = await load(baseUrl, manifest, prefix);
      if ('invalid' in loaded) throw new Error(loaded.invalid);
      for (const account of byPrefix.get(prefix)!) {
        const found = loaded.shard.proofFor(account);
        const amount = claims.get(account)!;
        if (!found || BigInt(found.entry[1]) !== amount)
          throw new Error(m.airdrop_claims_by_category_mismatch({ account }));
        found.entry[2].forEach((part, i) => (claimed[i] += BigInt(part)));
      }
      onProgress?.(++done, prefixes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, prefixes.length) }, worker));
  return manifest.categories.map((c, i) => ({ id: c.id, name: c.name, total: BigInt(c.total), claimed: claimed[i] }));
}
