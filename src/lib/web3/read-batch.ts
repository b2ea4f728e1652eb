/**
 * One Multicall3 round trip whose results come back by name: a screen lists its reads as
 * `{ balance: call, votes: call, … }` (an entry left undefined is skipped) and gets `{ balance, votes, … }`
 * back, with the block and chain time the batch was read at. No positional indexes to keep in step.
 */
import type { ChainConfig } from '../config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from './chains.ts';
import { aggregate, type ContractCall } from './eth-call.ts';

export type BatchCall = ContractCall;

export type BatchCalls = Record<string, BatchCall | undefined | false>;

export interface BatchResult<T extends BatchCalls> {
  blockNumber: bigint;
  /** The block's timestamp: every "now" comparison uses chain time, never the user's clock. */
  chainTime: bigint;
  /** Each call's result by name; undefined where the call was skipped or (with allowFailure) failed. */
  values: { [K in keyof T]: unknown };
  /** The error of each call that failed (only with allowFailure). */
  errors: Partial<Record<keyof T, Error>>;
}

/** The whole batch failed because the RPC did, not because a contract refused one call. */
export class BatchUnavailableError extends Error {}

/**
 * Reads every call in one Multicall3 `eth_call`. With `allowFailure`, a call that reverts is reported
 * in `errors` and the others still count; without it any revert throws. If the head calls fail the
 * RPC failed, and that is thrown whatever `allowFailure` says.
 */
export async function readBatch<T extends BatchCalls>(
  client: ReadClient,
  chain: ChainConfig,
  calls: T,
  options: { allowFailure?: boolean; blockNumber?: bigint } = {},
): Promise<BatchResult<T>> {
  const multicall3 = multicall3Of(chain);
  const names = Object.keys(calls).filter((name) => calls[name]);
  const contracts = [...headCalls(multicall3), ...names.map((name) => calls[name] as BatchCall)];
  const results = await aggregate(client, multicall3, contracts, options.blockNumber);
  const [block, time] = results;
  if (block.status !== 'success' || time.status !== 'success') {
    const cause = block.status === 'failure' ? block.error : time.status === 'failure' ? time.error : undefined;
    throw cause ?? new BatchUnavailableError('The chain did not answer the batched read.');
  }
  const values = {} as BatchResult<T>['values'];
  const errors: BatchResult<T>['errors'] = {};
  names.forEach((name, i) => {
    const result = results[i + 2];
    if (result.status === 'success') (values as Record<string, unknown>)[name] = result.result;
    else if (options.allowFailure) (errors as Record<string, Error>)[name] = result.error;
    else throw result.error;
  });
  return { blockNumber: block.result as bigint, chainTime: time.result as bigint, values, errors };
}
