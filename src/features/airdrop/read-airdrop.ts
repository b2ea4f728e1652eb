/** Everything the airdrop page reads from the chain, in one Multicall3 round trip. */
import { getAddress, zeroAddress, type Address, type Hex } from 'viem';
import { altAirdropAbi, altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import type { ChainCaps } from '../../lib/web3/capabilities.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { readBatch } from '../../lib/web3/read-batch.ts';
import { cache } from '../../lib/query/presets.ts';
import type { OperatorInfo, StakingParameters } from '../../lib/staking/read-staking.ts';
import { queryKey } from '../../lib/query/keys.ts';
import * as m from '../../lib/i18n/messages.ts';

export interface OperatorChoice {
  address: Address;
  metadataURI: string;
  commissionBps: number;
  /** The operator as the staking contract reports it: pending commission change included. */
  info: OperatorInfo;
}

/** What claim-and-stake states before it stakes, as the stake form does (see staking/stake-terms.ts). */
export interface StakeTerms {
  parameters: StakingParameters;
  maxSlashBps: bigint;
  /** The claimant's positions: a claimant with no active stake acknowledges the risks first. */
  positions: { stake: bigint }[];
}

export interface AirdropChainState {
  blockNumber: bigint;
  chainTime: bigint;
  altPaused?: boolean;
  merkleRoot: Hex;
  claimStart: bigint;
  claimEnd: bigint;
  sweepableAt: bigint;
  totalClaimed: bigint;
  claimCount: bigint;
  balance: bigint;
  swept: boolean;
  treasury: Address;
  claimed: boolean;
  /** For claiming to voting power: the account's current delegate and its votes-token nonce. */
  delegate?: Address;
  votesNonce?: bigint;
  operators: OperatorChoice[];
  stakeTerms?: StakeTerms;
}

/** How many operators the claim-and-stake picker offers (active ones, in registration order). */
const OPERATOR_PAGE = 100n;

export async function readAirdrop(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account: Address,
): Promise<AirdropChainState> {
  const { airdrop, alt, staking } = chain.contracts;
  if (!airdrop || !alt) throw new Error(m.airdrop_read_not_deployed());
  const A = { address: airdrop, abi: altAirdropAbi } as const;
  const votes = caps.airdrop?.claimsToVotes ? caps.votes : undefined;
  const { blockNumber, chainTime, values } = await readBatch(client, chain, {
    info: { ...A, functionName: 'info' },
    claimed: { ...A, functionName: 'isClaimed', args: [account] },
    treasury: { ...A, functionName: 'treasury' },
    paused: caps.alt?.pausable && ({ address: alt, abi: altLayerTokenAbi, functionName: 'paused' } as const),
    delegate:
      votes && ({ address: votes.address, abi: altVotesAbi, functionName: 'delegates', args: [account] } as const),
    votesNonce:
      votes && ({ address: votes.address, abi: altVotesAbi, functionName: 'nonces', args: [account] } as const),
    operators:
      staking &&
      ({ address: staking, abi: altStakingAbi, functionName: 'getOperators', args: [0n, OPERATOR_PAGE] } as const),
    stakingParameters: staking && ({ address: staking, abi: altStakingAbi, functionName: 'getParameters' } as const),
    maxSlashBps: staking && ({ address: staking, abi: altStakingAbi, functionName: 'MAX_SLASH_BPS' } as const),
    staker: staking && ({ address: staking, abi: altStakingAbi, functionName: 'getStaker', args: [account] } as const),
  });
  const { info, staker, delegate } = values;
  const operators = values.operators ?? [];
  return {
    blockNumber,
    chainTime,
    altPaused: values.paused,
    merkleRoot: info.merkleRoot,
    claimStart: BigInt(info.claimStart),
    claimEnd: BigInt(info.claimEnd),
    sweepableAt: BigInt(info.sweepableAt),
    totalClaimed: info.totalClaimed,
    claimCount: info.claimCount,
    balance: info.balance,
    swept: info.swept,
    treasury: values.treasury,
    claimed: values.claimed,
    delegate: delegate && delegate !== zeroAddress ? getAddress(delegate) : undefined,
    votesNonce: values.votesNonce,
    operators: operators
      .filter((o) => o.status === 1)
      .map((o) => ({ address: o.operator, metadataURI: o.metadataURI, commissionBps: o.commissionBps, info: o })),
    stakeTerms:
      values.stakingParameters && values.maxSlashBps !== undefined
        ? {
            parameters: values.stakingParameters,
            maxSlashBps: values.maxSlashBps,
            positions: [...(staker?.[0] ?? [])],
          }
        : undefined,
  };
}

/** The airdrop page's chain query: one per chain and viewed account, refreshed each block. */
export const airdropQuery = (ctx: ReadContext, account: Address | undefined) => ({
  queryKey: queryKey('airdrop', ctx.chainId, { account }),
  queryFn: async () => readAirdrop(ctx.client, ctx.chain, await ctx.requireCaps(), account!),
  enabled: ctx.settled && !!account && !!ctx.chain.contracts.airdrop,
  ...cache.perBlock,
});
