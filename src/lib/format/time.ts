/** Durations and dates from chain time (block timestamps in seconds), never from the user's clock. */
import { dateTimeFormat } from './intl.ts';
import * as m from '../i18n/messages.ts';

/** Each unit a duration is said in, largest first: its length in seconds and its words ("3d"). */
const UNITS: [number, (i: { count: number }) => string][] = [
  [86_400, m.common_time_days],
  [3_600, m.common_time_hours],
  [60, m.common_time_minutes],
  [1, m.common_time_seconds],
];

/** "3d 4h", "5h 12m", "42s": the two largest units; never negative (a past time reads "0s"). */
export function formatDuration(seconds: bigint | number): string {
  let s = Math.max(0, Number(seconds));
  const parts: string[] = [];
  for (const [size, label] of UNITS) {
    const count = Math.floor(s / size);
    if (count > 0 || (parts.length === 0 && size === 1)) parts.push(label({ count }));
    s -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

const STAMP: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * A block timestamp in the visitor's own time, with the zone named ("Dec 12, 2026, 10:00 AM GMT+9");
 * `timeZone` fixes the zone (tests, and {@link formatUtc}).
 */
export function formatTimestamp(seconds: bigint | number, locale?: string, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone ? { ...STAMP, timeZone } : STAMP).format(new Date(Number(seconds) * 1000));
}

/** The same moment in UTC, for a hover and for comparing with explorers and calendar files. */
export const formatUtc = (seconds: bigint | number, locale?: string) => formatTimestamp(seconds, locale, 'UTC');
