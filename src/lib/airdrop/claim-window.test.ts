import { describe, expect, it } from 'vitest';
import { claimWindow } from './claim-window.ts';

describe('claimWindow', () => {
  it.each([
    [99n, { phase: 'not-open', opensIn: 1n }],
    [100n, { phase: 'open', closesIn: 100n }],
    [199n, { phase: 'open', closesIn: 1n }],
    [200n, { phase: 'closed', closedFor: 0n }],
    [10n ** 12n, { phase: 'closed', closedFor: 10n ** 12n - 200n }],
  ])('at chain time %s', (now, expected) => {
    expect(claimWindow(now, 100n, 200n)).toEqual(expected);
  });
});
