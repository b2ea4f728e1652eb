/**
 * An account's voting power as the governor counts it, split by where it comes from: ALT wrapped into
 * voting power, ALT staked (which keeps voting), and what others delegated to it; plus the plain ALT
 * in its wallet that does not vote yet. Every figure comes from the governor's votes token, never
 * from ALT (which has no votes). Screens add `votingPowerCalls` to their own batch.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { altLayerTokenViewsAbi } from '../contracts/abi/alt-layer-token-views.ts';
import { stakingInterfaceAbi } from '../contracts/staking-interface.ts';
import { altVotesViewsAbi } from '../contracts/abi/alt-votes-views.ts';
import type { ChainCaps } from '../web3/capabilities.ts';
import type { BatchValues } from '../web3/read-batch.ts';

export interface VotingPower {
  /** The governor's votes token: its address and symbol (for labels). */
  token: Address;
  symbol: string;
  /** Votes the account can cast now: its own if delegated to itself, plus what others delegated to it. */
  votes: bigint;
  /** Whom the account's own voting power goes to; undefined when it never had any to delegate. */
  delegate?: Address;
  /** Its own voting units: wrapped ALT (or the votes token balance) plus staked ALT. */
  wrapped: bigint;
  /** Staked ALT that votes: active stake and stake unbonding (or moving), which votes until withdrawn. */
  staked?: bigint;
  /** The part of `staked` that is unbonding or moving between operators, when the staker's positions were read. */
  unbonding?: bigint;
  /** Votes others delegated to this account. */
  fromOthers: bigint;
  /** Plain ALT in the wallet, which does not vote until wrapped or staked (when the token wraps ALT). */
  plainAlt?: bigint;
  /** For wrapping: the ALT allowance to the votes token and the ALT permit nonce. */
  allowance?: bigint;
  altNonce?: bigint;
}

/** The reads voting power needs, to be merged into a screen's batch (none without a votes token). */
export function votingPowerCalls(caps: ChainCaps, account: Address) {
  const votes = caps.votes;
  const vt = votes && ({ address: votes.address, abi: altVotesViewsAbi } as const);
  const alt = votes?.wrapsAlt && caps.alt && ({ address: caps.alt.address, abi: altLayerTokenViewsAbi } as const);
  return {
    vpVotes: vt && ({ ...vt, functionName: 'getVotes', args: [account] } as const),
    vpDelegate: vt && ({ ...vt, functionName: 'delegates', args: [account] } as const),
    vpWrapped: vt && ({ ...vt, functionName: 'balanceOf', args: [account] } as const),
    vpStaked: vt && votes.countsStake && ({ ...vt, functionName: 'stakedUnitsOf', args: [account] } as const),
    // The same read as the Overview's and the staking page's (one entry when merged by name).
    staker:
      votes?.countsStake &&
      caps.staking &&
      ({
        address: caps.staking.address,
        abi: stakingInterfaceAbi,
        functionName: 'getStaker',
        args: [account],
      } as const),
    vpPlain: alt && ({ ...alt, functionName: 'balanceOf', args: [account] } as const),
    vpAllowance: alt && ({ ...alt, functionName: 'allowance', args: [account, votes.address] } as const),
    vpNonce: alt && caps.alt?.domain && ({ ...alt, functionName: 'nonces', args: [account] } as const),
  };
}

/** Voting power from a batch's values (see `votingPowerCalls`); undefined if the votes read failed. */
export function toVotingPower(
  caps: ChainCaps,
  account: Address,
  values: BatchValues<ReturnType<typeof votingPowerCalls>>,
): VotingPower | undefined {
  if (!caps.votes || values.vpVotes === undefined || values.vpDelegate === undefined) return undefined;
  const votes = values.vpVotes;
  const delegateRaw = values.vpDelegate;
  const delegate = delegateRaw === zeroAddress ? undefined : getAddress(delegateRaw);
  const wrapped = values.vpWrapped ?? 0n;
  const staked = values.vpStaked;
  const own = wrapped + (staked ?? 0n);
  const positions = values.staker?.[0];
  const active = positions?.reduce((sum, p) => sum + p.stake, 0n);
  return {
    token: caps.votes.address,
    symbol: caps.votes.symbol,
    votes,
    delegate,
    wrapped,
    staked,
    unbonding: staked !== undefined && active !== undefined && staked > active ? staked - active : undefined,
    fromOthers: delegate === account ? votes - own : votes,
    plainAlt: values.vpPlain,
    allowance: values.vpAllowance,
    altNonce: values.vpNonce,
  };
}
