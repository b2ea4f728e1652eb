/**
 * A proposal's votes over its voting period, from the governor's `VoteCast` logs in the one log
 * index: For, Against and Abstain added up block by block (one point per block with votes).
 */
import type { Address } from 'viem';
import { votesCastOn } from '../votes-cast.ts';
import type { LogFilter } from '../../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../../lib/logs/log-store.ts';
import { governanceKey } from '../governance-keys.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { historyUpTo } from '../../../lib/logs/chain-logs.ts';

export interface VotePoint {
  blockNumber: bigint;
  support: number;
  weight: bigint;
}

export interface VoteTimeline {
  blocks: bigint[];
  /** Running totals at each block, by support: 0 Against, 1 For, 2 Abstain. */
  against: bigint[];
  for: bigint[];
  abstain: bigint[];
}

/** Running totals per block from `votes` (any order). */
export function cumulativeVotes(votes: VotePoint[]): VoteTimeline {
  const sorted = [...votes].sort((a, b) =>
    a.blockNumber < b.blockNumber ? -1 : a.blockNumber > b.blockNumber ? 1 : 0,
  );
  const out: VoteTimeline = { blocks: [], against: [], for: [], abstain: [] };
  const totals = [0n, 0n, 0n];
  for (const v of sorted) {
    if (v.support >= 0 && v.support <= 2) totals[v.support] += v.weight;
    if (out.blocks.at(-1) === v.blockNumber) {
      out.against[out.against.length - 1] = totals[0];
      out.for[out.for.length - 1] = totals[1];
      out.abstain[out.abstain.length - 1] = totals[2];
    } else {
      out.blocks.push(v.blockNumber);
      out.against.push(totals[0]);
      out.for.push(totals[1]);
      out.abstain.push(totals[2]);
    }
  }
  return out;
}

/** The votes on `proposalId` among the governor's `VoteCast` logs `select` returns. */
export const votesOn = (
  select: (filter: LogFilter) => IndexedLog[],
  governor: Address,
  proposalId: bigint,
): VotePoint[] =>
  votesCastOn(select, governor, proposalId).map(({ blockNumber, support, weight }) => ({
    blockNumber,
    support,
    weight,
  }));

/** A proposal's votes over time, from the log index; `partial` when some predate the index. */
export const voteTimelineHistory = (
  ctx: ReadContext,
  id: bigint,
  governor: Address,
  createdBlock: bigint | undefined,
) => ({
  queryKey: governanceKey(ctx.chainId, { voteTimeline: id.toString() }),
  read: async (upTo: 'stored' | 'head') => {
    const caps = await ctx.requireCaps();
    const history = await historyUpTo(ctx.client, ctx.chain, caps, upTo);
    if (!history) return null;
    // Votes before the index's first block are in the shipped history, sharded by voter: not charted.
    const partial = createdBlock === undefined || createdBlock < history.index.fromBlock;
    return {
      blockNumber: history.blockNumber,
      timeline: cumulativeVotes(votesOn((f) => history.index.select(f), governor, id)),
      partial: partial && !!history.snapshot,
    };
  },
});
