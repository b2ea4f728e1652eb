/**
 * Seeds a deployed protocol with a month of plausible history, replayed on chain time from T0 (30 days
 * before the wall clock) so that the devnet ends at the present with every screen populated.
 */
import { keccak256, parseEther, toBytes, type Address } from 'viem';
import { altAirdropAbi, altGovernorAbi, altStakingAbi, altTokenAbi } from '../src/lib/contracts/generated.ts';
import { rebuildShard, type AirdropShard } from '../src/features/airdrop/shard.ts';
import { random } from '../scripts/random.ts';
import { asImpersonated, mineAt, send, type DevnetClient } from './client.ts';
import type { Deployment } from './deploy.ts';
import { BROKEN_METADATA, CANDIDATE_OPERATOR, metadataUri, OPERATORS } from './operators.ts';
import { seededProposals } from './proposals.ts';

const DAY = 86_400;
const ALT = (n: number | string) => parseEther(String(n));

/** Which of anvil's 100 dev accounts plays which part. */
export const ROLES = {
  deployer: 0,
  devAccounts: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  operators: { from: 10, count: 24 },
  candidateOperator: 34,
  stakers: { from: 35, count: 60 },
  grantsMultisig: 95,
  researchFund: 96,
};

/** ALT held by the first dev accounts after seeding starts (before staking); #9 holds none. */
const DEV_BALANCES = [250_000_000, 120_000_000, 80_000_000, 40_000_000, 25_000_000, 5_000_000, 2_000_000, 1_000_000, 0];
/** ALT vote delegation of dev accounts #1..#9: self, another dev account's index, or none. */
const DEV_DELEGATES: (number | 'self' | null)[] = ['self', 1, 'self', 3, null, 1, null, 'self', null];

export const TREASURY_ALT = 4_000_000_000;
export const REWARD_FUND_ALT = 50_000_000;
export const REWARD_RATE_ALT_PER_SECOND = '0.25';
export const SLASH_REASON =
  'Equivocation: signed two conflicting state roots for rollup 0x7a3f…e21c at L2 block 1,204,551 (VITAL challenge #318).';

export interface SeedInput {
  deployment: Deployment;
  accounts: Address[];
  /** Chain time of the first seeded block, in seconds. */
  t0: number;
  /** Chain time to end at (the wall clock), in seconds. */
  now: number;
  airdrop: { shards: Map<string, AirdropShard>; claimStart: number };
}

export interface SeedSummary {
  proposals: Record<string, bigint>;
  slashedOperator: Address;
  deactivatedOperator: Address;
  pendingCommissionOperator: Address;
}

/** Finds `account`'s entry and full proof (shard proof then top proof) in the shard files. */
export function airdropProofFor(shards: Map<string, AirdropShard>, account: Address) {
  const shard = shards.get(account.slice(2, 5).toLowerCase());
  const found = shard && rebuildShard(shard).proofFor(account);
  return found && { amount: BigInt(found.entry[1]), proof: found.proof };
}

export async function seed(client: DevnetClient, input: SeedInput): Promise<SeedSummary> {
  const { deployment, accounts, t0 } = input;
  const { alt, staking, governor, timelock, airdrop } = deployment.contracts;
  const next = random(31_337);
  const deployer = accounts[ROLES.deployer];
  const dev = (i: number) => accounts[i];
  const operators = Array.from({ length: ROLES.operators.count }, (_, i) => accounts[ROLES.operators.from + i]);
  const stakers = Array.from({ length: ROLES.stakers.count }, (_, i) => accounts[ROLES.stakers.from + i]);
  const candidate = accounts[ROLES.candidateOperator];
  const at = (day: number) => mineAt(client, t0 + Math.round(day * DAY));

  const token = { address: alt, abi: altTokenAbi } as const;
  const stake = { address: staking, abi: altStakingAbi } as const;
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const transfer = (to: Address, amount: bigint) =>
    send(client, deployer, { ...token, functionName: 'transfer', args: [to, amount] });
  const stakeTo = async (from: Address, operator: Address, amount: bigint) => {
    await send(client, from, { ...token, functionName: 'approve', args: [staking, amount] });
    await send(client, from, { ...stake, functionName: 'stake', args: [operator, amount] });
  };

  // Day 0: distribution, delegation, operators, first stakes, reward stream.
  await at(0);
  await transfer(timelock, ALT(TREASURY_ALT));
  for (const [i, balance] of DEV_BALANCES.entries()) if (balance) await transfer(dev(i + 1), ALT(balance));
  for (const [i, operator] of OPERATORS.entries()) await transfer(operators[i], ALT(operator.selfStake + 200_000));
  await transfer(candidate, ALT(CANDIDATE_OPERATOR.selfStake + 100_000));
  const stakerBalances = stakers.map(() => ALT(Math.round(20_000 + next() * 1_980_000)));
  for (const [i, staker] of stakers.entries()) await transfer(staker, stakerBalances[i]);

  for (const [i, target] of DEV_DELEGATES.entries()) {
    if (target === null) continue;
    const delegatee = target === 'self' ? dev(i + 1) : dev(target);
    await send(client, dev(i + 1), { ...token, functionName: 'delegate', args: [delegatee] });
  }
  for (const [i, staker] of stakers.entries()) {
    if (i % 3 === 2) continue;
    const delegatee = i % 3 === 0 ? staker : dev(i % 2 ? 1 : 3);
    await send(client, staker, { ...token, functionName: 'delegate', args: [delegatee] });
  }
  await send(client, operators[0], { ...token, functionName: 'delegate', args: [operators[0]] });

  await asImpersonated(client, timelock, async () => {
    for (const operator of operators) {
      await send(client, timelock, { ...stake, functionName: 'setOperatorAllowlisted', args: [operator, true] });
    }
    await send(client, timelock, { ...stake, functionName: 'setRewardRate', args: [ALT(REWARD_RATE_ALT_PER_SECOND)] });
  });
  for (const [i, seedOperator] of OPERATORS.entries()) {
    const uri = i === 20 ? BROKEN_METADATA.notJson : i === 21 ? BROKEN_METADATA.unreachable : metadataUri(seedOperator);
    await send(client, operators[i], {
      ...stake,
      functionName: 'registerOperator',
      args: [uri, seedOperator.services, seedOperator.commissionBps],
    });
    await stakeTo(operators[i], operators[i], ALT(seedOperator.selfStake));
  }
  await send(client, deployer, { ...token, functionName: 'approve', args: [staking, ALT(REWARD_FUND_ALT)] });
  await send(client, deployer, { ...stake, functionName: 'fundRewards', args: [ALT(REWARD_FUND_ALT)] });

  // Stakers spread over one to three operators, favouring the first ones as real delegation does.
  const choices = new Map<Address, Address[]>();
  for (const [i, staker] of stakers.entries()) {
    const count = 1 + Math.floor(next() * 3);
    const picked = new Set<Address>();
    while (picked.size < count) picked.add(operators[Math.floor(next() ** 1.6 * 22)]);
    choices.set(staker, [...picked]);
    const share = stakerBalances[i] / 2n / BigInt(count);
    for (const operator of picked) await stakeTo(staker, operator, share);
  }
  await stakeTo(dev(1), operators[0], ALT(2_000_000));
  await stakeTo(dev(1), operators[4], ALT(1_000_000));
  await stakeTo(dev(2), operators[1], ALT(500_000));
  await stakeTo(dev(3), operators[2], ALT(750_000));
  await stakeTo(dev(4), operators[3], ALT(3_000_000));
  await stakeTo(dev(8), operators[7], ALT(100_000));

  // Governance, first round.
  const proposals = seededProposals(deployment, {
    grants: accounts[ROLES.grantsMultisig],
    research: accounts[ROLES.researchFund],
    candidate,
  });
  const ids: Record<string, bigint> = {};
  const propose = async (from: Address, key: keyof typeof proposals) => {
    const p = proposals[key];
    await send(client, from, {
      ...gov,
      functionName: 'propose',
      args: [p.targets, p.values, p.calldatas, p.description],
    });
    ids[key] = await client.readContract({
      ...gov,
      functionName: 'hashProposal',
      args: [p.targets, p.values, p.calldatas, keccak256(toBytes(p.description))],
    });
  };
  const vote = (from: Address, key: string, support: 0 | 1 | 2, reason = '') =>
    send(client, from, { ...gov, functionName: 'castVoteWithReason', args: [ids[key], support, reason] });
  const voteFromStakers = async (key: string, bias: number) => {
    for (const [i, staker] of stakers.entries()) {
      if (i % 3 !== 0 || next() < 0.4) continue;
      const roll = next();
      await vote(staker, key, roll < bias ? 1 : roll < bias + 0.15 ? 2 : 0);
    }
  };

  await at(0.1);
  await propose(dev(1), 'grants');
  await propose(dev(3), 'rewardRate');
  await propose(dev(3), 'unbonding');
  await propose(dev(1), 'allowlistExpired');
  await at(0.2);
  await send(client, dev(3), { ...gov, functionName: 'cancel', args: [ids.rewardRate] });

  await at(1.2);
  await vote(dev(1), 'grants', 1, 'Client diversity is the cheapest security we can buy.');
  await vote(dev(3), 'grants', 1, 'Supportive; please publish milestone reports on the forum.');
  await voteFromStakers('grants', 0.8);
  await vote(dev(1), 'unbonding', 0, 'Seven days is the floor for fraud-proof windows.');
  await vote(dev(3), 'unbonding', 1, 'Faster exits would bring in more stake.');
  await voteFromStakers('unbonding', 0.3);
  await vote(dev(1), 'allowlistExpired', 1);
  await vote(dev(3), 'allowlistExpired', 1);

  await at(5);
  await send(client, operators[1], { ...stake, functionName: 'requestCommissionChange', args: [1_000] });

  await at(6.2);
  await send(client, deployer, { ...gov, functionName: 'queue', args: [ids.grants] });
  await send(client, deployer, { ...gov, functionName: 'queue', args: [ids.allowlistExpired] });
  await at(8.3);
  await send(client, deployer, { ...gov, functionName: 'execute', args: [ids.grants] });

  // Day 10: exits that are ready to withdraw by the present, one of them later hit by a slash.
  await at(10);
  await send(client, dev(1), { ...stake, functionName: 'unstake', args: [operators[4], ALT(400_000)] });
  await send(client, dev(4), { ...stake, functionName: 'unstake', args: [operators[3], ALT(500_000)] });
  for (const staker of stakers.slice(0, 8)) {
    const operator = choices.get(staker)![0];
    await send(client, staker, { ...stake, functionName: 'unstake', args: [operator, ALT(5_000)] });
  }

  await at(14);
  await propose(dev(1), 'maxCommission');
  await at(15);
  await asImpersonated(client, timelock, () =>
    send(client, timelock, { ...stake, functionName: 'slash', args: [operators[4], 1_000n, SLASH_REASON] }),
  );
  await at(15.1);
  await vote(dev(1), 'maxCommission', 1, 'Protects stakers from surprise commission hikes.');
  await vote(dev(3), 'maxCommission', 1);
  await voteFromStakers('maxCommission', 0.7);

  // Day 20: some stakers claim, some compound.
  await at(20);
  for (const [i, staker] of stakers.entries()) {
    if (i % 4 === 0)
      await send(client, staker, { ...stake, functionName: 'claimRewards', args: [choices.get(staker)!] });
    else if (i % 4 === 1)
      await send(client, staker, { ...stake, functionName: 'compound', args: [choices.get(staker)![0]] });
  }

  await at(22.5);
  await propose(dev(3), 'research');
  await at(23.6);
  await vote(dev(1), 'research', 1);
  await vote(dev(3), 'research', 1, 'MACH needs this research before SQUAD mainnet.');
  await voteFromStakers('research', 0.75);
  await at(24);
  await send(client, operators[17], { ...stake, functionName: 'deactivateOperator', args: [operators[17]] });

  // Airdrop window opens on day 25; early claimers on day 26.
  await at(26);
  const claim = async (account: Address, from: Address) => {
    const found = airdropProofFor(input.airdrop.shards, account);
    if (!found) throw new Error(`${account} is not in the airdrop`);
    await send(client, from, {
      address: airdrop,
      abi: altAirdropAbi,
      functionName: 'claim',
      args: [account, found.amount, found.proof],
    });
  };
  await claim(dev(3), dev(3));
  const recipients = [...input.airdrop.shards.values()].flatMap((s) => s.entries.map(([a]) => a));
  for (const account of recipients.filter((_, i) => i % 9 === 4).slice(0, 40)) {
    if (account !== dev(3).toLowerCase()) await claim(account, deployer);
  }

  await at(27);
  await propose(dev(1), 'allowlist');
  await send(client, dev(1), { ...stake, functionName: 'unstake', args: [operators[0], ALT(250_000)] });
  await at(28.5);
  await propose(dev(3), 'fundRewards');
  await at(28.6);
  await send(client, deployer, { ...gov, functionName: 'queue', args: [ids.research] });
  await at(28.7);
  await send(client, dev(4), { ...stake, functionName: 'unstake', args: [operators[3], ALT(250_000)] });
  for (const staker of stakers.slice(8, 14)) {
    const operator = choices.get(staker)![0];
    await send(client, staker, { ...stake, functionName: 'unstake', args: [operator, ALT(2_500)] });
  }
  await at(29);
  await send(client, operators[8], { ...stake, functionName: 'requestCommissionChange', args: [1_500] });
  await at(29.5);
  await propose(dev(1), 'rewardRateDown');
  await at(29.6);
  await vote(dev(3), 'allowlist', 1, 'Resubmission of AIP-4, which passed but expired.');
  await voteFromStakers('allowlist', 0.85);

  await mineAt(client, input.now);
  return {
    proposals: ids,
    slashedOperator: operators[4],
    deactivatedOperator: operators[17],
    pendingCommissionOperator: operators[8],
  };
}
