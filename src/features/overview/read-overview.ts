/** Reads everything the Overview shows for one account on one chain in a single Multicall3 round trip. */
import { zeroAddress, type Address } from 'viem';
import { multicall, readContract } from 'viem/actions';
import { headCalls, multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';
import { altAirdropAbi, altStakingAbi, altTokenAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';

export interface OverviewData {
  blockNumber: bigint;
  /** The block's timestamp: all "now" comparisons use chain time. */
  chainTime: bigint;
  balance: bigint | undefined;
  votes: bigint | undefined;
  delegate: Address | null | undefined;
  staking:
    | {
        staked: bigint;
        unbonding: bigint;
        unbondingReady: bigint;
        rewards: bigint;
        operators: number;
        requests: number;
      }
    | undefined;
  airdrop: { claimed: boolean; claimStart: bigint; claimEnd: bigint; merkleRoot: `0x${string}` } | undefined;
}

/** Every read the Overview makes, as one list: batched into a single Multicall3 call below. */
export function overviewCalls(chain: ChainConfig, account: Address) {
  const { alt, staking, airdrop } = chain.contracts;
  const multicall3 = multicall3Of(chain);
  return [
    ...headCalls(multicall3),
    ...(alt
      ? [
          { address: alt, abi: altTokenAbi, functionName: 'balanceOf', args: [account] },
          { address: alt, abi: altTokenAbi, functionName: 'getVotes', args: [account] },
          { address: alt, abi: altTokenAbi, functionName: 'delegates', args: [account] },
        ]
      : []),
    ...(staking ? [{ address: staking, abi: altStakingAbi, functionName: 'getStaker', args: [account] }] : []),
    ...(airdrop
      ? [
          { address: airdrop, abi: altAirdropAbi, functionName: 'info' },
          { address: airdrop, abi: altAirdropAbi, functionName: 'isClaimed', args: [account] },
        ]
      : []),
  ];
}

/** `undefined` fields mean the contract is not deployed on this chain (or its call failed). */
export async function readOverview(client: ReadClient, chain: ChainConfig, account: Address): Promise<OverviewData> {
  const { alt, staking, airdrop } = chain.contracts;
  const multicall3 = multicall3Of(chain);
  const results = await multicall(client, {
    contracts: overviewCalls(chain, account) as any,
    allowFailure: true,
    multicallAddress: multicall3,
  });
  const value = <T>(i: number) => (results[i]?.status === 'success' ? (results[i].result as T) : undefined);
  // The first call is the block number: if it failed, the whole batch did (the RPC, not a contract).
  if (results[0]?.status !== 'success')
    throw results[0]?.error ?? new Error('The chain did not answer the batched read.');
  let i = 2;
  const balance = alt ? value<bigint>(i++) : undefined;
  const votes = alt ? value<bigint>(i++) : undefined;
  const delegateRaw = alt ? value<Address>(i++) : undefined;
  const chainTime = value<bigint>(1)!;

  let stakingData: OverviewData['staking'];
  if (staking) {
    const staker = value<readonly [readonly any[], readonly any[]]>(i++);
    if (staker) {
      const [positions, requests] = staker;
      stakingData = {
        staked: positions.reduce((s, p) => s + p.stake, 0n),
        rewards: positions.reduce((s, p) => s + p.pendingRewards, 0n),
        unbonding: requests.reduce((s, r) => s + r.amount, 0n),
        unbondingReady: requests.filter((r) => BigInt(r.unlockTime) <= chainTime).reduce((s, r) => s + r.amount, 0n),
        operators: positions.filter((p) => p.shares > 0n).length,
        requests: requests.length,
      };
    }
  }
  let airdropData: OverviewData['airdrop'];
  if (airdrop) {
    const info = value<{ claimStart: bigint; claimEnd: bigint; merkleRoot: `0x${string}` }>(i++);
    const claimed = value<boolean>(i++);
    if (info && claimed !== undefined) {
      airdropData = {
        claimed,
        claimStart: BigInt(info.claimStart),
        claimEnd: BigInt(info.claimEnd),
        merkleRoot: info.merkleRoot,
      };
    }
  }
  return {
    blockNumber: value<bigint>(0)!,
    chainTime,
    balance,
    votes,
    delegate: delegateRaw === undefined ? undefined : delegateRaw === zeroAddress ? null : delegateRaw,
    staking: stakingData,
    airdrop: airdropData,
  };
}

/** ALT balance on a chain that has only the token (one eth_call). */
export async function readAltBalance(client: ReadClient, alt: Address, account: Address): Promise<bigint> {
  return readContract(client, { address: alt, abi: altTokenAbi, functionName: 'balanceOf', args: [account] });
}
