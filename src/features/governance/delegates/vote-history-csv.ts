/**
 * A delegate's vote history as a CSV file, built in the browser: every vote the page lists, with
 * the exact weight, the reason as cast, and when and where it was cast.
 */
import { toCsv } from '../../../lib/format/csv.ts';
import type { VoteRecord } from '../read-vote-history.ts';
import { VOTE_CSV_COLUMNS, VOTE_CSV_TEXT_COLUMNS, voteCsvFields } from '../vote-csv.ts';

export const VOTE_HISTORY_CSV_HEADER = ['proposal_id', 'proposal_title', ...VOTE_CSV_COLUMNS] as const;

/** Every vote, newest first, with the block times in `times`; weights as exact decimals of `decimals`. */
export function voteHistoryCsv(
  votes: readonly VoteRecord[],
  times: Map<bigint, bigint>,
  symbol: string,
  decimals = 18,
): string {
  return toCsv(
    VOTE_HISTORY_CSV_HEADER,
    votes.map((v) => [v.proposalId.toString(), v.title, ...voteCsvFields(v, times, symbol, decimals)]),
    ['proposal_title', ...VOTE_CSV_TEXT_COLUMNS],
  );
}
