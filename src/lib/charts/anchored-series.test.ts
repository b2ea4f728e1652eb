import { describe, expect, it } from 'vitest';
import { anchoredSeries } from './anchored-series.ts';

describe('anchoredSeries', () => {
  it('anchors the line to the value now and steps through each block with a change', () => {
    const t = anchoredSeries(
      [
        { blockNumber: 10n, delta: 100n },
        { blockNumber: 12n, delta: -30n },
        { blockNumber: 12n, delta: 5n },
        { blockNumber: 20n, delta: -10n },
      ],
      165n,
      3n,
    );
    expect(t).toEqual({ blocks: [3n, 10n, 12n, 20n], values: [100n, 200n, 175n, 165n] });
  });

  it('is one point at the value now when nothing moved', () => {
    expect(anchoredSeries([], 7n, 1n)).toEqual({ blocks: [1n], values: [7n] });
  });
});
