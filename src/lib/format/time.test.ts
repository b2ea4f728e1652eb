import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimestamp, formatUtc } from './time.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [-50, '0s'],
    [42, '42s'],
    [61, '1m 1s'],
    [3_600 * 5 + 60 * 12 + 9, '5h 12m'],
    [86_400 * 3 + 3_600 * 4, '3d 4h'],
    [86_400 * 7, '7d'],
    [10n ** 12n, '11574074d 1h'],
  ])('%s seconds → %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatTimestamp', () => {
  it('formats in the given zone and names it', () => {
    expect(formatTimestamp(0, 'en-GB', 'Asia/Tokyo')).toBe('1 Jan 1970, 09:00 GMT+9');
    expect(formatTimestamp(0, 'en-US', 'America/New_York')).toBe('Dec 31, 1969, 7:00 PM EST');
  });
  it('formats UTC for hovers', () => {
    expect(formatUtc(0, 'en-GB')).toBe('1 Jan 1970, 00:00 UTC');
  });
});
