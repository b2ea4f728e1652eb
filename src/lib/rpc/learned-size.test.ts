import { describe, expect, it } from 'vitest';
import { LearnedSize } from './learned-size.ts';

describe('LearnedSize', () => {
  it.each([
    // [max, refused range, suggested, size after]
    [10_000n, [1n, 10_000n], undefined, 5_000n],
    [10_000n, [1n, 10_000n], [1n, 2_000n], 2_000n],
    [10_000n, [1n, 2n], undefined, 1n],
    [10_000n, [1n, 3n], undefined, 1n],
    [10_000n, [1n, 1n], undefined, 1n],
  ] as const)('refusal case %#', (max, [from, to], suggested, size) => {
    const w = new LearnedSize(max);
    w.refused(from, to, suggested as [bigint, bigint] | undefined);
    expect(w.size).toBe(size);
  });

  it('does not grow back into a size just refused until a long run of accepted windows', () => {
    const w = new LearnedSize(10_000n, 10_000n, 2);
    w.refused(1n, 10_000n);
    expect(w.size).toBe(5_000n);
    for (let i = 0; i < 2; i++) w.accepted(w.size);
    expect(w.size).toBe(7_500n);
    for (let i = 0; i < 4; i++) w.accepted(w.size);
    expect(w.size).toBe(9_375n);
    for (let i = 0; i < 6; i++) w.accepted(w.size);
    // Within an eighth of the refused size: stays; a long run later forgets the refusal.
    expect(w.size).toBe(9_375n);
    for (let i = 0; i < 12; i++) w.accepted(w.size);
    expect(w.size).toBe(10_000n);
  });

  it('grows back after a run of full windows, never past the maximum', () => {
    const w = new LearnedSize(1_000n, 100n, 2);
    w.accepted(50n);
    w.accepted(50n);
    expect(w.size).toBe(100n);
    w.accepted(100n);
    w.accepted(100n);
    expect(w.size).toBe(200n);
    for (let i = 0; i < 20; i++) w.accepted(w.size);
    expect(w.size).toBe(1_000n);
  });

  it('without bisection, doubles and stays below a refusal within twice the size (a batch)', () => {
    const w = new LearnedSize(100n, 10n, 2, false, undefined, false);
    w.accepted(10n);
    w.accepted(10n);
    expect(w.size).toBe(20n);
    w.refused(1n, 20n);
    expect(w.size).toBe(10n);
    for (let i = 0; i < 8; i++) w.accepted(10n);
    expect(w.size).toBe(10n);
  });
});
