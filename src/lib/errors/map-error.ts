/**
 * The one error mapper: any error from viem, wagmi or a wallet becomes a short sentence for the user.
 * Rejections are their own kind (not a failure to shout about); contract errors are decoded by name.
 */
import { BaseError, type ContractFunctionRevertedError, type Hex } from 'viem';
import { contractWords, loadContractWords } from './load-contract-words.svelte.ts';
import { cleanText, clip } from '../format/clean-text.ts';
import * as m from '../i18n/messages.ts';
import type { AnswerShape } from '../rpc/answers.ts';

export type ErrorKind =
  'rejected' | 'contract' | 'funds' | 'wrong-chain' | 'wallet-changed' | 'rpc' | 'replaced' | 'dropped' | 'unknown';

export interface MappedError {
  kind: ErrorKind;
  message: string;
}

function codeOf(error: unknown): number | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (typeof current.code === 'number') return current.code;
    current = current.cause;
  }
  return undefined;
}

/**
 * viem's revert, found by its name: the class itself would bring viem's contract error classes to
 * every page that shows an error, and a read's failure loads them only when it happens (eth-call.ts).
 */
const isRevert = (e: unknown): e is ContractFunctionRevertedError =>
  e instanceof BaseError && e.name === 'ContractFunctionRevertedError';

/** viem's names for results that do not decode: a faulty RPC, not the user's mistake. */
const UNREADABLE =
  /^(AbiDecoding\w+|InvalidHex\w+|PositionOutOfBounds|SizeExceedsPaddingSize|InvalidBytesBoolean)Error$/;

/** The sentence for each shape an RPC's answer failed to have (rpc/answers.ts), by what was expected. */
const MALFORMED: Record<AnswerShape, (i: { method: string }) => string> = {
  'hex data': m.errors_map_error_malformed_hex,
  'a quantity': m.errors_map_error_malformed_quantity,
  'a block': m.errors_map_error_malformed_block,
  'a list of logs': m.errors_map_error_malformed_logs,
};

/**
 * An RPC's answer of the wrong shape (rpc/answers.ts's MalformedAnswerError, found by its name along
 * the causes) in words, in the language shown; undefined for any other error.
 */
function malformedAnswer(error: unknown): string | undefined {
  type Cause = { name?: unknown; method?: unknown; expected?: AnswerShape; cause?: unknown } | null | undefined;
  let current = error as Cause;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.name === 'MalformedAnswerError')
      return MALFORMED[current.expected as AnswerShape]?.({ method: String(current.method) });
    current = current.cause as Cause;
  }
  return undefined;
}

/** Maps any thrown value to a kind and a sentence. */
export function mapError(error: unknown): MappedError {
  const code = codeOf(error);
  const name = (error as { name?: string })?.name ?? '';
  if (
    code === 4001 ||
    name === 'UserRejectedRequestError' ||
    /user (rejected|denied)/i.test(String((error as Error)?.message))
  ) {
    return { kind: 'rejected', message: m.errors_map_error_rejected() };
  }
  // EIP-1193 4100 (unauthorized) and 4900 (disconnected): the wallet went away mid-request.
  if (code === 4100 || code === 4900 || name === 'UnauthorizedProviderError' || name === 'ProviderDisconnectedError') {
    return { kind: 'rejected', message: m.errors_map_error_disconnected() };
  }
  if (error instanceof BaseError) {
    const reverted = error.walk(isRevert) as ContractFunctionRevertedError | null;
    if (reverted) {
      // The words for the protocol's errors load when the first one is met (reactively: a page
      // showing this error redraws with them); a write waits for them (`mapErrorWorded`).
      const words = contractWords();
      // A chunk that fails to load (offline, a redeploy) leaves the named fallback; the next error tries again.
      if (!words) void loadContractWords().catch(() => undefined);
      const named = reverted.data?.errorName && reverted.data.errorName !== 'Error' ? reverted.data : undefined;
      const decoded = named ?? (reverted.raw ? words?.decodeProtocolError(reverted.raw as Hex) : undefined);
      // Solidity's own Error(string) and Panic(uint256) are said by their reason below, not by name.
      if (decoded && decoded.errorName !== 'Error' && decoded.errorName !== 'Panic') {
        const args = decoded.args ?? [];
        const message = words
          ? words.contractMessage(decoded.errorName, args)
          : m.errors_map_error_contract_named({ error: decoded.errorName });
        return { kind: 'contract', message };
      }
      // A revert string is the reverting contract's text (a proposal's target is anyone's).
      if (reverted.reason)
        return {
          kind: 'contract',
          message: m.errors_map_error_contract_reason({ reason: clip(cleanText(reverted.reason), 300) }),
        };
      return { kind: 'contract', message: m.errors_map_error_contract() };
    }
    const names = new Set<string>();
    error.walk((e) => {
      names.add((e as Error).name);
      return false;
    });
    if (names.has('InsufficientFundsError')) return { kind: 'funds', message: m.errors_map_error_funds() };
    if (
      names.has('ChainMismatchError') ||
      names.has('SwitchChainNotSupportedError') ||
      names.has('ChainNotConfiguredError')
    ) {
      return { kind: 'wrong-chain', message: m.errors_map_error_wrong_network() };
    }
    // A body that is not JSON, or results that cannot be decoded: the RPC answered, but with garbage.
    if ([...names].some((n) => n === 'SyntaxError' || UNREADABLE.test(n))) {
      return { kind: 'rpc', message: m.errors_map_error_unreadable() };
    }
    if (names.has('HttpRequestError') || names.has('TimeoutError') || names.has('WebSocketRequestError')) {
      return { kind: 'rpc', message: m.errors_map_error_no_answer() };
    }
    if (code === 4902) return { kind: 'wrong-chain', message: m.errors_map_error_unknown_network() };
    // A node's refusal in its own words (the read pool passes them on as they came), which any RPC
    // writes: cleaned as chain text is, and cut to a sentence's length.
    const refusal = error.walk((e) => (e as Error).name === 'RpcRequestError') as BaseError | null;
    if (refusal?.details)
      return {
        kind: 'rpc',
        message: m.errors_map_error_refused({ details: clip(cleanText(refusal.details), 160) }),
      };
    return { kind: 'unknown', message: malformedAnswer(error) ?? clip(cleanText(error.shortMessage), 300) };
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return { kind: 'rpc', message: m.errors_map_error_no_answer() };
  }
  // A batched read the chain did not answer at all (web3/read-batch.ts, whose message is English only).
  if (name === 'BatchUnavailableError') return { kind: 'unknown', message: m.errors_map_error_batch_unavailable() };
  return {
    kind: 'unknown',
    // A wallet's or a library's own words: cleaned, since a wallet can pass on a node's or a contract's.
    message:
      malformedAnswer(error) ??
      (error instanceof Error ? clip(cleanText(error.message), 300) : m.errors_map_error_something()),
  };
}

/**
 * `mapError`, once the words for the protocol's errors are in where the error needs them (a
 * contract's refusal): what a write keeps as its outcome (a flow's stored sentence does not redraw
 * when they arrive, as a page's does). Any other error is mapped at once.
 */
export async function mapErrorWorded(error: unknown): Promise<MappedError> {
  const reverted = error instanceof BaseError && error.walk(isRevert);
  if (reverted && !contractWords()) await loadContractWords().catch(() => undefined);
  return mapError(error);
}
