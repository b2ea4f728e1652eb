import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ReadContext } from './lib/session/read-context.ts';
import { parseAppConfig } from './lib/config/app-config.ts';
import { createReadClient } from './lib/web3/chains.ts';
import { touchedBy } from './lib/query/keys.ts';
import { PER_BLOCK_ROOTS } from './lib/query/presets.ts';
import { STAKING_TOUCHES } from './lib/staking/stake-calls.ts';
import { GOVERNANCE_TOUCHES } from './features/governance/governance-calls.ts';
import { CLAIM_TOUCHES } from './features/airdrop/claim-calls.ts';
import { VOTES_TOUCHES } from './lib/votes/votes-calls.ts';
import { proposalListQuery } from './features/governance/list/read-proposals.ts';
import { proposalQuery } from './features/governance/proposal/read-proposal.ts';
import { yourVotesQuery } from './features/governance/voting-power/read-your-votes.ts';
import { delegatesHistory } from './features/governance/delegates/delegate-queries.ts';
import { stakingQuery } from './lib/staking/read-staking.ts';
import { overviewQuery } from './features/overview/read-overview.ts';

// The devnet's read context as the app builds it (the key factories read its chain id).
const config = parseAppConfig(JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')));
const chain = config.chains.find((c) => c.id === 31337)!;
const client = createReadClient(chain);
const app: ReadContext = {
  chainId: chain.id,
  chain,
  client,
  caps: undefined,
  requireCaps: () => Promise.reject(new Error('not read in this test')),
  clientOf: () => undefined,
  settled: true,
};
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
