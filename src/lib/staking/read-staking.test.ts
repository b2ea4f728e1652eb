import { describe, expect, it } from 'vitest';
import { laterGroups, OPERATOR_PAGE } from './read-staking.ts';

describe('laterGroups', () => {
  it('reads the pages after the first two to an eth_call, every operator once', () => {
    expect(laterGroups(undefined)).toEqual([]);
    expect(laterGroups(100n, 25n, 25n)).toEqual([[25n, 50n], [75n]]);
    expect(laterGroups(OPERATOR_PAGE)).toEqual([]);
    expect(laterGroups(OPERATOR_PAGE + 1n)).toEqual([[OPERATOR_PAGE]]);
    const groups = laterGroups(2_000n);
    expect(groups).toHaveLength(10);
    expect(groups.every((g) => g.length <= 2)).toBe(true);
    expect(groups.flat()).toEqual(Array.from({ length: 19 }, (_, i) => OPERATOR_PAGE * BigInt(i + 1)));
  });

  it('starts where the first batch stopped: after two pages, 2,000 operators are the first batch and nine calls', () => {
    const groups = laterGroups(2_000n, 2n * OPERATOR_PAGE);
    expect(groups).toHaveLength(9);
    expect(groups.flat()).toEqual(Array.from({ length: 18 }, (_, i) => OPERATOR_PAGE * BigInt(i + 2)));
    expect(laterGroups(2n * OPERATOR_PAGE, 2n * OPERATOR_PAGE)).toEqual([]);
    expect(laterGroups(OPERATOR_PAGE, 2n * OPERATOR_PAGE)).toEqual([]);
  });
});
