import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { oneRowPerFact, type ActivityItem } from './read-activity.ts';

const tx = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;
const item = (over: Partial<ActivityItem>): ActivityItem => ({
  kind: 'slashed',
  label: 'Slashed with 0xBcd4…4096',
  amount: 1n,
  blockNumber: 10n,
  logIndex: 0,
  transactionHash: tx(1),
  parts: ['Slashed with ', { operator: '0xBcd4042DE499D14e55001CcbB24a551F3b954096' }],
  count: 1,
  ...over,
});

describe('oneRowPerFact', () => {
  it('makes one row of a slash that cut a stake and two requests in one transaction', () => {
    const rows = oneRowPerFact([
      item({ amount: 40_000n, logIndex: 3 }),
      item({ amount: 10_000n, logIndex: 2 }),
      item({ amount: 50_000n, logIndex: 1 }),
    ]);
    expect(rows).toEqual([item({ amount: 100_000n, logIndex: 3, count: 3 })]);
  });
  it('keeps apart other transactions, other operators and other kinds, in order', () => {
    const rows = oneRowPerFact([
      item({ amount: 5n }),
      item({ amount: 6n, transactionHash: tx(2) }),
      item({
        amount: 7n,
        label: 'Slashed with 0x71bE…5788',
        parts: ['Slashed with ', { operator: '0x71bE63f3384f5fb98995898A86B02Fb2426c5788' }],
      }),
      item({
        amount: 8n,
        kind: 'unstake',
        label: 'Unstaked from 0xBcd4…4096',
        parts: ['Unstaked from ', { operator: '0xBcd4042DE499D14e55001CcbB24a551F3b954096' }],
      }),
      item({ amount: 9n }),
    ]);
    expect(rows.map((r) => [r.amount, r.count])).toEqual([
      [14n, 2],
      [6n, 1],
      [7n, 1],
      [8n, 1],
    ]);
  });
  it('keeps apart two operators whose short forms are the same', () => {
    const rows = oneRowPerFact([
      item({ amount: 1n, parts: ['Slashed with ', { operator: '0xBcd4042DE499D14e55001CcbB24a551F3b954096' }] }),
      item({ amount: 2n, parts: ['Slashed with ', { operator: '0xBcd4000000000000000000000000000000004096' }] }),
    ]);
    expect(rows).toHaveLength(2);
  });
  it('never merges rows without an amount (two delegations in one transaction stay two)', () => {
    const rows = oneRowPerFact([
      item({ kind: 'delegate', label: 'Delegated votes to itself', amount: undefined }),
      item({ kind: 'delegate', label: 'Delegated votes to itself', amount: undefined, logIndex: 1 }),
    ]);
    expect(rows).toHaveLength(2);
  });
});
