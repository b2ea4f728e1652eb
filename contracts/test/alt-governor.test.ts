import { describe, expect, it } from 'vitest';
import { encodeFunctionData, type Address } from 'viem';
import { altGovernorAbi, altLayerTokenAbi, altStakingAbi } from '../../src/lib/contracts/generated.ts';
import { asImpersonated, send } from '../../devnet/client.ts';
import { ALT, DAY, revertName, tx, useChain } from './fixture.ts';
import { governorHelper, type ProposalInput } from './governor-helper.ts';

describe('AltGovernor', () => {
  const chain = useChain({
    setup: async (c) => {
      const [, big, small] = c.accounts;
      await c.fund(big, ALT(500_000_000));
      await c.fund(small, ALT(100_000));
      // The treasury's ALT is plain ALT: it never counts towards the votable supply or the quorum.
      await c.fund(c.deployment.contracts.timelock, ALT(4_000_000_000));
      await c.wrap(big, ALT(500_000_000));
      await c.wrap(small, ALT(100_000));
      await c.advance(1);
    },
  });
  const g = governorHelper(chain);
  const accounts = () => {
    const [deployer, big, small, nobody, recipient] = chain.accounts;
    return { deployer, big, small, nobody, recipient };
  };
  let counter = 0;
  const grant = (to: Address, amount = ALT(1_000)): ProposalInput => ({
    targets: [chain.deployment.contracts.alt],
    values: [0n],
    calldatas: [encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [to, amount] })],
    description: `# Grant ${++counter}\n\nSend ALT from the treasury.`,
  });
  const balance = (who: Address) => chain.altBalance(who);

  it('uses the timestamp clock, takes its votes from AltVotes, and exposes its settings', async () => {
    const read = (functionName: any) => chain.client.readContract({ ...g.gov(), functionName } as any);
    expect(await read('CLOCK_MODE')).toBe('mode=timestamp');
    expect(await read('token')).toBe(chain.deployment.contracts.votes);
    expect(await read('votingDelay')).toBe(BigInt(DAY));
    expect(await read('votingPeriod')).toBe(BigInt(5 * DAY));
    expect(await read('proposalThreshold')).toBe(ALT(1_000_000));
    expect(await read('GRACE_PERIOD')).toBe(BigInt(14 * DAY));
  });

  it('runs a treasury grant through propose, vote, queue and execute', async () => {
    const { big, recipient, nobody } = accounts();
    const id = await g.propose(big, grant(recipient, ALT(5_000)));
    expect(await g.state(id)).toBe('Pending');
    expect(await chain.client.readContract({ ...g.gov(), functionName: 'proposalCount' })).toBe(1n);
    await g.waitFor(id, 'snapshot');
    expect(await g.state(id)).toBe('Active');
    await g.vote(big, id, 1, 'fund it');
    expect(await revertName(() => g.vote(big, id, 1))).toBe('GovernorAlreadyCastVote');
    const [against, forVotes, abstain] = await chain.client.readContract({
      ...g.gov(),
      functionName: 'proposalVotes',
      args: [id],
    });
    expect([against, forVotes, abstain]).toEqual([0n, ALT(500_000_000), 0n]);
    expect(await revertName(() => g.queue(nobody, id))).toBe('GovernorUnexpectedProposalState');
    await g.waitFor(id, 'deadline');
    expect(await g.state(id)).toBe('Succeeded');
    await g.queue(nobody, id);
    expect(await g.state(id)).toBe('Queued');
    expect(await revertName(() => g.execute(nobody, id))).toBe('TimelockUnexpectedOperationState');
    await g.waitFor(id, 'eta', 0);
    const before = await balance(recipient);
    await g.execute(nobody, id);
    expect(await g.state(id)).toBe('Executed');
    expect((await balance(recipient)) - before).toBe(ALT(5_000));
  });

  it('refuses proposals from holders under the threshold', async () => {
    const { small, recipient } = accounts();
    expect(await revertName(() => g.propose(small, grant(recipient)))).toBe('GovernorInsufficientProposerVotes');
  });

  it('cancels a pending proposal by its proposer only', async () => {
    const { big, small, recipient } = accounts();
    const id = await g.propose(big, grant(recipient));
    expect(await revertName(() => tx(chain, small, { ...g.gov(), functionName: 'cancel', args: [id] }))).toBe(
      'GovernorUnableToCancel',
    );
    await tx(chain, big, { ...g.gov(), functionName: 'cancel', args: [id] });
    expect(await g.state(id)).toBe('Canceled');
    await g.waitFor(id, 'snapshot');
    expect(await revertName(() => g.vote(big, id, 1))).toBe('GovernorUnexpectedProposalState');
  });

  it('defeats a proposal voted down, and one short of quorum', async () => {
    const { big, small, recipient } = accounts();
    const down = await g.propose(big, grant(recipient));
    const quiet = await g.propose(big, grant(recipient));
    // The later proposal's snapshot: its own block can be seconds after the first one's, and until
    // that time passes a vote on it is refused as Pending.
    await g.waitFor(quiet, 'snapshot');
    await g.vote(big, down, 0, 'no');
    await g.vote(small, quiet, 1);
    await g.waitFor(quiet, 'deadline');
    expect(await g.state(down)).toBe('Defeated');
    expect(await g.state(quiet)).toBe('Defeated');
    const quorum = await chain.client.readContract({
      ...g.gov(),
      functionName: 'quorum',
      args: [await chain.client.readContract({ ...g.gov(), functionName: 'proposalSnapshot', args: [quiet] })],
    });
    // 4% of what can vote (500,100,000 wrapped), not of 10B with the treasury's 4B.
    expect(quorum).toBe((ALT(500_100_000) * 4n) / 100n);
  });

  it('counts staked ALT as voting power: staking never costs a vote', async () => {
    const { big, small, recipient } = accounts();
    const { staking, timelock, alt } = chain.deployment.contracts;
    const [, , , , , operator] = chain.accounts;
    await asImpersonated(chain.client, timelock, () =>
      send(chain.client, timelock, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'setOperatorAllowlisted',
        args: [operator, true],
      }),
    );
    await tx(chain, operator, {
      address: staking,
      abi: altStakingAbi,
      functionName: 'registerOperator',
      args: ['', 1, 500],
    });
    await chain.fund(small, ALT(2_000_000));
    await tx(chain, small, {
      address: alt,
      abi: altLayerTokenAbi,
      functionName: 'approve',
      args: [staking, ALT(2_000_000)],
    });
    await tx(chain, small, {
      address: staking,
      abi: altStakingAbi,
      functionName: 'stake',
      args: [operator, ALT(2_000_000)],
    });
    await chain.advance(1);
    // Over the 1M threshold through stake alone.
    const id = await g.propose(small, grant(recipient));
    await g.waitFor(id, 'snapshot');
    await g.vote(small, id, 0, 'staked and still voting');
    await g.vote(big, id, 1);
    const [against] = await chain.client.readContract({ ...g.gov(), functionName: 'proposalVotes', args: [id] });
    expect(against).toBe(ALT(2_100_000));
  });

  it('expires a queued proposal not executed within the grace period', async () => {
    const { big, nobody, recipient } = accounts();
    const id = await g.propose(big, grant(recipient));
    await g.waitFor(id, 'snapshot');
    await g.vote(big, id, 1);
    await g.waitFor(id, 'deadline');
    await g.queue(nobody, id);
    await g.waitFor(id, 'eta', 14 * DAY + 1);
    expect(await g.state(id)).toBe('Expired');
    expect(await revertName(() => g.execute(nobody, id))).toBe('GovernorUnexpectedProposalState');
  });

  it('accepts a zero-weight vote (so the app must stop it before it is sent)', async () => {
    const { big, nobody, recipient } = accounts();
    const id = await g.propose(big, grant(recipient));
    await g.waitFor(id, 'snapshot');
    await g.vote(nobody, id, 1);
    expect(await chain.client.readContract({ ...g.gov(), functionName: 'hasVoted', args: [id, nobody] })).toBe(true);
  });

  it('rejects a vote with an invalid support value', async () => {
    const { big, recipient } = accounts();
    const id = await g.propose(big, grant(recipient));
    await g.waitFor(id, 'snapshot');
    expect(
      await revertName(() =>
        tx(chain, big, {
          address: chain.deployment.contracts.governor,
          abi: altGovernorAbi,
          functionName: 'castVote',
          args: [id, 3],
        }),
      ),
    ).toBe('GovernorInvalidVoteType');
  });
});
