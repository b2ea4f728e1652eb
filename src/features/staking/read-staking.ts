/** Everything the staking screens read, in one Multicall3 round trip: parameters, every operator, the account. */
import type { Address } from 'viem';
import { multicall } from 'viem/actions';
import { altStakingAbi, altTokenAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';

export type OperatorInfo = {
  operator: Address;
  status: number;
  services: number;
  commissionBps: number;
  pendingCommissionBps: number;
  commissionEffectiveAt: number;
  slashCount: number;
  stakerCount: number;
  totalStake: bigint;
  unbondingStake: bigint;
  selfStake: bigint;
  totalSlashed: bigint;
  commissionAccrued: bigint;
  metadataURI: string;
};

export type StakingParameters = {
  unbondingPeriod: bigint;
  commissionDelay: bigint;
  maxCommissionBps: bigint;
  minStake: bigint;
  rewardRate: bigint;
  treasury: Address;
  totalActiveStake: bigint;
  totalUnbondingStake: bigint;
  totalEarningStake: bigint;
  undistributedRewards: bigint;
  rewardsReserve: bigint;
  operatorCount: bigint;
};

export type Position = { operator: Address; shares: bigint; stake: bigint; principal: bigint; pendingRewards: bigint };
export type UnbondingRequest = {
  id: bigint;
  operator: Address;
  unlockTime: number;
  requestedAmount: bigint;
  amount: bigint;
};

export interface StakingState {
  blockNumber: bigint;
  chainTime: bigint;
  parameters: StakingParameters;
  operators: OperatorInfo[];
  account?: {
    balance: bigint;
    positions: Position[];
    requests: UnbondingRequest[];
    /** For the stake paths: the current allowance, and the permit nonce and token domain. */
    allowance: bigint;
    nonce: bigint;
    domain: { name: string; version: string };
  };
}

/**
 * Operators are read in one `getOperators` call. 2,000 operators of about 700 bytes each stay well
 * inside an eth_call's return limits; a registry beyond that would need a second page.
 */
const MAX_OPERATORS = 2_000n;

export async function readStaking(client: ReadClient, chain: ChainConfig, account?: Address): Promise<StakingState> {
  const { staking, alt } = chain.contracts;
  if (!staking || !alt) throw new Error('Staking is not deployed on this chain.');
  const multicall3 = multicall3Of(chain);
  const base = [
    ...headCalls(multicall3),
    { address: staking, abi: altStakingAbi, functionName: 'getParameters' },
    { address: staking, abi: altStakingAbi, functionName: 'getOperators', args: [0n, MAX_OPERATORS] },
  ] as const;
  const forAccount = account
    ? ([
        { address: alt, abi: altTokenAbi, functionName: 'balanceOf', args: [account] },
        { address: staking, abi: altStakingAbi, functionName: 'getStaker', args: [account] },
        { address: alt, abi: altTokenAbi, functionName: 'allowance', args: [account, staking] },
        { address: alt, abi: altTokenAbi, functionName: 'nonces', args: [account] },
        { address: alt, abi: altTokenAbi, functionName: 'eip712Domain' },
      ] as const)
    : [];
  const results = (await multicall(client, {
    multicallAddress: multicall3,
    allowFailure: false,
    contracts: [...base, ...forAccount] as any,
  })) as unknown[];
  const [blockNumber, chainTime, parameters, operators] = results as [
    bigint,
    bigint,
    StakingParameters,
    OperatorInfo[],
  ];
  let accountState: StakingState['account'];
  if (account) {
    const [positions, requests] = results[5] as [Position[], UnbondingRequest[]];
    const domain = results[8] as readonly [string, string, string];
    accountState = {
      balance: results[4] as bigint,
      positions: [...positions],
      requests: [...requests],
      allowance: results[6] as bigint,
      nonce: results[7] as bigint,
      domain: { name: domain[1], version: domain[2] },
    };
  }
  return { blockNumber, chainTime, parameters, operators: [...operators], account: accountState };
}
