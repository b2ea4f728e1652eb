import { describe, expect, it } from 'vitest';
import { KEPT_STATES, keptStateAt } from './kept-state.ts';

describe('keptStateAt', () => {
  it('reads at a current history block whatever the head is said to be', () => {
    expect(keptStateAt(1_000n, true, undefined)).toBe(1_000n);
    expect(keptStateAt(1_000n, true, 5_000n)).toBe(1_000n);
  });
  it('reads at stored history while the head is within the kept states', () => {
    expect(keptStateAt(1_000n, false, 1_000n)).toBe(1_000n);
    expect(keptStateAt(1_000n, false, 1_000n + KEPT_STATES)).toBe(1_000n);
  });
  it('does not read at stored history older than a pruned node keeps, nor with the head unknown', () => {
    expect(keptStateAt(1_000n, false, 1_001n + KEPT_STATES)).toBeUndefined();
    expect(keptStateAt(1_000n, false, undefined)).toBeUndefined();
  });
});
