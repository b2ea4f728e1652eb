/**
 * An address's activity as a CSV file, built in the browser: every row the activity page shows,
 * across all its pages, with exact amounts and block times in UTC.
 */
import { formatUnits } from 'viem';
import { isoTime, toCsv } from '../../lib/format/csv.ts';
import type { ActivityItem, ActivityKind, ActivityPart } from './read-activity.ts';

/** A part as a file says it: its words, an address in full, a proposal by id and title. */
const fullTextOf = (part: ActivityPart): string =>
  typeof part === 'string'
    ? part
    : 'operator' in part
      ? part.operator
      : 'account' in part
        ? part.account
        : `proposal ${part.proposal}${part.title ? ` “${part.title}”` : ''}`;

/** Who or what a row is about, in full: an operator's or account's address, a proposal's id. */
const counterpartOf = (item: ActivityItem) => {
  const part = item.parts.find((p) => typeof p !== 'string');
  return !part || typeof part === 'string'
    ? ''
    : 'operator' in part
      ? part.operator
      : 'account' in part
        ? part.account
        : part.proposal.toString();
};

export const ACTIVITY_CSV_HEADER = [
  'block_number',
  'block_time_utc',
  'transaction_hash',
  'kind',
  'description',
  'counterpart',
  'amount',
  'symbol',
] as const;

/**
 * Every row of an address's activity as CSV: amounts exact (decimal strings of `decimals`, never
 * floats), block times in ISO 8601 UTC from `times`, descriptions as the page words them with
 * addresses in full.
 */
export function activityCsv(
  items: readonly ActivityItem[],
  times: Map<bigint, bigint>,
  symbolOf: (kind: ActivityKind) => string,
  decimals = 18,
): string {
  return toCsv(
    ACTIVITY_CSV_HEADER,
    items.map((item) => [
      item.blockNumber.toString(),
      isoTime(times.get(item.blockNumber)!),
      item.transactionHash,
      item.kind,
      item.parts.map(fullTextOf).join('') + (item.count > 1 ? ` (${item.count} parts, one transaction)` : ''),
      counterpartOf(item),
      item.amount === undefined ? '' : formatUnits(item.amount, decimals),
      item.amount === undefined ? '' : symbolOf(item.kind),
    ]),
    ['description', 'symbol'],
  );
}
