/**
 * Everything the Overview shows for one account on one chain in a single Multicall3 round trip: ALT
 * and whether it is paused, voting power split by source, stake, and the airdrop. A call that fails
 * leaves its own card with a message; the others still show.
 */
import type { Address } from 'viem';
import { altAirdropViewsAbi } from '../../lib/contracts/abi/alt-airdrop-views.ts';
import { altLayerTokenViewsAbi } from '../../lib/contracts/abi/alt-layer-token-views.ts';
import { stakingInterfaceAbi } from '../../lib/contracts/staking-interface.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import type { ChainCaps } from '../../lib/web3/capabilities.ts';
import { readBatch } from '../../lib/web3/read-batch.ts';
import { ethCall } from '../../lib/web3/eth-call.ts';
import { toVotingPower, votingPowerCalls, type VotingPower } from '../../lib/votes/voting-power.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { cache } from '../../lib/query/presets.ts';
import { queryKey } from '../../lib/query/keys.ts';
import { chainProfile } from '../../lib/web3/chain-profile.ts';
import * as m from '../../lib/i18n/messages.ts';

export type Card = 'balance' | 'voting' | 'staking' | 'airdrop';

export interface OverviewData {
  blockNumber: bigint;
  /** The block's timestamp: all "now" comparisons use chain time. */
  chainTime: bigint;
  altPaused?: boolean;
  balance?: bigint;
  voting?: VotingPower;
  staking?: {
    staked: bigint;
    unbonding: bigint;
    unbondingReady: bigint;
    rewards: bigint;
    operators: number;
    requests: number;
  };
  airdrop?: { claimed: boolean; claimStart: bigint; claimEnd: bigint; merkleRoot: `0x${string}` };
  /** Cards whose reads failed, with the error, so they say so instead of loading forever. */
  failed: Partial<Record<Card, Error>>;
}

/** Every read the Overview makes, by name: batched into a single Multicall3 call. */
export function overviewCalls(chain: ChainConfig, caps: ChainCaps, account: Address) {
  const { alt, staking, airdrop } = chain.contracts;
  return {
    balance: alt && ({ address: alt, abi: altLayerTokenViewsAbi, functionName: 'balanceOf', args: [account] } as const),
    paused:
      caps.alt?.pausable && alt && ({ address: alt, abi: altLayerTokenViewsAbi, functionName: 'paused' } as const),
    ...votingPowerCalls(caps, account),
    staker:
      staking && ({ address: staking, abi: stakingInterfaceAbi, functionName: 'getStaker', args: [account] } as const),
    airdropInfo: airdrop && ({ address: airdrop, abi: altAirdropViewsAbi, functionName: 'info' } as const),
    claimed:
      airdrop && ({ address: airdrop, abi: altAirdropViewsAbi, functionName: 'isClaimed', args: [account] } as const),
  };
}

export async function readOverview(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account: Address,
): Promise<OverviewData> {
  const { staking, airdrop, alt } = chain.contracts;
  const { blockNumber, chainTime, values, errors } = await readBatch(
    client,
    chain,
    overviewCalls(chain, caps, account),
    {
      allowFailure: true,
    },
  );
  const failed: OverviewData['failed'] = {};
  if (alt && errors.balance) failed.balance = errors.balance;
  const voting = toVotingPower(caps, account, values);
  if (caps.votes && !voting)
    failed.voting = errors.vpVotes ?? errors.vpDelegate ?? new Error(m.overview_read_no_answer());

  let stakingData: OverviewData['staking'];
  if (staking) {
    const staker = values.staker;
    if (staker) {
      const [positions, requests] = staker;
      stakingData = {
        staked: positions.reduce((s, p) => s + p.stake, 0n),
        rewards: positions.reduce((s, p) => s + p.pendingRewards, 0n),
        unbonding: requests.reduce((s, r) => s + r.amount, 0n),
        unbondingReady: requests.filter((r) => BigInt(r.unlockTime) <= chainTime).reduce((s, r) => s + r.amount, 0n),
        operators: positions.filter((p) => p.stake > 0n).length,
        requests: requests.length,
      };
    } else failed.staking = errors.staker;
  }
  let airdropData: OverviewData['airdrop'];
  if (airdrop) {
    const info = values.airdropInfo;
    const claimed = values.claimed;
    if (info && claimed !== undefined) {
      airdropData = {
        claimed,
        claimStart: BigInt(info.claimStart),
        claimEnd: BigInt(info.claimEnd),
        merkleRoot: info.merkleRoot,
      };
    } else failed.airdrop = errors.airdropInfo ?? errors.claimed;
  }
  return {
    blockNumber,
    chainTime,
    altPaused: values.paused,
    balance: values.balance,
    voting,
    staking: stakingData,
    airdrop: airdropData,
    failed,
  };
}

/** ALT balance on a chain that has only the token (one eth_call). */
export async function readAltBalance(client: ReadClient, alt: Address, account: Address): Promise<bigint> {
  return ethCall(client, { address: alt, abi: altLayerTokenViewsAbi, functionName: 'balanceOf', args: [account] });
}

/** The Overview's query: one per chain and viewed account, refreshed each block. */
export const overviewQuery = (ctx: ReadContext, account: Address | undefined) => ({
  queryKey: queryKey('overview', ctx.chainId, { account }),
  queryFn: async () => readOverview(ctx.client, ctx.chain, await ctx.requireCaps(), account!),
  enabled: ctx.settled && !!account,
  ...cache.perBlock,
});

/** The pause before asking an unreachable chain again: 2 s, doubling per failure, at most a minute. */
export const retryDelay = (failures: number): number => Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));

/**
 * ALT on another chain than the app's: one eth_call, refreshed on that chain's own rhythm (about once
 * per block there); a chain that does not answer says "unreachable" at once and is asked again with
 * growing pauses until it does.
 */
export const otherChainBalanceQuery = (ctx: ReadContext, chain: ChainConfig, account: Address) => ({
  queryKey: queryKey('balances', chain.id, { account }),
  queryFn: () => readAltBalance(ctx.clientOf(chain.id)!, chain.contracts.alt!, account),
  ...cache.perBlock,
  retry: 0,
  refetchInterval: (query: { state: { status: string; errorUpdateCount: number } }) =>
    query.state.status === 'error' ? retryDelay(query.state.errorUpdateCount) : chainProfile(chain.id).blockTimeMs,
  refetchIntervalInBackground: false,
});
