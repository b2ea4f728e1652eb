import { describe, expect, it } from 'vitest';
import type { AppState } from './lib/web3/app-state.svelte.ts';
import { touchedBy } from './lib/query/keys.ts';
import { PER_BLOCK_ROOTS } from './lib/query/presets.ts';
import { STAKING_TOUCHES } from './features/staking/stake-calls.ts';
import { GOVERNANCE_TOUCHES } from './features/governance/governance-calls.ts';
import { CLAIM_TOUCHES } from './features/airdrop/claim-calls.ts';
import { VOTES_TOUCHES } from './lib/votes/votes-calls.ts';
import { proposalListQuery } from './features/governance/read-proposals.ts';
import { proposalQuery } from './features/governance/read-proposal.ts';
import { yourVotesQuery } from './features/governance/read-your-votes.ts';
import { delegatesHistory } from './features/governance/delegate-queries.ts';
import { stakingQuery } from './lib/staking/read-staking.ts';
import { overviewQuery } from './features/overview/read-overview.ts';

// Only what the key factories read: the chain and the account the app is viewing.
const app = { chainId: 31337, addressSettled: true, contract: () => undefined } as unknown as AppState;
const ME = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const keys = {
  proposalList: proposalListQuery(app, 0, 10).queryKey,
  proposal: proposalQuery(app, 1n, ME).queryKey,
  yourVotes: yourVotesQuery(app, ME).queryKey,
  delegates: delegatesHistory(app).queryKey,
  staking: stakingQuery(app, ME).queryKey,
  overview: overviewQuery(app, ME).queryKey,
};
const refreshed = (touches: Parameters<typeof touchedBy>[0], chainId = 31337) =>
  Object.entries(keys)
    .filter(([, key]) => touchedBy(touches, chainId)(key))
    .map(([name]) => name);

describe('what a write refreshes', () => {
  it('a stake refreshes staking and voting power, never the proposals', () => {
    expect(refreshed(STAKING_TOUCHES)).toEqual(['yourVotes', 'delegates', 'staking', 'overview']);
  });
  it('a vote or a proposal refreshes the proposals and the delegates who vote, not the staking directory', () => {
    expect(refreshed(GOVERNANCE_TOUCHES)).toEqual(['proposalList', 'proposal', 'yourVotes', 'delegates', 'overview']);
  });
  it('a delegation refreshes voting power and the proposals that show where it went', () => {
    expect(refreshed(VOTES_TOUCHES)).toEqual(Object.keys(keys));
  });
  it('a claim refreshes voting power and staking, not the proposals', () => {
    expect(refreshed(CLAIM_TOUCHES)).toEqual(['yourVotes', 'delegates', 'staking', 'overview']);
  });
  it('nothing on another chain', () => {
    expect(refreshed(VOTES_TOUCHES, 1)).toEqual([]);
  });
  it('new blocks refresh every root that follows the head', () => {
    expect(refreshed([...PER_BLOCK_ROOTS])).toEqual(Object.keys(keys));
  });
});
