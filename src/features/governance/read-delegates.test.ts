import { describe, expect, it } from 'vitest';
import { zeroAddress } from 'viem';
import { applyLogs, delegatorsOf, rankDelegates, type DelegatesIndex } from './read-delegates.ts';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

describe('delegates index', () => {
  it('ranks by the latest voting power and counts current delegators', () => {
    const index: DelegatesIndex = { token: A, votes: new Map(), delegateOf: new Map() };
    applyLogs(index, [
      { eventName: 'DelegateChanged', args: { delegator: A, fromDelegate: zeroAddress, toDelegate: A } },
      { eventName: 'DelegateVotesChanged', args: { delegate: A, previousVotes: 0n, newVotes: 100n } },
      { eventName: 'DelegateChanged', args: { delegator: B, fromDelegate: zeroAddress, toDelegate: A } },
      { eventName: 'DelegateVotesChanged', args: { delegate: A, previousVotes: 100n, newVotes: 150n } },
      { eventName: 'DelegateChanged', args: { delegator: C, fromDelegate: zeroAddress, toDelegate: B } },
      { eventName: 'DelegateVotesChanged', args: { delegate: B, previousVotes: 0n, newVotes: 500n } },
      // B moves from A to C: A loses a delegator and votes.
      { eventName: 'DelegateChanged', args: { delegator: B, fromDelegate: A, toDelegate: C } },
      { eventName: 'DelegateVotesChanged', args: { delegate: A, previousVotes: 150n, newVotes: 100n } },
      { eventName: 'DelegateVotesChanged', args: { delegate: C, previousVotes: 0n, newVotes: 50n } },
    ]);
    expect(rankDelegates(index)).toEqual([
      { address: B, votes: 500n, delegators: 1 },
      { address: A, votes: 100n, delegators: 1 },
      { address: C, votes: 50n, delegators: 1 },
    ]);
    expect(delegatorsOf(index, A)).toEqual([A]);
  });

  it('drops delegates whose power fell to zero', () => {
    const index: DelegatesIndex = { token: A, votes: new Map([[A, 0n]]), delegateOf: new Map() };
    expect(rankDelegates(index)).toEqual([]);
  });
});
