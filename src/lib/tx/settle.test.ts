import type { Hex, TransactionReceipt } from 'viem';
import { describe, expect, it } from 'vitest';
import type { FollowResult } from './follow-transaction.ts';
import { settled } from './settle.ts';

const receipt = (status: 'success' | 'reverted', hash: Hex): TransactionReceipt =>
  ({ status, transactionHash: hash, blockNumber: 12n }) as TransactionReceipt;
const SENT: Hex = '0xaa';
const OTHER: Hex = '0xbb';

/** Every way a followed transaction ends, and the state the app shows for it. */
const CASES: { name: string; result: FollowResult; status: string; hash: Hex; kind?: string; text: RegExp }[] = [
  {
    name: 'mined',
    result: { kind: 'mined', receipt: receipt('success', SENT) },
    status: 'success',
    hash: SENT,
    text: /^$/,
  },
  {
    name: 'mined but reverted',
    result: { kind: 'mined', receipt: receipt('reverted', SENT) },
    status: 'error',
    hash: SENT,
    kind: 'contract',
    text: /^The transaction was mined in block 12 but reverted\.$/,
  },
  {
    name: 'sped up and mined',
    result: { kind: 'replaced', reason: 'repriced', receipt: receipt('success', OTHER) },
    status: 'success',
    hash: OTHER,
    text: /^Sped up in your wallet$/,
  },
  {
    name: 'sped up and reverted',
    result: { kind: 'replaced', reason: 'repriced', receipt: receipt('reverted', OTHER) },
    status: 'error',
    hash: OTHER,
    kind: 'contract',
    text: /^The sped-up transaction was mined in block 12 but reverted\.$/,
  },
  {
    name: 'cancelled',
    result: { kind: 'replaced', reason: 'cancelled', receipt: receipt('success', OTHER) },
    status: 'error',
    hash: SENT,
    kind: 'replaced',
    text: /^You cancelled this transaction in your wallet/,
  },
  {
    name: 'replaced by another',
    result: { kind: 'replaced', reason: 'replaced' },
    status: 'error',
    hash: SENT,
    kind: 'replaced',
    text: /^Another transaction from your account took its place/,
  },
  {
    name: 'repriced with no receipt seen',
    result: { kind: 'replaced', reason: 'repriced' },
    status: 'error',
    hash: SENT,
    kind: 'replaced',
    text: /^Another transaction from your account took its place/,
  },
  {
    name: 'dropped',
    result: { kind: 'dropped' },
    status: 'error',
    hash: SENT,
    kind: 'dropped',
    text: /^The network dropped this transaction: it will not be mined and nothing was spent/,
  },
  {
    name: 'vanished',
    result: { kind: 'vanished' },
    status: 'error',
    hash: SENT,
    kind: 'dropped',
    text: /^The network does not know this transaction/,
  },
];

describe('settled', () => {
  it.each(CASES)('$name: $status under the hash that was mined, saying what happened', (c) => {
    const state = settled(SENT, c.result);
    expect(state.status).toBe(c.status);
    if (state.status === 'success') {
      expect(state.hash).toBe(c.hash);
      expect(state.note ?? '').toMatch(c.text);
      expect(state.receipt.transactionHash).toBe(c.hash);
    } else if (state.status === 'error') {
      expect(state.hash).toBe(c.hash);
      expect(state.error.kind).toBe(c.kind);
      expect(state.error.message).toMatch(c.text);
    } else throw new Error(`unexpected state ${state.status}`);
  });
});
