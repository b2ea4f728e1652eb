/**
 * A proposal's votes as a CSV file, built in the browser from the governor's vote logs in the
 * one log index: every voter, support, exact weight, reason, and when and where the vote was cast.
 */
import type { Address } from 'viem';
import { historyUpTo } from '../../../lib/logs/chain-logs.ts';
import { toCsv } from '../../../lib/format/csv.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { readBlockTimes } from '../../../lib/web3/block-times.ts';
import { votesCastOn, type CastVote } from '../votes-cast.ts';
import { VOTE_CSV_COLUMNS, VOTE_CSV_TEXT_COLUMNS, voteCsvFields } from '../vote-csv.ts';
import * as m from '../../../lib/i18n/messages.ts';

/** The index starts after the proposal was created: its first votes are in the shipped history, by voter. */
export class VotesBeforeIndexError extends Error {
  constructor(readonly fromBlock: bigint) {
    super(m.proposal_votes_csv_before_index({ block: fromBlock.toString() }));
  }
}

/** Every vote on `id`, up to the head, with each vote's block time; refuses what would be incomplete. */
export async function readProposalVotes(
  ctx: ReadContext,
  governor: Address,
  id: bigint,
  createdBlock: bigint | undefined,
) {
  const caps = await ctx.requireCaps();
  const history = await historyUpTo(ctx.client, ctx.chain, caps, 'head');
  if (!history) throw new Error(m.proposal_votes_csv_no_history());
  if (history.snapshot && (createdBlock === undefined || createdBlock < history.index.fromBlock))
    throw new VotesBeforeIndexError(history.index.fromBlock);
  const votes = votesCastOn((f) => history.index.select(f), governor, id);
  const times = await readBlockTimes(
    ctx.client,
    votes.map((v) => v.blockNumber),
  );
  return { votes, times, blockNumber: history.blockNumber };
}

export const PROPOSAL_VOTES_CSV_HEADER = ['voter', ...VOTE_CSV_COLUMNS] as const;

/** Every vote, in the order cast; weights as exact decimals of `decimals`. */
export function proposalVotesCsv(
  votes: readonly CastVote[],
  times: Map<bigint, bigint>,
  symbol: string,
  decimals = 18,
): string {
  return toCsv(
    PROPOSAL_VOTES_CSV_HEADER,
    votes.map((v) => [v.voter, ...voteCsvFields(v, times, symbol, decimals)]),
    VOTE_CSV_TEXT_COLUMNS,
  );
}
