import { describe, expect, it } from 'vitest';
import { pagesLeft, toProgress } from './slash-progress.ts';

describe('slash progress', () => {
  it('reads the contract tuple', () => {
    expect(toProgress([1_000n, 130n, 2n, 1_700_000_000n])).toEqual({
      fractionBps: 1_000,
      positionsLeft: 130n,
      requestsLeft: 2n,
      recordedAt: 1_700_000_000,
    });
  });

  it.each([
    [1n, 0n, 1n],
    [64n, 0n, 1n],
    [64n, 1n, 2n],
    [1_984n, 0n, 31n],
    [0n, 0n, 0n],
  ])('%s positions and %s requests take %s pages of 64', (positions, requests, pages) => {
    expect(pagesLeft({ fractionBps: 500, positionsLeft: positions, requestsLeft: requests, recordedAt: 0 })).toBe(
      pages,
    );
  });
});
