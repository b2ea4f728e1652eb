import { describe, expect, it } from 'vitest';
import { getAddress, parseEther, type Address } from 'viem';
import {
  ClaimToStakeError,
  claimToStakePlan,
  promptsWithoutBatch,
  type ClaimToStakeRequest,
} from './claim-to-stake.ts';

const me = getAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const them = getAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const alt = getAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');
const staking = getAddress('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
const votes = getAddress('0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0');
const airdrop = getAddress('0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9');
const operator = getAddress('0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9');
const amount = parseEther('1000');

const request = (stake: bigint, delegatee?: Address, current?: Address, withVotes = true): ClaimToStakeRequest => ({
  target: { airdrop, amount, proof: [] },
  account: me,
  alt,
  staking,
  operator,
  stake,
  votes: withVotes ? { address: votes, delegatee: delegatee ?? me, current } : undefined,
});

const shape = (calls: { address: Address; functionName: string; args?: readonly unknown[] }[]) =>
  calls.map(
    (c) =>
      `${c.address === airdrop ? 'airdrop' : c.address === alt ? 'alt' : c.address === staking ? 'staking' : 'votes'}.${c.functionName}(${(
        c.args ?? []
      )
        .filter((a) => typeof a !== 'object')
        .map(String)
        .join(',')})`,
  );

describe('claimToStakePlan', () => {
  it('stakes everything with the airdrop’s own claimAndStake: one transaction, batch or not', () => {
    const plan = claimToStakePlan(request(amount));
    expect(shape(plan.calls)).toEqual([`airdrop.claimAndStake(${amount},${operator})`]);
    expect(promptsWithoutBatch(plan)).toBe(1);
    expect(plan.rest).toEqual({ amount: 0n, as: 'votes' });
    expect(plan.delegates).toBe(false);
  });

  it('stakes part: claims as votes keeping the delegate, unwraps the part, approves exactly and stakes it', () => {
    const stake = parseEther('400');
    const plan = claimToStakePlan(request(stake, them, them));
    expect(shape(plan.calls)).toEqual([
      `airdrop.claimToVotes(${amount},${them})`,
      `votes.withdrawTo(${me},${stake})`,
      `alt.approve(${staking},${stake})`,
      `staking.stake(${operator},${stake})`,
    ]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['send', 'send', 'stake']);
    expect(promptsWithoutBatch(plan)).toBe(4);
    expect(plan.rest).toEqual({ amount: amount - stake, as: 'votes' });
  });

  it('a claimant with no delegate keeps itself; choosing someone else adds one delegation at the end', () => {
    const plan = claimToStakePlan(request(parseEther('1'), them, undefined));
    expect(shape(plan.calls)[0]).toBe(`airdrop.claimToVotes(${amount},${me})`);
    expect(shape(plan.calls).at(-1)).toBe(`votes.delegate(${them})`);
    expect(plan.delegates).toBe(true);
    expect(promptsWithoutBatch(plan)).toBe(5);
    const all = claimToStakePlan(request(amount, them, me));
    expect(shape(all.calls)).toEqual([`airdrop.claimAndStake(${amount},${operator})`, `votes.delegate(${them})`]);
    expect(promptsWithoutBatch(all)).toBe(2);
  });

  it('takes the delegate back from someone else to the claimant with one delegation, whatever the case', () => {
    const plan = claimToStakePlan(request(amount, me, them));
    expect(shape(plan.calls).at(-1)).toBe(`votes.delegate(${me})`);
    expect(claimToStakePlan(request(amount, them.toLowerCase() as Address, them)).delegates).toBe(false);
  });

  it('without a votes token the rest arrives as plain ALT and nothing is delegated', () => {
    const stake = parseEther('1');
    const plan = claimToStakePlan(request(stake, undefined, undefined, false));
    expect(shape(plan.calls)).toEqual([
      `airdrop.claim(${amount})`,
      `alt.approve(${staking},${stake})`,
      `staking.stake(${operator},${stake})`,
    ]);
    expect(plan.rest).toEqual({ amount: amount - stake, as: 'alt' });
  });

  it('refuses nothing to stake, or more than the allocation, before anything is asked', () => {
    expect(() => claimToStakePlan(request(0n))).toThrow(ClaimToStakeError);
    expect(() => claimToStakePlan(request(amount + 1n))).toThrow('more than your allocation');
  });

  it('refuses what the staking contract would refuse, from what the page read, before the claim', () => {
    const terms = { minStake: parseEther('100'), operatorActive: true, operatorSlashing: false };
    expect(() => claimToStakePlan({ ...request(parseEther('99')), terms })).toThrow('at least 100 ALT');
    expect(() => claimToStakePlan({ ...request(amount), terms: { ...terms, operatorActive: false } })).toThrow(
      'not active',
    );
    expect(() => claimToStakePlan({ ...request(amount), terms: { ...terms, operatorSlashing: true } })).toThrow(
      'being slashed',
    );
    expect(() => claimToStakePlan(request(amount, '0x0000000000000000000000000000000000000000'))).toThrow(
      'zero address',
    );
    expect(claimToStakePlan({ ...request(parseEther('100')), terms }).staked).toBe(parseEther('100'));
  });
});
