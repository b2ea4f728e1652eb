/** Deploys the protocol from one account in a fixed order, so addresses are the same on every run. */
import { keccak256, parseEther, toBytes, type Address, type Hex } from 'viem';
import {
  altAirdropAbi,
  altAirdropBytecode,
  altGovernorAbi,
  altGovernorBytecode,
  altStakingAbi,
  altStakingBytecode,
  altTimelockAbi,
  altTimelockBytecode,
  altTokenAbi,
  altTokenBytecode,
} from '../src/lib/contracts/generated.ts';
import { deploy, send, type DevnetClient } from './client.ts';

const DAY = 86_400;

/** Protocol parameters; the devnet's defaults mirror a plausible mainnet configuration. */
export const DEFAULT_PARAMETERS = {
  votingDelay: DAY,
  votingPeriod: 5 * DAY,
  proposalThreshold: parseEther('1000000'),
  quorumPercent: 4n,
  timelockDelay: 2 * DAY,
  unbondingPeriod: 7 * DAY,
  commissionDelay: 7 * DAY,
  maxCommissionBps: 2_000n,
  minStake: parseEther('1'),
};

export type ProtocolParameters = typeof DEFAULT_PARAMETERS;

export interface Deployment {
  chainId: number;
  deployBlock: number;
  deployer: Address;
  contracts: {
    alt: Address;
    timelock: Address;
    governor: Address;
    staking: Address;
    airdrop: Address;
    multicall3: Address;
  };
}

export interface AirdropSetup {
  root: Hex;
  claimStart: bigint;
  claimEnd: bigint;
}

const role = (name: string) => keccak256(toBytes(name));

/** Deploys token, timelock, governor, staking and airdrop; the timelock ends up owning everything. */
export async function deployProtocol(
  client: DevnetClient,
  deployer: Address,
  airdrop: AirdropSetup,
  parameters: ProtocolParameters = DEFAULT_PARAMETERS,
): Promise<Deployment> {
  const token = await deploy(
    client,
    deployer,
    { abi: altTokenAbi, bytecode: altTokenBytecode, args: [deployer] },
    'AltToken',
  );
  const timelock = await deploy(
    client,
    deployer,
    { abi: altTimelockAbi, bytecode: altTimelockBytecode, args: [BigInt(parameters.timelockDelay), [], [], deployer] },
    'AltTimelock',
  );
  const governor = await deploy(
    client,
    deployer,
    {
      abi: altGovernorAbi,
      bytecode: altGovernorBytecode,
      args: [
        token.address,
        timelock.address,
        parameters.votingDelay,
        parameters.votingPeriod,
        parameters.proposalThreshold,
        parameters.quorumPercent,
      ],
    },
    'AltGovernor',
  );
  for (const name of ['PROPOSER_ROLE', 'CANCELLER_ROLE', 'EXECUTOR_ROLE']) {
    await send(client, deployer, {
      address: timelock.address,
      abi: altTimelockAbi,
      functionName: 'grantRole',
      args: [role(name), governor.address],
    });
  }
  await send(client, deployer, {
    address: timelock.address,
    abi: altTimelockAbi,
    functionName: 'renounceRole',
    args: [`0x${'00'.repeat(32)}`, deployer],
  });
  const staking = await deploy(
    client,
    deployer,
    {
      abi: altStakingAbi,
      bytecode: altStakingBytecode,
      args: [
        token.address,
        timelock.address,
        timelock.address,
        BigInt(parameters.unbondingPeriod),
        BigInt(parameters.commissionDelay),
        parameters.maxCommissionBps,
        parameters.minStake,
      ],
    },
    'AltStaking',
  );
  const airdropContract = await deploy(
    client,
    deployer,
    {
      abi: altAirdropAbi,
      bytecode: altAirdropBytecode,
      args: [token.address, staking.address, timelock.address, airdrop.root, airdrop.claimStart, airdrop.claimEnd],
    },
    'AltAirdrop',
  );
  return {
    chainId: client.chain.id,
    deployBlock: Number(token.blockNumber),
    deployer,
    contracts: {
      alt: token.address,
      timelock: timelock.address,
      governor: governor.address,
      staking: staking.address,
      airdrop: airdropContract.address,
      multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
    },
  };
}
