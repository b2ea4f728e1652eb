import { describe, expect, it } from 'vitest';
import { cumulativeVotes } from './vote-timeline.ts';

describe('cumulativeVotes', () => {
  it('adds up each side block by block, one point per block with votes', () => {
    const t = cumulativeVotes([
      { blockNumber: 12n, support: 0, weight: 5n },
      { blockNumber: 10n, support: 1, weight: 7n },
      { blockNumber: 12n, support: 1, weight: 3n },
      { blockNumber: 15n, support: 2, weight: 1n },
    ]);
    expect(t).toEqual({
      blocks: [10n, 12n, 15n],
      for: [7n, 10n, 10n],
      against: [0n, 5n, 5n],
      abstain: [0n, 0n, 1n],
    });
  });

  it('is empty without votes', () => {
    expect(cumulativeVotes([])).toEqual({ blocks: [], for: [], against: [], abstain: [] });
  });
});
