/**
 * A delegate's vote history as a CSV file, built in the browser: every vote the page lists, with
 * the exact weight, the reason as cast, and when and where it was cast.
 */
import { formatUnits } from 'viem';
import { isoTime, toCsv } from '../../../lib/format/csv.ts';
import type { VoteRecord } from '../read-vote-history.ts';
import { SUPPORT_LABELS } from '../governance-calls.ts';

export const VOTE_HISTORY_CSV_HEADER = [
  'proposal_id',
  'proposal_title',
  'support',
  'weight',
  'symbol',
  'reason',
  'block_number',
  'block_time_utc',
  'transaction_hash',
] as const;

/** Every vote, newest first, with the block times in `times`; weights as exact decimals of `decimals`. */
export function voteHistoryCsv(
  votes: readonly VoteRecord[],
  times: Map<bigint, bigint>,
  symbol: string,
  decimals = 18,
): string {
  return toCsv(
    VOTE_HISTORY_CSV_HEADER,
    votes.map((v) => [
      v.proposalId.toString(),
      v.title,
      SUPPORT_LABELS[v.support],
      formatUnits(v.weight, decimals),
      symbol,
      v.reason,
      v.blockNumber.toString(),
      isoTime(times.get(v.blockNumber)!),
      v.transactionHash,
    ]),
    ['proposal_title', 'symbol', 'reason'],
  );
}
