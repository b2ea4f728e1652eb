import { describe, expect, it } from 'vitest';
import { stakeOverTime } from './stake-history.ts';

describe('stakeOverTime', () => {
  it('anchors the line to the stake now and steps through each block with a change', () => {
    const t = stakeOverTime(
      [
        { blockNumber: 10n, delta: 100n },
        { blockNumber: 12n, delta: -30n },
        { blockNumber: 12n, delta: 5n },
        { blockNumber: 20n, delta: -10n },
      ],
      165n,
      3n,
    );
    expect(t).toEqual({ blocks: [3n, 10n, 12n, 20n], stake: [100n, 200n, 175n, 165n] });
  });

  it('is one point at the stake now when nothing moved', () => {
    expect(stakeOverTime([], 7n, 1n)).toEqual({ blocks: [1n], stake: [7n] });
  });
});
