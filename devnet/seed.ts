/**
 * Seeds a deployed protocol with a month of plausible history, replayed on chain time from T0 (30 days
 * before the wall clock) so that the devnet ends at the present with every screen populated.
 */
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEther,
  toBytes,
  zeroAddress,
  type Address,
  type Hex,
} from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altVotesAbi,
  delegateStatementsAbi,
  devnetEnsAbi,
} from '../src/lib/contracts/generated.ts';
import { rebuildShard, type AirdropShard } from '../src/lib/airdrop/shard.ts';
import { random } from '../scripts/random.ts';
import { asImpersonated, mineAt, send, type DevnetClient } from './client.ts';
import type { Deployment } from './deploy.ts';
import { BROKEN_METADATA, CANDIDATE_OPERATOR, metadataUri, OPERATORS } from './operators.ts';
import { seededProposals } from './proposals.ts';
import { createSafe, runSafeTx } from './safe.ts';
import { multiSendTx } from '../src/lib/web3/safe.ts';

const DAY = 86_400;
const ZERO_WORD: Hex = `0x${'00'.repeat(32)}`;
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
  /** Owns ALT (pause, unpause, mint): on mainnet AltLayer's multisig, here a dev account. */
  altOwner: 97,
  /** Deploys Safe v1.4.1 at its canonical addresses (its own account, so no protocol address moves). */
  safeDeployer: 98,
  /** The owners of the seeded 2-of-3 Safe (the e2e test wallet acts as the first). */
  safeOwners: [7, 8, 9] as const,
};

/** The seeded Safe: 2 of 3, created with this salt nonce (so its address never changes). */
export const SEEDED_SAFE = { threshold: 2, saltNonce: 1n, alt: 30_000_000, wrap: 20_000_000, stake: 2_000_000 };

/** ALT minted to the first dev accounts when seeding starts (before staking); #9 holds none. */
const DEV_BALANCES = [250_000_000, 120_000_000, 80_000_000, 40_000_000, 25_000_000, 5_000_000, 2_000_000, 1_000_000, 0];
/**
 * How dev accounts #1..#9 enter voting power: ALT wrapped into Voting ALT and its delegate (self, or
 * another dev account's index). Accounts not listed hold plain ALT only, which does not vote.
 */
const DEV_VOTES: Record<number, { wrap: number; delegate: number | 'self' }> = {
  1: { wrap: 240_000_000, delegate: 'self' },
  2: { wrap: 100_000_000, delegate: 1 },
  3: { wrap: 70_000_000, delegate: 'self' },
  4: { wrap: 30_000_000, delegate: 3 },
  6: { wrap: 3_000_000, delegate: 1 },
};

export const TOTAL_SUPPLY_ALT = 10_000_000_000;
export const TREASURY_ALT = 4_000_000_000;
export const REWARD_FUND_ALT = 50_000_000;
export const REWARD_RATE_ALT_PER_SECOND = '0.25';
export const SLASH_REASON =
  'Equivocation: signed two conflicting state roots for rollup 0x7a3f…e21c at L2 block 1,204,551 (VITAL challenge #318).';

/** The statements seeded delegates publish (the Safe's through a Safe transaction). */
export const STATEMENTS = {
  dev1: {
    text: '## Security before growth\n\nI vote for **client diversity**, audited upgrades and slashing that needs a vote.\n\n- Against commission hikes without notice\n- For publishing operator incidents within a week',
    links: ['https://forum.altlayer.example/u/first-delegate'],
  },
  dev3: {
    text: 'Builder of rollup tooling. I back research grants with milestones and faster, safer exits.',
    links: [],
  },
  safe: {
    text: '# A 2-of-3 Safe\n\nThree signers from the research fund; each vote needs two of us. We publish our reasoning before voting.',
    links: ['https://forum.altlayer.example/t/research-fund-votes', 'https://research.altlayer.example'],
  },
} as const;

/**
 * ENS names on the devnet's own ENS (devnet/ens.ts): registered and pointed at each delegate, who
 * then sets it as its primary name (the Safe through a Safe transaction).
 */
export const ENS_NAMES = {
  dev1: 'security-first.eth',
  dev3: 'rollupbuilder.eth',
  safe: 'research-fund.eth',
  operator0: 'vital-ops.eth',
} as const;
/**
 * A delegate that sets another's name as its primary name: the name resolves to dev #1, not to this
 * operator, so no client may show it beside the operator.
 */
export const BORROWED_NAME = { operatorIndex: 1, name: ENS_NAMES.dev1 } as const;

export interface SeedInput {
  deployment: Deployment;
  accounts: Address[];
  /** Chain time of the first seeded block, in seconds. */
  t0: number;
  /** Chain time to end at (the wall clock), in seconds. */
  now: number;
  airdrop: { shards: Map<string, AirdropShard>; claimStart: number; total: bigint };
}

export interface SeedSummary {
  proposals: Record<string, bigint>;
  slashedOperator: Address;
  deactivatedOperator: Address;
  /** A 2-of-3 Safe that holds ALT, votes (a top delegate), stakes, and is eligible in the airdrop. */
  safe: Address;
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
  const { alt, votes, staking, governor, timelock, airdrop } = deployment.contracts;

  const next = random(31_337);
  const deployer = accounts[ROLES.deployer];
  const dev = (i: number) => accounts[i];
  const operators = Array.from({ length: ROLES.operators.count }, (_, i) => accounts[ROLES.operators.from + i]);
  const stakers = Array.from({ length: ROLES.stakers.count }, (_, i) => accounts[ROLES.stakers.from + i]);
  const candidate = accounts[ROLES.candidateOperator];
  const at = (day: number) => mineAt(client, t0 + Math.round(day * DAY));

  const token = { address: alt, abi: altLayerTokenAbi } as const;
  const stake = { address: staking, abi: altStakingAbi } as const;
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const vALT = { address: votes, abi: altVotesAbi } as const;
  // ALT's owner mints the supply straight to its holders; what is left at the end goes to the deployer.
  const altOwner = deployment.altOwner;
  let minted = 0n;
  const mint = async (to: Address, amount: bigint) => {
    minted += amount;
    await send(client, altOwner, { ...token, functionName: 'mint', args: [to, amount] });
  };
  const stakeTo = async (from: Address, operator: Address, amount: bigint) => {
    await send(client, from, { ...token, functionName: 'approve', args: [staking, amount] });
    await send(client, from, { ...stake, functionName: 'stake', args: [operator, amount] });
  };
  const stakerView = (staker: Address) => client.readContract({ ...stake, functionName: 'getStaker', args: [staker] });
  const wrap = async (from: Address, amount: bigint, delegatee: Address) => {
    await send(client, from, { ...token, functionName: 'approve', args: [votes, amount] });
    await send(client, from, { ...vALT, functionName: 'depositAndDelegate', args: [amount, delegatee] });
  };

  // Day 0: distribution, voting power, operators, first stakes, reward stream.
  await at(0);
  await mint(airdrop, input.airdrop.total);
  await mint(timelock, ALT(TREASURY_ALT));
  for (const [i, balance] of DEV_BALANCES.entries()) if (balance) await mint(dev(i + 1), ALT(balance));
  for (const [i, operator] of OPERATORS.entries()) await mint(operators[i], ALT(operator.selfStake + 200_000));
  await mint(candidate, ALT(CANDIDATE_OPERATOR.selfStake + 100_000));
  const stakerBalances = stakers.map(() => ALT(Math.round(20_000 + next() * 1_980_000)));
  for (const [i, staker] of stakers.entries()) await mint(staker, stakerBalances[i]);
  await mint(deployer, ALT(REWARD_FUND_ALT));

  for (const [index, { wrap: amount, delegate }] of Object.entries(DEV_VOTES)) {
    const i = Number(index);
    await wrap(dev(i), ALT(amount), delegate === 'self' ? dev(i) : dev(delegate));
  }

  // A 2-of-3 Safe, as funds and DAOs hold ALT: it wraps into voting power for itself in one batched
  // Safe transaction (approve exactly + deposit), one owner confirming and another executing.
  const [safeOwnerA, safeOwnerB, safeOwnerC] = ROLES.safeOwners.map(dev);
  const safeOwners = [safeOwnerA, safeOwnerB] as [Address, Address];
  const safe = await createSafe(
    client,
    safeOwnerA,
    [safeOwnerA, safeOwnerB, safeOwnerC],
    SEEDED_SAFE.threshold,
    SEEDED_SAFE.saltNonce,
  );
  const data = (abi: any, functionName: string, args: readonly unknown[]) =>
    encodeFunctionData({ abi, functionName, args } as any);
  const safeBatch = (calls: { to: Address; data: Hex }[]) => runSafeTx(client, safe, safeOwners, multiSendTx(calls));
  await mint(safe, ALT(SEEDED_SAFE.alt));
  await safeBatch([
    { to: alt, data: data(altLayerTokenAbi, 'approve', [votes, ALT(SEEDED_SAFE.wrap)]) },
    { to: votes, data: data(altVotesAbi, 'depositAndDelegate', [ALT(SEEDED_SAFE.wrap), safe]) },
  ]);

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
    // Staking votes for the staker by itself; a third hand their votes to a dev delegate, and a few
    // also wrap part of the rest of their ALT.
    if (i % 3 === 1) await send(client, staker, { ...vALT, functionName: 'delegate', args: [dev(i % 2 ? 1 : 3)] });
    if (i % 5 === 0) await wrap(staker, share, i % 3 === 1 ? dev(i % 2 ? 1 : 3) : staker);
  }
  await stakeTo(dev(1), operators[0], ALT(2_000_000));
  await stakeTo(dev(1), operators[4], ALT(1_000_000));
  await stakeTo(dev(2), operators[1], ALT(500_000));
  await stakeTo(dev(3), operators[2], ALT(750_000));
  await stakeTo(dev(4), operators[3], ALT(3_000_000));
  await stakeTo(dev(8), operators[7], ALT(100_000));
  await safeBatch([
    { to: alt, data: data(altLayerTokenAbi, 'approve', [staking, ALT(SEEDED_SAFE.stake)]) },
    { to: staking, data: data(altStakingAbi, 'stake', [operators[2], ALT(SEEDED_SAFE.stake)]) },
  ]);

  // Statements: what the top delegates stand for, in the DelegateStatements registry.
  const statements = deployment.contracts.statements;
  if (statements) {
    const publish = { address: statements, abi: delegateStatementsAbi, functionName: 'publish' } as const;
    for (const [who, statement] of [
      [dev(1), STATEMENTS.dev1],
      [dev(3), STATEMENTS.dev3],
    ] as const)
      await send(client, who, { ...publish, args: [statement.text, [...statement.links]] });
    await runSafeTx(client, safe, safeOwners, {
      to: statements,
      value: 0n,
      data: data(delegateStatementsAbi, 'publish', [STATEMENTS.safe.text, [...STATEMENTS.safe.links]]),
      operation: 0,
    });
  }

  // ENS: names for the top delegates, and one delegate claiming a name that is not its own.
  const ens = deployment.contracts.ensUniversalResolver;
  if (ens) {
    const registrar = accounts[ROLES.safeDeployer];
    const named: [Address, string][] = [
      [dev(1), ENS_NAMES.dev1],
      [dev(3), ENS_NAMES.dev3],
      [safe, ENS_NAMES.safe],
      [operators[0], ENS_NAMES.operator0],
    ];
    for (const [who, name] of named)
      await send(client, registrar, { address: ens, abi: devnetEnsAbi, functionName: 'register', args: [name, who] });
    for (const [who, name] of named.filter(([who]) => who !== safe))
      await send(client, who, { address: ens, abi: devnetEnsAbi, functionName: 'setName', args: [name] });
    await runSafeTx(client, safe, safeOwners, {
      to: ens,
      value: 0n,
      data: data(devnetEnsAbi, 'setName', [ENS_NAMES.safe]),
      operation: 0,
    });
    await send(client, operators[BORROWED_NAME.operatorIndex], {
      address: ens,
      abi: devnetEnsAbi,
      functionName: 'setName',
      args: [BORROWED_NAME.name],
    });
  }

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
  await runSafeTx(client, safe, safeOwners, {
    to: governor,
    value: 0n,
    data: data(altGovernorAbi, 'castVoteWithReason', [
      ids.grants,
      1,
      'Our signers agreed: two more clients, audited, is worth the grant.',
    ]),
    operation: 0,
  });
  await voteFromStakers('grants', 0.8);
  await vote(dev(1), 'unbonding', 0, 'Twenty-one days is the floor once a slash must pass a vote.');
  await vote(dev(3), 'unbonding', 1, 'Faster exits would bring in more stake.');
  await voteFromStakers('unbonding', 0.3);
  await vote(dev(1), 'allowlistExpired', 1);
  await vote(dev(3), 'allowlistExpired', 1);

  // Day 5: exits that are ready to withdraw by the present, one of them later hit by a slash.
  await at(5);
  await send(client, operators[1], { ...stake, functionName: 'requestCommissionChange', args: [1_000] });
  await send(client, dev(1), { ...stake, functionName: 'unstake', args: [operators[4], ALT(400_000)] });
  await send(client, dev(4), { ...stake, functionName: 'unstake', args: [operators[3], ALT(500_000)] });
  for (const staker of stakers.slice(0, 8)) {
    const operator = choices.get(staker)![0];
    await send(client, staker, { ...stake, functionName: 'unstake', args: [operator, ALT(5_000)] });
  }
  // A redelegation that has completed by the present.
  const mover = stakers[20];
  const moverFrom = choices.get(mover)![0];
  const moverTo = operators[moverFrom === operators[6] ? 7 : 6];
  const [moverPositions] = await stakerView(mover);
  const moverStake = moverPositions.find((p) => p.operator === moverFrom)!.stake;
  await send(client, mover, { ...stake, functionName: 'redelegate', args: [moverFrom, moverTo, moverStake / 2n] });

  await at(6.2);
  await send(client, deployer, { ...gov, functionName: 'queue', args: [ids.grants] });
  await send(client, deployer, { ...gov, functionName: 'queue', args: [ids.allowlistExpired] });
  await at(8.3);
  await send(client, deployer, { ...gov, functionName: 'execute', args: [ids.grants] });

  // Day 12: #1 starts moving part of its stake away from the operator that will be slashed.
  await at(12);
  await send(client, dev(1), {
    ...stake,
    functionName: 'redelegate',
    args: [operators[4], operators[2], ALT(100_000)],
  });

  await at(14);
  await propose(dev(1), 'maxCommission');
  await at(15);
  await asImpersonated(client, timelock, () =>
    send(client, timelock, { ...stake, functionName: 'slash', args: [operators[4], 1_000n, SLASH_REASON] }),
  );
  // The slash applies its first page at once; anyone finishes the rest.
  while ((await client.readContract({ ...stake, functionName: 'slashInProgress', args: [operators[4]] }))[0] !== 0n) {
    await send(client, dev(2), { ...stake, functionName: 'continueSlash', args: [operators[4], 64n] });
  }
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

  await at(26);

  // Airdrop window opens on day 25; early claimers on day 26, each claiming for itself (as plain ALT,
  // as voting power, or staked), as only the eligible address can.
  const drop = { address: airdrop, abi: altAirdropAbi } as const;
  const noDelegation = { nonce: 0n, expiry: 0n, v: 0, r: ZERO_WORD, s: ZERO_WORD };
  const claim = async (account: Address, how: 'plain' | 'votes' | 'stake') => {
    const found = airdropProofFor(input.airdrop.shards, account);
    if (!found) throw new Error(`${account} is not in the airdrop`);
    const claimIt = () =>
      how === 'plain'
        ? send(client, account, { ...drop, functionName: 'claim', args: [found.amount, found.proof] })
        : how === 'votes'
          ? send(client, account, {
              ...drop,
              functionName: 'claimToVotes',
              args: [found.amount, found.proof, account, noDelegation],
            })
          : send(client, account, {
              ...drop,
              functionName: 'claimAndStake',
              args: [found.amount, found.proof, operators[12]],
            });
    if (accounts.includes(account)) await claimIt();
    else await asImpersonated(client, account, claimIt);
  };
  await claim(dev(3), 'plain');
  const recipients = [...input.airdrop.shards.values()].flatMap((s) => s.entries.map(([a]) => getAddress(a)));
  for (const [i, account] of recipients
    .filter((_, i) => i % 9 === 4)
    .slice(0, 40)
    .entries()) {
    if (account !== dev(3)) await claim(account, i % 4 === 1 ? 'votes' : i % 4 === 3 ? 'stake' : 'plain');
  }

  await at(26.5);
  const [, moverRequests] = await stakerView(mover);
  const moving = moverRequests.find((r) => r.redelegateTo !== zeroAddress)!;
  await send(client, mover, { ...stake, functionName: 'completeRedelegation', args: [moving.id] });

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
  await at(28.8);
  await propose(dev(3), 'ecosystemFund');
  await at(29);
  await send(client, operators[8], { ...stake, functionName: 'requestCommissionChange', args: [1_500] });
  await at(29.5);
  await propose(dev(1), 'rewardRateDown');
  await at(29.6);
  await vote(dev(3), 'allowlist', 1, 'Resubmission of AIP-4, which passed but expired.');
  await voteFromStakers('allowlist', 0.85);

  // Whatever the owner has not minted to a holder goes to the deployer: 10,000,000,000 ALT in all.
  await mint(deployer, ALT(TOTAL_SUPPLY_ALT) - minted);

  await mineAt(client, input.now);
  return {
    proposals: ids,
    slashedOperator: operators[4],
    deactivatedOperator: operators[17],
    pendingCommissionOperator: operators[8],
    safe,
  };
}
