import { describe, expect, it } from 'vitest';
import { zeroAddress, type Address } from 'viem';
import { deadlineEvents, type AccountDeadlineState, type ProposalDeadlines } from './account-deadlines.ts';

const NOW = 1_800_000_000n;
const OP = '0x00000000000000000000000000000000000000aa' as Address;
const OP2 = '0x00000000000000000000000000000000000000bb' as Address;
const proposal = (over: Partial<ProposalDeadlines>): ProposalDeadlines => ({
  id: 1n,
  title: 'Fund grants',
  state: 'Active',
  deadline: NOW + 3_600n,
  eta: 0n,
  voted: false,
  weight: 10n,
  ...over,
});
const state = (over: Partial<AccountDeadlineState>): AccountDeadlineState => ({
  chainId: 31337,
  chainName: 'Devnet',
  account: '0x00000000000000000000000000000000000000cc',
  blockNumber: 1_000n,
  chainTime: NOW,
  clockMode: 'timestamp',
  msPerBlock: 12_000n,
  executionDelay: 86_400n,
  proposals: [],
  requests: [],
  appUrl: 'https://app.example/',
  formatAlt: (amount) => amount.toString(),
  ...over,
});

describe('deadlineEvents', () => {
  it('names voting ends only where the account can still vote, with the proposal page', () => {
    const events = deadlineEvents(
      state({
        proposals: [
          proposal({ id: 1n }),
          proposal({ id: 2n, weight: 0n }),
          proposal({ id: 3n, state: 'Pending', deadline: NOW + 7_200n }),
          proposal({ id: 4n, state: 'Defeated' }),
        ],
      }),
    );
    expect(events.map((e) => e.uid)).toEqual(['vote-end-1@alt-governance-31337', 'vote-end-3@alt-governance-31337']);
    expect(events[0]).toMatchObject({
      start: NOW + 3_600n,
      stamp: NOW,
      title: 'Voting ends: Fund grants',
      url: 'https://app.example/#/governance/proposals/1',
    });
  });

  it('gives a proposal voted on its queue time and earliest execution, and a queued one its eta', () => {
    const events = deadlineEvents(
      state({
        proposals: [
          proposal({ id: 5n, voted: true }),
          proposal({ id: 6n, voted: true, state: 'Queued', deadline: NOW - 10n, eta: NOW + 500n }),
          proposal({ id: 7n, voted: true, state: 'Queued', deadline: NOW - 10n, eta: NOW - 1n }),
        ],
      }),
    );
    expect(events.map((e) => [e.uid, e.start])).toEqual([
      ['eta-6@alt-governance-31337', NOW + 500n],
      ['queue-5@alt-governance-31337', NOW + 3_600n],
      ['eta-5@alt-governance-31337', NOW + 3_600n + 86_400n],
    ]);
  });

  it("converts a block clock's deadline to time once, from the head", () => {
    const [event] = deadlineEvents(
      state({ clockMode: 'blocknumber', blockNumber: 1_000n, proposals: [proposal({ deadline: 1_100n })] }),
    );
    expect(event.start).toBe(NOW + 1_200n);
    expect(event.description).toContain('estimated from block 1100');
  });

  it('gives each unbonding request its unlock, and a redelegation its completion; past ones are left out', () => {
    const events = deadlineEvents(
      state({
        requests: [
          { id: 3n, operator: OP, redelegateTo: zeroAddress, unlockTime: Number(NOW) + 100, amount: 5n },
          { id: 4n, operator: OP, redelegateTo: OP2, unlockTime: Number(NOW) + 200, amount: 6n },
          { id: 5n, operator: OP, redelegateTo: zeroAddress, unlockTime: Number(NOW), amount: 7n },
        ],
      }),
    );
    expect(events.map((e) => [e.uid, e.start, e.title])).toEqual([
      ['unlock-3@alt-staking-31337', NOW + 100n, 'Unstaked ALT can be withdrawn'],
      ['unlock-4@alt-staking-31337', NOW + 200n, 'Redelegation can be completed'],
    ]);
    expect(events[1].description).toContain(`6 ALT moving from operator ${OP} to ${OP2}`);
  });

  it('adds the claim window end while an allocation is unclaimed, stable per account and chain', () => {
    const [event] = deadlineEvents(state({ airdrop: { claimEnd: NOW + 9n, amount: 12n } }));
    expect(event).toMatchObject({
      uid: 'claim-end-0x00000000000000000000000000000000000000cc@alt-airdrop-31337',
      start: NOW + 9n,
      url: 'https://app.example/#/airdrop',
    });
    expect(deadlineEvents(state({ airdrop: { claimEnd: NOW, amount: 12n } }))).toEqual([]);
  });
});
