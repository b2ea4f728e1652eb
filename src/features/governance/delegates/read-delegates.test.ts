import { describe, expect, it } from 'vitest';
import { zeroAddress, type Address } from 'viem';
import { applyLogs, delegateStandings, rankDelegates, type DelegatesIndex } from './read-delegates.ts';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

const empty = (): DelegatesIndex => ({ token: A, votes: new Map(), delegators: new Map() });

describe('delegates index', () => {
  it('ranks by the latest voting power and counts current delegators', () => {
    const index = empty();
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
      // A re-delegates to itself: no change in count.
      { eventName: 'DelegateChanged', args: { delegator: A, fromDelegate: A, toDelegate: A } },
    ]);
    expect(rankDelegates(index)).toEqual([
      { address: B, votes: 500n, delegators: 1 },
      { address: A, votes: 100n, delegators: 1 },
      { address: C, votes: 50n, delegators: 1 },
    ]);
  });

  it('drops delegates whose power fell to zero', () => {
    const index: DelegatesIndex = { ...empty(), votes: new Map([[A, 0n]]) };
    expect(rankDelegates(index)).toEqual([]);
  });

  it('a snapshot of the standing at any point, folded on, equals folding everything', () => {
    const people: Address[] = [A, B, C, '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let run = 0; run < 50; run++) {
      // A random history consistent with the token: each delegator's `from` is its current delegate.
      const current = new Map<Address, Address>();
      const power = new Map<Address, bigint>();
      const events: { eventName: string; args: Record<string, any> }[] = [];
      for (let i = 0; i < 40; i++) {
        const delegator = people[rand(4)];
        const to = rand(5) === 0 ? zeroAddress : people[rand(4)];
        events.push({
          eventName: 'DelegateChanged',
          args: { delegator, fromDelegate: current.get(delegator) ?? zeroAddress, toDelegate: to },
        });
        current.set(delegator, to);
        const delegate = people[rand(4)];
        const newVotes = BigInt(rand(3)) * 10n;
        events.push({
          eventName: 'DelegateVotesChanged',
          args: { delegate, previousVotes: power.get(delegate) ?? 0n, newVotes },
        });
        power.set(delegate, newVotes);
      }
      const whole = empty();
      applyLogs(whole, events);
      const cut = rand(events.length);
      const before = empty();
      applyLogs(before, events.slice(0, cut));
      const resumed = empty();
      for (const row of delegateStandings(before)) {
        resumed.votes.set(row.address, row.votes);
        if (row.delegators) resumed.delegators.set(row.address, row.delegators);
      }
      applyLogs(resumed, events.slice(cut));
      expect(rankDelegates(resumed)).toEqual(rankDelegates(whole));
      // The counts agree with the delegators each delegate really has.
      for (const p of people)
        expect(whole.delegators.get(p) ?? 0).toBe([...current.values()].filter((to) => to === p).length);
    }
  });
});
