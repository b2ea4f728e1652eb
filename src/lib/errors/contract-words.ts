/**
 * Plain words for the protocol's custom errors, by name, and the decoder for reverts that bubble up
 * from a callee. Loaded when the first contract error is met (see load-contract-words.svelte.ts): the
 * first page, which rarely meets one, does not carry them.
 */
import { formatTimestamp } from '../format/time.ts';
import { formatToken } from '../format/amount.ts';
import { ALT_PAUSED_MESSAGE } from './paused.ts';
export { decodeProtocolError } from '../contracts/errors.ts';

const date = (seconds: unknown) => formatTimestamp(Number(seconds));
const alt = (value: unknown) => formatToken(BigInt(value as bigint));

/** Plain words for the protocol's custom errors, by name. */
const CONTRACT_MESSAGES: Record<string, (args: readonly unknown[]) => string> = {
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `Not enough ALT: you have ${alt(balance)} and this needs ${alt(needed)}.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `The approval (${alt(allowance)}) is lower than the ${alt(needed)} needed.`,
  ERC2612ExpiredSignature: () => 'The permit signature has expired. Try again.',
  ERC2612InvalidSigner: () => 'The permit was signed by a different account.',
  VotesExpiredSignature: () => 'The delegation signature has expired. Try again.',
  AmountBelowMinimum: ([amount, minimum]) => `The minimum stake is ${alt(minimum)}; ${alt(amount)} is below it.`,
  ZeroAmount: () => 'The amount must be more than zero.',
  RemainderBelowMinimum: ([remainder, minimum]) =>
    `That would leave ${alt(remainder)} behind, under the ${alt(minimum)} minimum: move all of it, or leave at least the minimum.`,
  OperatorBeingSlashed: () =>
    'A slash of this operator is being applied; its stake cannot move until that finishes. Try again shortly.',
  NotARedelegation: ([id]) => `Unbonding request #${id} is not a redelegation.`,
  TooManyPositions: ([max]) => `You can stake with at most ${max} operators at once.`,
  TooManyRequests: ([max]) => `You can have at most ${max} unbonding requests at once; withdraw the ready ones first.`,
  MetadataTooLong: ([length, max]) => `The metadata is ${length} bytes; at most ${max} are allowed.`,
  ParameterOutOfRange: ([value, min, max]) => `${value} is outside the allowed range (${min} to ${max}).`,
  EnforcedPause: () => ALT_PAUSED_MESSAGE,
  InvalidDelegatee: () => 'Votes cannot be delegated to the zero address.',
  ERC20ExceededCap: () => 'That would mint past the token’s cap.',
  InsufficientStake: ([requested, available]) =>
    `You have ${alt(available)} staked here, less than the ${alt(requested)} requested.`,
  OperatorNotActive: () => 'This operator is not active and cannot take stake.',
  OperatorNotAllowlisted: () => 'This address is not on the operator allowlist.',
  UnknownOperator: () => 'There is no operator at this address.',
  SameOperator: () => 'Choose a different operator to move stake to.',
  RequestLocked: ([id, unlock]) => `Unbonding request #${id} unlocks at ${date(unlock)}.`,
  NotRequestOwner: ([id]) => `Unbonding request #${id} belongs to another account.`,
  UnknownRequest: ([id]) => `Unbonding request #${id} does not exist or was already withdrawn.`,
  NothingToClaim: () => 'There is nothing to claim yet.',
  CommissionTooHigh: ([bps, max]) => `A commission of ${Number(bps) / 100}% is over the ${Number(max) / 100}% ceiling.`,
  AlreadyClaimed: () => 'This address has already claimed its airdrop.',
  InvalidProof: () => 'The eligibility proof does not match the airdrop on-chain.',
  ClaimWindowNotOpen: ([start]) => `Claims open at ${date(start)}.`,
  ClaimWindowClosed: ([end]) => `The claim window closed at ${date(end)}.`,
  NotSweepableYet: ([at]) => `Unclaimed ALT can be swept from ${date(at)}.`,
  NothingToSweep: () => 'Nothing is left to sweep.',
  AlreadySwept: () => 'The unclaimed ALT has already been swept.',
  DelegationFailed: () =>
    'Choosing this delegate needs a delegation signature from the claiming account, and none matched. Claim again and sign the delegation, or keep your current delegate.',
  GovernorInsufficientProposerVotes: ([, votes, threshold]) =>
    `You have ${alt(votes)} votes; proposing needs ${alt(threshold)}.`,
  GovernorAlreadyCastVote: () => 'This account has already voted on this proposal.',
  GovernorUnexpectedProposalState: () => 'The proposal is not in a state that allows this now.',
  GovernorOnlyProposer: () => 'Only the proposer can do this.',
  GovernorUnableToCancel: () => 'Only the proposer can cancel, and only before voting starts.',
  GovernorInvalidVoteType: () => 'That is not a valid vote.',
  TimelockUnexpectedOperationState: () => 'The timelock delay has not passed yet.',
  AccessControlUnauthorizedAccount: () => 'Only governance can do this.',
};

export function contractMessage(errorName: string, args: readonly unknown[]): string {
  const words = CONTRACT_MESSAGES[errorName];
  return words ? words(args) : `The contract refused the transaction (${errorName}).`;
}
