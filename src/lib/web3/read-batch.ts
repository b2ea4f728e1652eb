/**
 * One Multicall3 round trip whose results come back by name: a screen lists its reads as
 * `{ balance: call, votes: call, … }` (an entry left undefined is skipped) and gets `{ balance, votes, … }`
 * back, with the block and chain time the batch was read at. No positional indexes to keep in step.
 */
import type { ChainConfig } from '../config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from './chains.ts';
import type { Address } from 'viem';
import { aggregate, aggregateInBatches, type CallResult, type ContractCall, type ResultOf } from './eth-call.ts';

export type BatchCall = ContractCall;

/** What an entry left out of a batch can be (`registry && call`). */
type Skipped = undefined | false | null | 0 | '';

export type BatchCalls = Record<string, BatchCall | Skipped>;

/** A named call's value: typed from its ABI; undefined where the entry may be left out. */
type ValueOf<C> = C extends Skipped ? undefined : ResultOf<C>;

/** A batch's values by name where any may be missing (a failed call, an entry left out): what a reader of part of a batch takes. */
export type BatchValues<T extends BatchCalls> = { [K in keyof T]?: ValueOf<T[K]> };

export interface BatchResult<T extends BatchCalls, AllowFailure extends boolean = false> {
  blockNumber: bigint;
  /** The block's timestamp: every "now" comparison uses chain time, never the user's clock. */
  chainTime: bigint;
  /** Each call's result by name, typed by its ABI; undefined where the call was skipped or (with allowFailure) failed. */
  values: AllowFailure extends true ? { [K in keyof T]?: ValueOf<T[K]> } : { [K in keyof T]: ValueOf<T[K]> };
  /** The error of each call that failed (only with allowFailure). */
  errors: Partial<Record<keyof T, Error>>;
}

/**
 * The whole batch failed because the RPC did, not because a contract refused one call. Its message is
 * English, for logs; the app words it, by its name, in the language shown when it is displayed
 * (errors/map-error.ts).
 */
export class BatchUnavailableError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = 'BatchUnavailableError';
  }
}

/** A row's values by name, typed by their ABIs. */
export type RowValues<R extends Record<string, BatchCall>> = { [K in keyof R]: ResultOf<R[K]> };

/**
 * Reads every call in one Multicall3 `eth_call`, with `rows` (the same named reads for each of a
 * list: a page of proposals' states) in the same call. With `allowFailure`, a call that reverts is
 * reported in `errors` (a row with a failed call comes back undefined) and the others still count;
 * without it any revert throws. If the head calls fail the RPC failed, and that is thrown whatever
 * `allowFailure` says.
 */
export async function readBatch<
  const T extends BatchCalls,
  AllowFailure extends boolean = false,
  const R extends Record<string, BatchCall> = Record<never, BatchCall>,
>(
  client: ReadClient,
  chain: ChainConfig,
  calls: T,
  options: { allowFailure?: AllowFailure; blockNumber?: bigint; rows?: readonly R[] } = {},
): Promise<
  BatchResult<T, AllowFailure> & { rows: (AllowFailure extends true ? RowValues<R> | undefined : RowValues<R>)[] }
> {
  const multicall3 = multicall3Of(chain);
  const names = Object.keys(calls).filter((name) => calls[name]);
  const rows = options.rows ?? [];
  const rowNames = rows.map((row) => Object.keys(row));
  const contracts = [
    ...headCalls(multicall3),
    ...names.map((name) => calls[name] as BatchCall),
    ...rows.flatMap((row, i) => rowNames[i].map((name) => row[name])),
  ] as const;
  const results = await aggregate(client, multicall3, contracts, options.blockNumber);
  const [block, time] = results;
  if (block.status !== 'success' || time.status !== 'success') {
    const cause = block.status === 'failure' ? block.error : time.status === 'failure' ? time.error : undefined;
    throw cause ?? new BatchUnavailableError('The chain did not answer the batched read.');
  }
  const values = {} as BatchResult<T, AllowFailure>['values'];
  const errors: BatchResult<T, AllowFailure>['errors'] = {};
  names.forEach((name, i) => {
    const result = results[i + 2];
    if (result.status === 'success') (values as Record<string, unknown>)[name] = result.result;
    else if (options.allowFailure) (errors as Record<string, Error>)[name] = result.error;
    else throw result.error;
  });
  let at = 2 + names.length;
  const rowValues = rowNames.map((row) => {
    const out: Record<string, unknown> = {};
    let failed = false;
    for (const name of row) {
      const result = results[at++];
      if (result.status === 'success') out[name] = result.result;
      else if (options.allowFailure) failed = true;
      else throw result.error;
    }
    return failed ? undefined : (out as RowValues<R>);
  });
  return {
    blockNumber: block.result,
    chainTime: time.result,
    values,
    errors,
    rows: rowValues as never,
  };
}

/** A row's outcomes by name, typed by their ABIs: each a success with its value or a failure with its error; undefined where the entry was left out. */
export type RowResults<R extends BatchCalls> = {
  [K in keyof R]: R[K] extends Skipped
    ? undefined
    : CallResult<ResultOf<Exclude<R[K], Skipped>>> | Extract<R[K], Skipped>;
};

/**
 * The same named reads for each of `items` (a delegate's statement and name, per delegate), each
 * allowed to fail on its own: one list of calls in one eth_call, or (`inBatches`: true, or the calls
 * per eth_call) for a list that may be long, in eth_calls of the size the endpoint takes, sent
 * together. An entry left out (`registry && call`) is skipped and comes back undefined.
 */
export async function readRowResults<Item, const T extends BatchCalls>(
  client: ReadClient,
  multicall3: Address,
  items: readonly Item[],
  callsOf: (item: Item) => T,
  blockNumber?: bigint,
  inBatches: boolean | number = false,
): Promise<RowResults<T>[]> {
  if (items.length === 0) return [];
  const rows = items.map(callsOf);
  const names = rows.map((row) => Object.keys(row).filter((name) => row[name]));
  const calls = rows.flatMap((row, i) => names[i].map((name) => row[name] as BatchCall));
  const results =
    inBatches === false
      ? await aggregate(client, multicall3, calls, blockNumber)
      : await aggregateInBatches(client, multicall3, calls, blockNumber, inBatches === true ? undefined : inBatches);
  let at = 0;
  return names.map((row) => {
    const out: Record<string, CallResult> = {};
    for (const name of row) out[name] = results[at++];
    return out as RowResults<T>;
  });
}

/**
 * The same named reads for each of `items` (a proposal's state, snapshot and deadline, per id), as
 * `readRowResults` reads them; per item, its values by name, typed by their ABIs. Any call that
 * fails throws.
 */
export async function readRows<Item, const T extends Record<string, BatchCall>>(
  client: ReadClient,
  multicall3: Address,
  items: readonly Item[],
  callsOf: (item: Item) => T,
  blockNumber?: bigint,
  inBatches: boolean | number = false,
): Promise<RowValues<T>[]> {
  const rows = await readRowResults(client, multicall3, items, callsOf, blockNumber, inBatches);
  return rows.map((row) => {
    const values: Record<string, unknown> = {};
    for (const [name, result] of Object.entries(row as Record<string, CallResult>)) {
      if (result.status === 'failure') throw result.error;
      values[name] = result.result;
    }
    return values as RowValues<T>;
  });
}
