/**
 * The one error mapper: any error from viem, wagmi or a wallet becomes a short sentence for the user.
 * Rejections are their own kind (not a failure to shout about); contract errors are decoded by name.
 */
import { BaseError, ContractFunctionRevertedError, type Hex } from 'viem';
import { decodeProtocolError } from '../contracts/errors.ts';
import { formatTimestamp } from '../format/time.ts';
import { formatToken } from '../format/amount.ts';

export type ErrorKind =
  'rejected' | 'contract' | 'funds' | 'wrong-chain' | 'wallet-changed' | 'rpc' | 'replaced' | 'dropped' | 'unknown';

export interface MappedError {
  kind: ErrorKind;
  message: string;
}

/** The one sentence for every action ALT's pause disables, and for `EnforcedPause()` reverts. */
export const ALT_PAUSED_MESSAGE =
  "ALT transfers are paused by ALT's owner: nothing that moves ALT can go through until they resume.";

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

function contractMessage(errorName: string, args: readonly unknown[]): string {
  const words = CONTRACT_MESSAGES[errorName];
  return words ? words(args) : `The contract refused the transaction (${errorName}).`;
}

function codeOf(error: unknown): number | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (typeof current.code === 'number') return current.code;
    current = current.cause;
  }
  return undefined;
}

/** viem's names for results that do not decode: a faulty RPC, not the user's mistake. */
const UNREADABLE =
  /^(AbiDecoding\w+|InvalidHex\w+|PositionOutOfBounds|SizeExceedsPaddingSize|InvalidBytesBoolean)Error$/;

/** Maps any thrown value to a kind and a sentence. */
export function mapError(error: unknown): MappedError {
  const code = codeOf(error);
  const name = (error as { name?: string })?.name ?? '';
  if (
    code === 4001 ||
    name === 'UserRejectedRequestError' ||
    /user (rejected|denied)/i.test(String((error as Error)?.message))
  ) {
    return { kind: 'rejected', message: 'You rejected the request in your wallet. Nothing was sent.' };
  }
  // EIP-1193 4100 (unauthorized) and 4900 (disconnected): the wallet went away mid-request.
  if (code === 4100 || code === 4900 || name === 'UnauthorizedProviderError' || name === 'ProviderDisconnectedError') {
    return { kind: 'rejected', message: 'Your wallet disconnected before signing. Nothing was sent.' };
  }
  if (error instanceof BaseError) {
    const reverted = error.walk(
      (e) => e instanceof ContractFunctionRevertedError,
    ) as ContractFunctionRevertedError | null;
    if (reverted) {
      if (reverted.data?.errorName && reverted.data.errorName !== 'Error') {
        return { kind: 'contract', message: contractMessage(reverted.data.errorName, reverted.data.args ?? []) };
      }
      const decoded = reverted.raw ? decodeProtocolError(reverted.raw as Hex) : undefined;
      if (decoded) return { kind: 'contract', message: contractMessage(decoded.errorName, decoded.args) };
      if (reverted.reason) return { kind: 'contract', message: `The contract refused: ${reverted.reason}` };
      return { kind: 'contract', message: 'The contract refused the transaction.' };
    }
    const names = new Set<string>();
    error.walk((e) => {
      names.add((e as Error).name);
      return false;
    });
    if (names.has('InsufficientFundsError')) return { kind: 'funds', message: 'Not enough ETH to pay for gas.' };
    if (
      names.has('ChainMismatchError') ||
      names.has('SwitchChainNotSupportedError') ||
      names.has('ChainNotConfiguredError')
    ) {
      return { kind: 'wrong-chain', message: 'Your wallet is on a different network. Switch network and try again.' };
    }
    // A body that is not JSON, or results that cannot be decoded: the RPC answered, but with garbage.
    if ([...names].some((n) => n === 'SyntaxError' || UNREADABLE.test(n))) {
      return {
        kind: 'rpc',
        message:
          'The network (RPC) answered with data that cannot be read: it may be faulty or misconfigured. Try again later.',
      };
    }
    if (names.has('HttpRequestError') || names.has('TimeoutError') || names.has('WebSocketRequestError')) {
      return { kind: 'rpc', message: 'The network (RPC) did not answer. Check your connection and try again.' };
    }
    if (code === 4902) return { kind: 'wrong-chain', message: 'Your wallet does not know this network yet.' };
    return { kind: 'unknown', message: error.shortMessage };
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return { kind: 'rpc', message: 'The network (RPC) did not answer. Check your connection and try again.' };
  }
  return { kind: 'unknown', message: error instanceof Error ? error.message : 'Something went wrong.' };
}
