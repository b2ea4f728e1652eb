/**
 * Points and spans on a governor's ERC-6372 clock, which counts seconds (timestamp mode) or blocks
 * (block-number mode). Nothing here reads the user's clock.
 */
import { formatDuration, formatTimestamp } from '../../lib/format/time.ts';
import { numberFormat } from '../../lib/format/intl.ts';
import * as m from '../../lib/i18n/messages.ts';

export type ClockMode = 'timestamp' | 'blocknumber';

export const clockModeOf = (mode: string): ClockMode => (mode.includes('timestamp') ? 'timestamp' : 'blocknumber');

/** Chain "now" in the governor's clock: the latest block's timestamp, or its number in block mode. */
export const clockNow = (read: { clockMode: string; chainTime: bigint; blockNumber: bigint }): bigint =>
  clockModeOf(read.clockMode) === 'timestamp' ? read.chainTime : read.blockNumber;

/** "Jan 1, 2026, 12:00 AM UTC" (in the visitor's own zone, named) or "block 19,000,000". */
export const formatClockPoint = (point: bigint, mode: ClockMode): string =>
  mode === 'timestamp' ? formatTimestamp(point) : m.gov_governor_clock_block({ number: numberFormat().format(point) });

/** "2d 4h" or "1,200 blocks"; never negative. */
export function formatClockSpan(span: bigint, mode: ClockMode): string {
  const s = span < 0n ? 0n : span;
  return mode === 'timestamp' ? formatDuration(s) : m.gov_governor_clock_blocks({ count: numberFormat().format(s) });
}

/**
 * The first point at which votes are accepted: a Governor is Pending up to and including its snapshot,
 * so on a block clock the first block that takes votes is snapshot + 1 (a second later on a timestamp
 * clock).
 */
export const firstVotingPoint = (snapshot: bigint): bigint => snapshot + 1n;

/** Words for a point relative to now: "in 2d 4h" / "3h 2m ago". */
export const relativeClock = (point: bigint, now: bigint, mode: ClockMode): string =>
  point >= now
    ? m.gov_governor_clock_in({ span: formatClockSpan(point - now, mode) })
    : m.gov_governor_clock_ago({ span: formatClockSpan(now - point, mode) });
