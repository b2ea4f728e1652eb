/**
 * From claim to stake: the allocation claimed, all or part of it staked with one operator, the rest
 * kept as voting power, and every vote (staked and wrapped) with the delegate the claimant picks.
 *
 * The same plan takes two shapes:
 * - `calls`: the whole sequence with exact approvals, sent as one EIP-5792 batch (one confirmation)
 *   and, for a wallet that cannot batch, simulated as one sequence before its first prompt;
 * - `steps`: the fewest prompts the contracts allow without a batch. Staking everything is the
 *   airdrop's own `claimAndStake` (one transaction). Staking part claims as voting power keeping the
 *   current delegate (no signature), unwraps the part to stake, and stakes it (a permit and one
 *   transaction, or an exact approval and one). A new delegate is one more transaction at the end.
 */
import { isAddressEqual, type Address } from 'viem';
import { formatToken } from '../../lib/format/amount.ts';
import { stakeCall } from '../../lib/staking/stake-calls.ts';
import { approveCall } from '../../lib/tx/spend-flow.ts';
import type { TxCall } from '../../lib/tx/tx-call.ts';
import { delegateCall, withdrawToCall } from '../../lib/votes/votes-calls.ts';
import { claimAndStakeCall, claimCall, claimToVotesCall, type ClaimTarget } from './claim-calls.ts';
import * as m from '../../lib/i18n/messages.ts';

export interface ClaimToStakeRequest {
  target: ClaimTarget;
  account: Address;
  alt: Address;
  staking: Address;
  operator: Address;
  /** How much of the allocation to stake: more than zero, at most all of it. */
  stake: bigint;
  /**
   * The votes token claims can arrive in (AltVotes), the delegate for every vote of the account
   * (undefined: keep the current one) and the current one (undefined: none); undefined where claims
   * cannot arrive as voting power: the rest then arrives as plain ALT.
   */
  votes?: { address: Address; delegatee?: Address; current?: Address };
  /**
   * What the page read of the operator and the staking contract: checked here too, so that a wallet
   * whose provider cannot simulate the whole sequence is not asked to claim for a stake that must fail.
   */
  terms?: { minStake: bigint; operatorActive: boolean; operatorSlashing: boolean };
}

export type ClaimToStakeStep =
  /** A transaction as it is. */
  | { kind: 'send'; call: TxCall; what: string }
  /** A stake of `amount` through the shared spend flow: a permit where it can, else an exact approval. */
  | { kind: 'stake'; amount: bigint; what: string };

export interface ClaimToStakePlan {
  calls: TxCall[];
  steps: ClaimToStakeStep[];
  /** What is staked. */
  staked: bigint;
  /** What arrives unstaked, and as what. */
  rest: { amount: bigint; as: 'votes' | 'alt' };
  /** Whether the account's delegate changes (one more call). */
  delegates: boolean;
}

export class ClaimToStakeError extends Error {}

/** The plan for `request`; throws {@link ClaimToStakeError} for an amount outside the allocation. */
export function claimToStakePlan(request: ClaimToStakeRequest): ClaimToStakePlan {
  const { target, account, staking, operator, stake, votes } = request;
  if (stake <= 0n) throw new ClaimToStakeError(m.airdrop_claim_to_stake_zero());
  if (stake > target.amount) throw new ClaimToStakeError(m.airdrop_claim_to_stake_over_allocation());
  if (votes?.delegatee && /^0x0{40}$/i.test(votes.delegatee))
    throw new ClaimToStakeError(m.airdrop_claim_to_stake_zero_address());
  const terms = request.terms;
  if (terms && !terms.operatorActive) throw new ClaimToStakeError(m.airdrop_claim_to_stake_operator_inactive());
  if (terms?.operatorSlashing) throw new ClaimToStakeError(m.airdrop_claim_to_stake_operator_slashing());
  if (terms && stake < terms.minStake)
    throw new ClaimToStakeError(m.airdrop_claim_to_stake_min_stake({ amount: formatToken(terms.minStake) }));
  const rest = target.amount - stake;
  // The delegate the claim keeps without a signature: the current one, or the account itself.
  const keeps = votes ? (votes.current ?? account) : undefined;
  const delegatee = votes?.delegatee ?? keeps;
  const delegates = !!delegatee && !!keeps && !isAddressEqual(delegatee, keeps);
  const delegate = votes && delegatee && delegates ? delegateCall(votes.address, delegatee) : undefined;

  const calls: TxCall[] = [];
  const steps: ClaimToStakeStep[] = [];
  if (rest === 0n) {
    const call = claimAndStakeCall(target, operator);
    calls.push(call);
    steps.push({ kind: 'send', call, what: m.airdrop_claim_panel_claim_and_stake() });
  } else {
    const claim = votes && keeps ? claimToVotesCall(target, keeps) : claimCall(target);
    calls.push(claim);
    steps.push({
      kind: 'send',
      call: claim,
      what: votes ? m.airdrop_claim_panel_claim_as_votes() : m.airdrop_claim_panel_claim(),
    });
    if (votes) {
      const unwrap = withdrawToCall(votes.address, account, stake);
      calls.push(unwrap);
      steps.push({ kind: 'send', call: unwrap, what: m.airdrop_claim_to_stake_step_unwrap() });
    }
    calls.push(approveCall(request.alt, staking, stake), stakeCall(staking, operator, stake));
    steps.push({ kind: 'stake', amount: stake, what: m.airdrop_claim_to_stake_step_stake() });
  }
  if (delegate) {
    calls.push(delegate);
    steps.push({ kind: 'send', call: delegate, what: m.airdrop_claim_to_stake_step_delegate() });
  }
  return { calls, steps, staked: stake, rest: { amount: rest, as: votes ? 'votes' : 'alt' }, delegates };
}

/** Wallet prompts `plan` takes without a batch; a stake is two (a permit and a transaction, or an approval and one). */
export const promptsWithoutBatch = (plan: ClaimToStakePlan) =>
  plan.steps.reduce((sum, step) => sum + (step.kind === 'stake' ? 2 : 1), 0);
