/**
 * Contract reads as plain `eth_call`s: encode, call, decode, and errors shaped exactly as viem's
 * `readContract` and `multicall` shape them (a revert decodes by name). The first page reads through
 * these rather than viem's `call` action, whose deployless-call, state-override and CCIP machinery
 * is about 8 KiB gzip that a read never uses; and encodes and decodes with the read path's codec
 * (abi-codec.ts), handing viem's codec whatever that one declines.
 */
import {
  numberToHex,
  type Abi,
  type AbiStateMutability,
  type Address,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  type Hex,
} from 'viem';
import { multicall3InterfaceAbi } from '../contracts/multicall3-interface.ts';
import type { ReadClient } from './chains.ts';
import { sliceAggregate3 } from './aggregate3-result.ts';
import { pageSize, tooBig } from '../rpc/page-size.ts';
import { hexAnswer } from '../rpc/answers.ts';
import { decodeResult, encodeCall, functionOf } from './abi-codec.ts';

/**
 * One contract read. Written as a literal with its ABI (`{ address, abi: altStakingAbi, functionName:
 * 'getStaker', args: [who] }`), it carries the ABI and the function's name in its type, and the
 * batch helpers type its result from them (ResultOf): no result is cast.
 */
export interface ContractCall<
  abi extends Abi | readonly unknown[] = Abi | readonly unknown[],
  functionName extends string = string,
> {
  address: Address;
  abi: abi;
  functionName: functionName;
  args?: readonly unknown[];
}

/** What `call` returns, typed from its ABI (viem's own return types); unknown for an untyped call. */
export type ResultOf<C> = C extends { abi: infer A extends Abi; functionName: infer F extends string }
  ? F extends ContractFunctionName<A>
    ? ContractFunctionReturnType<A, AbiStateMutability, F>
    : unknown
  : unknown;

export type CallResult<T = unknown> = { status: 'success'; result: T } | { status: 'failure'; error: Error };

/** Each call's outcome, in order, typed per position (a tuple of calls gives a tuple of results). */
export type CallResults<C extends readonly ContractCall[]> = { -readonly [K in keyof C]: CallResult<ResultOf<C[K]>> };
/** Each call's value, in order, typed per position. */
export type CallValues<C extends readonly ContractCall[]> = { -readonly [K in keyof C]: ResultOf<C[K]> };

/** Results larger than this (hex characters) are decoded in a task of their own. */
const LARGE_RESULT = 16_384;

/**
 * Lets the browser draw and handle input before a large decode: reads that answer together (one
 * JSON-RPC batch) would otherwise decode back to back in one long task. A directory of 500 operators
 * is five 100-operator pages, each about 40 ms of a phone's main thread.
 */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const blockTag = (blockNumber?: bigint) => (blockNumber === undefined ? 'latest' : numberToHex(blockNumber));

/** viem's codec, for what the read path's own declines (an overloaded name, an answer not laid out canonically). */
const viemCodec = () => import('./viem-codec.ts');

/**
 * A call's calldata, as viem's `encodeFunctionData` gives it (and its errors, from viem's own). The
 * read path's codec throws only CodecDeclined (abi-codec.test.ts); should it ever throw anything
 * else, viem's answer is still the one that counts.
 */
async function calldataOf(call: ContractCall): Promise<Hex> {
  try {
    return encodeCall(functionOf(call.abi, call.functionName), call.args);
  } catch {
    const { encodeFunctionData } = await viemCodec();
    return encodeFunctionData({ abi: call.abi as Abi, functionName: call.functionName, args: call.args } as never);
  }
}

/** A call's answer, as viem's `decodeFunctionResult` gives it (and its errors, from viem's own). */
async function decode(call: ContractCall, data: Hex): Promise<unknown> {
  try {
    return decodeResult(functionOf(call.abi, call.functionName), data);
  } catch {
    const { decodeFunctionResult } = await viemCodec();
    return decodeFunctionResult({
      abi: call.abi as Abi,
      functionName: call.functionName,
      args: call.args,
      data,
    } as never);
  }
}

/** viem's error classes for a failed read, loaded when a read first fails (contract-error.ts). */
const failures = () => import('./contract-error.ts');

/** `error` as viem shapes a failed read of `call`, or as it was if that code cannot load (offline, a redeploy). */
const contractError = (error: unknown, call: ContractCall): Promise<Error> =>
  failures().then(
    (m) => m.contractError(error, call),
    () => error as Error,
  );

/**
 * One contract read; a revert throws viem's ContractFunctionExecutionError, decoded by name.
 * `decodeWith` reads the answer instead of viem's decoder when it can (undefined: it cannot).
 */
export async function ethCall<const C extends ContractCall>(
  client: ReadClient,
  call: C,
  blockNumber?: bigint,
  decodeWith?: (data: Hex) => ResultOf<C> | undefined,
): Promise<ResultOf<C>> {
  const data = await calldataOf(call);
  try {
    const result = hexAnswer(
      'eth_call',
      await client.request({
        method: 'eth_call',
        params: [{ to: call.address, data }, blockTag(blockNumber)],
      } as never),
    );
    if (result.length > LARGE_RESULT) await yieldToMain();
    return decodeWith?.(result) ?? ((await decode(call, result)) as ResultOf<C>);
  } catch (error) {
    throw await contractError(error, call);
  }
}

/**
 * Every call in one Multicall3 `aggregate3` eth_call (each allowed to fail on its own), results in
 * order. A request that fails as a whole (the RPC, or no Multicall3 there) throws.
 */
export async function aggregate<const C extends readonly ContractCall[]>(
  client: ReadClient,
  multicall3: Address,
  calls: C,
  blockNumber?: bigint,
): Promise<CallResults<C>> {
  const encoded = await Promise.all(
    calls.map(async (call) => ({ target: call.address, allowFailure: true, callData: await calldataOf(call) })),
  );
  const results = await ethCall(
    client,
    { address: multicall3, abi: multicall3InterfaceAbi, functionName: 'aggregate3', args: [encoded] },
    blockNumber,
    (data) => sliceAggregate3(data, calls.length),
  );
  const out: CallResult[] = [];
  for (const [i, call] of calls.entries()) {
    const { success, returnData } = results[i];
    if (!success) {
      const error = await failures().then(
        (m) => m.revertError(returnData, call),
        () => Object.assign(new Error(`${call.functionName} reverted`), { functionName: call.functionName }),
      );
      // No revert data: a revert without a reason, or the read ran out of the call's gas.
      if (returnData === '0x') Object.assign(error, { emptyRevert: true });
      out.push({ status: 'failure', error });
      continue;
    }
    // A large result (a page of operators) decodes in a task of its own, like a single read's.
    if (returnData.length > LARGE_RESULT && i > 0) await yieldToMain();
    try {
      out.push({ status: 'success', result: await decode(call, returnData) });
    } catch (error) {
      out.push({ status: 'failure', error: await contractError(error, call) });
    }
  }
  return out as CallResults<C>;
}

/**
 * Every call, `perCall` to an aggregate3 eth_call (so each stays well inside a node's gas cap for
 * calls), all sent at once: one JSON-RPC batch where the provider takes batches. Results in order.
 * A call the endpoint refuses as too big (its gas cap, its time limit, its answer's size) is split
 * in two and read again, and the size that worked is what later reads on the chain start with.
 */
export async function aggregateInBatches<const C extends readonly ContractCall[]>(
  client: ReadClient,
  multicall3: Address,
  calls: C,
  blockNumber?: bigint,
  perCall = 500,
): Promise<CallResults<C>> {
  const learned = pageSize('aggregate', client.chain.id, 1_000);
  const size = Math.max(1, Math.min(perCall, learned.size));
  const read = async (chunk: readonly ContractCall[]): Promise<CallResult[]> => {
    try {
      const results = await aggregate(client, multicall3, chunk, blockNumber);
      if (chunk.length >= size) learned.accepted(chunk.length);
      return results;
    } catch (error) {
      if (chunk.length < 2 || !tooBig(error)) throw error;
      learned.refused(chunk.length);
      const half = chunk.length >> 1;
      return [...(await read(chunk.slice(0, half))), ...(await read(chunk.slice(half)))];
    }
  };
  const chunks: ContractCall[][] = [];
  for (let i = 0; i < calls.length; i += size) chunks.push(calls.slice(i, i + size));
  return (await Promise.all(chunks.map(read))).flat() as CallResults<C>;
}

/** The values of `results`, in order; the first failure throws. */
const valuesOf = <C extends readonly ContractCall[]>(results: readonly CallResult[]) =>
  results.map((r) => {
    if (r.status === 'failure') throw r.error;
    return r.result;
  }) as CallValues<C>;

/**
 * Every call's value, in order and typed per position, in one aggregate3 eth_call (a refusal as too
 * big reaches the caller, which knows what to make smaller); the first call that fails throws.
 */
export async function readAll<const C extends readonly ContractCall[]>(
  client: ReadClient,
  multicall3: Address,
  calls: C,
  blockNumber?: bigint,
): Promise<CallValues<C>> {
  return valuesOf<C>(await aggregate(client, multicall3, calls, blockNumber));
}

/**
 * The same for a list that may be long (a delegate's every proposal): read as `aggregateInBatches`
 * reads it, in eth_calls of the size the endpoint takes, sent together.
 */
export async function readAllInBatches<const C extends readonly ContractCall[]>(
  client: ReadClient,
  multicall3: Address,
  calls: C,
  blockNumber?: bigint,
  perCall?: number,
): Promise<CallValues<C>> {
  return valuesOf<C>(await aggregateInBatches(client, multicall3, calls, blockNumber, perCall));
}

/** The first entry of each page of `size` in `[from, to)`: what a paged view is asked for, page by page. */
export function pageStarts(from: bigint, to: bigint, size: bigint): bigint[] {
  const starts: bigint[] = [];
  for (let start = from; start < to; start += size) starts.push(start);
  return starts;
}
