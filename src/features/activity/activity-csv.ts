/**
 * An address's activity as a CSV file, built in the browser: every row the activity page shows,
 * across all its pages, with exact amounts and block times in UTC. The columns keep their English
 * names (files others parse); the descriptions are worded in the language shown, as on the page.
 */
import { formatUnits } from 'viem';
import { isoTime, toCsv } from '../../lib/format/csv.ts';
import type { ActivityItem, ActivityKind, ActivityPart } from './read-activity.ts';
import * as m from '../../lib/i18n/messages.ts';

/** A part as a file says it: its words, an address in full, a proposal by id and title. */
const fullTextOf = (part: ActivityPart): string =>
  typeof part === 'string'
    ? part
    : typeof part === 'function'
      ? part()
      : 'operator' in part
        ? part.operator
        : 'account' in part
          ? part.account
          : part.title
            ? m.activity_csv_proposal_titled({ id: String(part.proposal), title: part.title })
            : m.activity_read_proposal_id({ id: String(part.proposal) });

/** Who or what a row is about, in full: an operator's or account's address, a proposal's id. */
const counterpartOf = (item: ActivityItem) => {
  const part = item.parts.find((p) => typeof p === 'object');
  return !part || typeof part !== 'object'
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
      item.parts.map(fullTextOf).join('') + (item.count > 1 ? ` ${m.activity_page_parts({ count: item.count })}` : ''),
      counterpartOf(item),
      item.amount === undefined ? '' : formatUnits(item.amount, decimals),
      item.amount === undefined ? '' : symbolOf(item.kind),
    ]),
    ['description', 'symbol'],
  );
}
