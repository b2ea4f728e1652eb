/** The airdrop's claims as changes to the amount claimed, from the one log index. */
import { decodeEventLog, toEventSelector, type Address } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import type { Change } from '../../lib/charts/anchored-series.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { historyUpTo, type HistoryUpTo } from '../../lib/logs/chain-logs.ts';
import { anchoredSeries } from '../../lib/charts/anchored-series.ts';
import { claimsByAccount, claimsByCategory } from './claims-by-category.ts';
import { readManifest } from '../../lib/airdrop/eligibility.ts';
import { AIRDROP_FILES } from '../../lib/airdrop/files.ts';
import { cache } from '../../lib/query/presets.ts';
import { queryKey } from '../../lib/query/keys.ts';

const CLAIMS = ['Claimed', 'ClaimedAndStaked', 'ClaimedToVotes'].map((name) =>
  altAirdropAbi.find((i) => i.type === 'event' && i.name === name)!,
);

/** Every claim on `airdrop` among the logs `select` returns, oldest first, as an increase of the claimed total. */
export function claimChanges(select: (f: LogFilter) => IndexedLog[], airdrop: Address): Change[] {
  return select({ address: airdrop, topic0: CLAIMS.map((e) => toEventSelector(e as never)) })
    .map((log) => {
      const { args } = decodeEventLog({ abi: CLAIMS, data: log.data, topics: log.topics as never }) as {
        args: { amount: bigint };
      };
      return { blockNumber: log.blockNumber, logIndex: log.logIndex, delta: args.amount };
    })
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    )
    .map(({ blockNumber, delta }) => ({ blockNumber, delta }));
}

/** Claimed ALT over the claim window, anchored to the contract's total now, and who claimed what. */
export const claimsHistory = (ctx: ReadContext, airdrop: Address, totalClaimed: bigint) => ({
  queryKey: queryKey('airdrop', ctx.chainId, { part: 'claims-over-time', claimed: totalClaimed.toString() }),
  read: async (upTo: HistoryUpTo) => {
    const caps = await ctx.requireCaps();
    const history = await historyUpTo(ctx.client, ctx.chain, caps, upTo);
    if (!history) return null;
    const select = (f: LogFilter) => history.index.select(f);
    return {
      ...anchoredSeries(claimChanges(select, airdrop), totalClaimed, history.index.fromBlock),
      claims: claimsByAccount(select, airdrop),
      // Claims before the index's first block (a build's history snapshot) are not split by category.
      complete: !history.snapshot,
    };
  },
});

/** The claims split by eligibility category, from the shipped eligibility files (read when asked for). */
export const claimsByCategoryQuery = (
  ctx: ReadContext,
  totalClaimed: bigint,
  claims: Map<Address, bigint> | undefined,
  enabled: boolean,
  onProgress: (done: number, of: number) => void,
) => ({
  queryKey: queryKey('airdrop', ctx.chainId, { part: 'claims-by-category', claimed: totalClaimed.toString() }),
  queryFn: async () => claimsByCategory(AIRDROP_FILES, await readManifest(AIRDROP_FILES), claims!, { onProgress }),
  enabled: enabled && !!claims,
  ...cache.minute,
  retry: 0,
});
