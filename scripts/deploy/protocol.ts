/**
 * Protocol v2's deployment sequence, shared by the devnet and `npm run deploy`: against an ALT that
 * already exists, it deploys the timelock, AltVotes, AltStaking, the governor and the airdrop, wires the
 * timelock to the governor and hands every admin role to governance, with an optional bootstrap
 * admin (a Safe in practice) that can act on the timelock until it renounces.
 */
import {
  getContractAddress,
  keccak256,
  parseEther,
  toBytes,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altStakingAbi,
  altTimelockAbi,
  altVotesAbi,
} from '../../src/lib/contracts/generated.ts';
import {
  altAirdropBytecode,
  altGovernorBytecode,
  altStakingBytecode,
  altTimelockBytecode,
  altVotesBytecode,
} from '../../devnet/bytecode.ts';

const DAY = 86_400;

/** Protocol parameters; the defaults mirror a plausible mainnet configuration. */
export const DEFAULT_PARAMETERS = {
  votingDelay: DAY,
  votingPeriod: 5 * DAY,
  proposalThreshold: parseEther('1000000'),
  quorumPercent: 4n,
  timelockDelay: 2 * DAY,
  /** As AltLayer's own ALT staking: 21 days, longer than the 8-day governance path to a slash. */
  unbondingPeriod: 21 * DAY,
  commissionDelay: 7 * DAY,
  maxCommissionBps: 2_000n,
  minStake: parseEther('1'),
  /** Time after the claim window during which governance can still extend it before a sweep. */
  sweepDelay: 14 * DAY,
};

export type ProtocolParameters = typeof DEFAULT_PARAMETERS;

export interface AirdropSetup {
  root: Hex;
  claimStart: bigint;
  claimEnd: bigint;
}

export interface ProtocolContracts {
  alt: Address;
  votes: Address;
  timelock: Address;
  governor: Address;
  staking: Address;
  airdrop?: Address;
}

/** What the sequence needs from whoever sends: a deployer address, its nonce, and two ways to act. */
export interface Sender {
  address: Address;
  nonce(): Promise<number>;
  deploy(label: string, contract: { abi: Abi; bytecode: Hex; args: readonly unknown[] }): Promise<Address>;
  call(
    label: string,
    call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
  ): Promise<void>;
}

const role = (name: string) => keccak256(toBytes(name));
const DEFAULT_ADMIN_ROLE = `0x${'00'.repeat(32)}` as Hex;

/**
 * Deploys protocol v2 against `alt`. `admin` (optional) keeps the timelock's admin role to finish
 * set-up (a Safe), otherwise the timelock administers itself from the start; either way the deployer
 * keeps nothing.
 */
export async function deployProtocolV2(
  sender: Sender,
  options: { alt: Address; admin?: Address; airdrop?: AirdropSetup; parameters?: ProtocolParameters },
): Promise<ProtocolContracts> {
  const p = options.parameters ?? DEFAULT_PARAMETERS;
  const from = sender.address;
  const timelock = await sender.deploy('AltTimelock', {
    abi: altTimelockAbi,
    bytecode: altTimelockBytecode,
    args: [BigInt(p.timelockDelay), [], [], from],
  });
  // AltVotes and AltStaking name each other: AltVotes is built with the address AltStaking will get
  // from the next nonce, and AltStaking's constructor checks it.
  const nonce = await sender.nonce();
  const predictedStaking = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  // The airdrop (deployed after the governor) stakes for its claimants: AltStaking names it as its
  // stake agent from the start, since nobody but governance could grant that role later.
  const predictedAirdrop = options.airdrop ? getContractAddress({ from, nonce: BigInt(nonce + 3) }) : zeroAddress;
  const votes = await sender.deploy('AltVotes', {
    abi: altVotesAbi,
    bytecode: altVotesBytecode,
    args: [options.alt, predictedStaking],
  });
  const staking = await sender.deploy('AltStaking', {
    abi: altStakingAbi,
    bytecode: altStakingBytecode,
    args: [
      options.alt,
      votes,
      timelock,
      timelock,
      BigInt(p.unbondingPeriod),
      BigInt(p.commissionDelay),
      p.maxCommissionBps,
      p.minStake,
      predictedAirdrop,
    ],
  });
  if (staking !== predictedStaking) throw new Error(`AltStaking landed at ${staking}, not ${predictedStaking}`);
  const governor = await sender.deploy('AltGovernor', {
    abi: altGovernorAbi,
    bytecode: altGovernorBytecode,
    args: [votes, timelock, p.votingDelay, p.votingPeriod, p.proposalThreshold, p.quorumPercent],
  });
  let airdrop: Address | undefined;
  if (options.airdrop) {
    airdrop = await sender.deploy('AltAirdrop', {
      abi: altAirdropAbi,
      bytecode: altAirdropBytecode,
      args: [
        options.alt,
        staking,
        votes,
        timelock,
        timelock,
        options.airdrop.root,
        options.airdrop.claimStart,
        options.airdrop.claimEnd,
        BigInt(p.sweepDelay),
      ],
    });
    if (airdrop !== predictedAirdrop) throw new Error(`AltAirdrop landed at ${airdrop}, not ${predictedAirdrop}`);
  }
  const timelockCall = (functionName: string, args: readonly unknown[]) =>
    sender.call(`AltTimelock.${functionName}`, { address: timelock, abi: altTimelockAbi, functionName, args });
  for (const name of ['PROPOSER_ROLE', 'CANCELLER_ROLE', 'EXECUTOR_ROLE']) {
    await timelockCall('grantRole', [role(name), governor]);
  }
  if (options.admin && options.admin !== from) await timelockCall('grantRole', [DEFAULT_ADMIN_ROLE, options.admin]);
  await timelockCall('renounceRole', [DEFAULT_ADMIN_ROLE, from]);
  return { alt: options.alt, votes, timelock, governor, staking, airdrop };
}
