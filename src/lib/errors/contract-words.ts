/**
 * Plain words for the protocol's custom errors, by name, and the decoder for reverts that bubble up
 * from a callee. Loaded when the first contract error is met (see load-contract-words.svelte.ts): the
 * first page, which rarely meets one, does not carry them.
 */
import { formatTimestamp } from '../format/time.ts';
import { formatToken } from '../format/amount.ts';
import { altPausedMessage } from './paused.ts';
import * as m from '../i18n/messages.ts';
export { decodeProtocolError } from '../contracts/errors.ts';

const date = (seconds: unknown) => formatTimestamp(Number(seconds));
const alt = (value: unknown) => formatToken(BigInt(value as bigint));

/** Plain words for the protocol's custom errors, by name. */
const CONTRACT_MESSAGES: Record<string, (args: readonly unknown[]) => string> = {
  ERC20InsufficientBalance: ([, balance, needed]) =>
    m.errors_contract_words_insufficient_balance({ balance: alt(balance), needed: alt(needed) }),
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    m.errors_contract_words_insufficient_allowance({ allowance: alt(allowance), needed: alt(needed) }),
  ERC2612ExpiredSignature: () => m.errors_contract_words_permit_expired(),
  ERC2612InvalidSigner: () => m.errors_contract_words_permit_wrong_signer(),
  VotesExpiredSignature: () => m.errors_contract_words_delegation_expired(),
  AmountBelowMinimum: ([amount, minimum]) =>
    m.errors_contract_words_amount_below_minimum({ minimum: alt(minimum), amount: alt(amount) }),
  ZeroAmount: () => m.errors_amount_zero(),
  RemainderBelowMinimum: ([remainder, minimum]) =>
    m.errors_contract_words_remainder_below_minimum({ remainder: alt(remainder), minimum: alt(minimum) }),
  OperatorBeingSlashed: () => m.errors_contract_words_operator_being_slashed(),
  NotARedelegation: ([id]) => m.errors_contract_words_not_a_redelegation({ id: String(id) }),
  TooManyPositions: ([max]) => m.errors_contract_words_too_many_positions({ max: String(max) }),
  TooManyRequests: ([max]) => m.errors_contract_words_too_many_requests({ max: String(max) }),
  MetadataTooLong: ([length, max]) =>
    m.errors_contract_words_metadata_too_long({ length: String(length), max: String(max) }),
  ParameterOutOfRange: ([value, min, max]) =>
    m.errors_contract_words_parameter_out_of_range({ value: String(value), min: String(min), max: String(max) }),
  EnforcedPause: () => altPausedMessage(),
  InvalidDelegatee: () => m.errors_contract_words_invalid_delegatee(),
  ERC20ExceededCap: () => m.errors_contract_words_exceeded_cap(),
  InsufficientStake: ([requested, available]) =>
    m.errors_contract_words_insufficient_stake({ available: alt(available), requested: alt(requested) }),
  OperatorNotActive: () => m.errors_contract_words_operator_not_active(),
  OperatorNotAllowlisted: () => m.errors_contract_words_operator_not_allowlisted(),
  UnknownOperator: () => m.errors_contract_words_unknown_operator(),
  SameOperator: () => m.errors_contract_words_same_operator(),
  RequestLocked: ([id, unlock]) => m.errors_contract_words_request_locked({ id: String(id), date: date(unlock) }),
  NotRequestOwner: ([id]) => m.errors_contract_words_not_request_owner({ id: String(id) }),
  UnknownRequest: ([id]) => m.errors_contract_words_unknown_request({ id: String(id) }),
  NothingToClaim: () => m.errors_contract_words_nothing_to_claim(),
  CommissionTooHigh: ([bps, max]) =>
    m.errors_contract_words_commission_too_high({
      commission: String(Number(bps) / 100),
      max: String(Number(max) / 100),
    }),
  AlreadyClaimed: () => m.errors_contract_words_already_claimed(),
  InvalidProof: () => m.errors_contract_words_invalid_proof(),
  ClaimWindowNotOpen: ([start]) => m.errors_contract_words_claim_window_not_open({ date: date(start) }),
  ClaimWindowClosed: ([end]) => m.errors_contract_words_claim_window_closed({ date: date(end) }),
  NotSweepableYet: ([at]) => m.errors_contract_words_not_sweepable_yet({ date: date(at) }),
  NothingToSweep: () => m.errors_contract_words_nothing_to_sweep(),
  AlreadySwept: () => m.errors_contract_words_already_swept(),
  DelegationFailed: () => m.errors_contract_words_delegation_failed(),
  GovernorInsufficientProposerVotes: ([, votes, threshold]) =>
    m.errors_contract_words_insufficient_proposer_votes({ votes: alt(votes), threshold: alt(threshold) }),
  GovernorAlreadyCastVote: () => m.errors_contract_words_already_voted(),
  GovernorUnexpectedProposalState: () => m.errors_contract_words_unexpected_proposal_state(),
  GovernorOnlyProposer: () => m.errors_contract_words_only_proposer(),
  GovernorUnableToCancel: () => m.errors_contract_words_unable_to_cancel(),
  GovernorInvalidVoteType: () => m.errors_contract_words_invalid_vote_type(),
  TimelockUnexpectedOperationState: () => m.errors_contract_words_timelock_not_ready(),
  AccessControlUnauthorizedAccount: () => m.errors_contract_words_only_governance(),
};

export function contractMessage(errorName: string, args: readonly unknown[]): string {
  const words = CONTRACT_MESSAGES[errorName];
  return words ? words(args) : m.errors_map_error_contract_named({ error: errorName });
}
