import { describe, expect, it } from 'vitest';
import { concentrationOf, percent } from './concentration.ts';

describe('concentrationOf', () => {
  it('gives the shares of the largest delegates and the fewest that make a majority', () => {
    const c = concentrationOf([40n, 20n, 15n, 10n, 5n, 5n, 5n]);
    expect(c).toMatchObject({ top1: 4_000, top5: 9_000, top10: 10_000, majority: 2 });
    expect(c.cumulative).toEqual([4_000, 6_000, 7_500, 8_500, 9_000, 9_500, 10_000]);
  });

  it('needs more than half: exactly half is not a majority', () => {
    expect(concentrationOf([50n, 50n]).majority).toBe(2);
    expect(concentrationOf([]).majority).toBe(0);
  });

  it('charts only the largest ranks', () => {
    expect(concentrationOf(Array(80).fill(1n), 50).cumulative).toHaveLength(50);
    expect(percent(1234)).toBe('12.34%');
  });
});
