import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { rankStakers, stakerPages } from './read-operator-detail.ts';

const addr = (i: number) => `0x${i.toString(16).padStart(40, '0')}` as Address;

describe('an operator staker ranking', () => {
  it('covers every staker in pages, not only the first 500', () => {
    expect(stakerPages(0)).toEqual([]);
    expect(stakerPages(500)).toEqual([[0n, 500n]]);
    expect(stakerPages(1_201)).toEqual([
      [0n, 500n],
      [500n, 500n],
      [1000n, 500n],
    ]);
  });

  it('ranks across every page: the largest staker registered last is first', () => {
    const page = (from: number, n: number, stake: (i: number) => bigint) =>
      [
        Array.from({ length: n }, (_, k) => addr(from + k)),
        Array.from({ length: n }, (_, k) => stake(from + k)),
      ] as const;
    const pages = [page(0, 500, () => 1n), page(500, 500, () => 2n), page(1000, 3, (i) => BigInt(i))];
    const top = rankStakers(pages, 25);
    expect(top).toHaveLength(25);
    expect(top.slice(0, 3).map((s) => s.staker)).toEqual([addr(1002), addr(1001), addr(1000)]);
    expect(top[3].stake).toBe(2n);
  });
});
