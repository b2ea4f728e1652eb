/**
 * The columns a vote has in every CSV of votes (a delegate's history, a proposal's votes): support,
 * exact weight and its symbol, the reason, and the block, time and transaction it was cast in.
 */
import { formatUnits, type Hex } from 'viem';
import { isoTime } from '../../lib/format/csv.ts';
import { SUPPORT_LABELS } from './governance-calls.ts';

export const VOTE_CSV_COLUMNS = [
  'support',
  'weight',
  'symbol',
  'reason',
  'block_number',
  'block_time_utc',
  'transaction_hash',
] as const;

/** Of those, the ones holding text from the chain (kept from running as a spreadsheet formula). */
export const VOTE_CSV_TEXT_COLUMNS = ['symbol', 'reason'] as const;

export interface VoteCsvRow {
  support: 0 | 1 | 2;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
  transactionHash: Hex;
}

/** A vote's fields in `VOTE_CSV_COLUMNS` order; its block's time from `times`, its weight in `decimals`. */
export const voteCsvFields = (v: VoteCsvRow, times: Map<bigint, bigint>, symbol: string, decimals: number) => [
  SUPPORT_LABELS[v.support],
  formatUnits(v.weight, decimals),
  symbol,
  v.reason,
  v.blockNumber.toString(),
  isoTime(times.get(v.blockNumber)!),
  v.transactionHash,
];
