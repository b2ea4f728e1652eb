import { describe, expect, it } from 'vitest';
import { HeadOrder, keepNewerBlock } from './head-order.ts';

describe('HeadOrder', () => {
  it.each([
    ['rising heads are taken', [10n, 11n, 13n], [10n, 11n, 13n]],
    ['one lagging answer is not', [10n, 9n, 10n, 11n], [10n, 10n, 10n, 11n]],
    ['lagging answers that disagree are not', [10n, 9n, 8n, 9n], [10n, 10n, 10n, 10n]],
    ['a lower head repeated is (a rolled-back devnet)', [10n, 4n, 4n, 5n], [10n, 10n, 4n, 5n]],
    ['the same head again is', [10n, 10n], [10n, 10n]],
  ])('%s', (_, answers, heads) => {
    const order = new HeadOrder();
    expect(answers.map((b) => order.observe(b))).toEqual(heads);
  });
});

describe('keepNewerBlock', () => {
  it.each([
    [{ blockNumber: 5n }, { blockNumber: 4n }, 'previous'],
    [{ blockNumber: 5n }, { blockNumber: 5n }, 'next'],
    [{ blockNumber: 5n }, { blockNumber: 6n }, 'next'],
    [undefined, { blockNumber: 6n }, 'next'],
    [{ rows: [] }, { rows: [1] }, 'next'],
  ])('%o then %o keeps the %s', (previous, next, kept) => {
    expect(keepNewerBlock(previous, next)).toBe(kept === 'previous' ? previous : next);
  });
});
