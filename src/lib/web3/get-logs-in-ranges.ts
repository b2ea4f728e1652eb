/**
 * Event logs read in bounded block windows. Public RPCs cap `eth_getLogs` ranges (often 1k–10k
 * blocks) and answer "range too large" past that; a refused window is halved and retried, down to
 * one block, so any node's limit is found without configuring it.
 */
import { numberToHex, type AbiEvent, type Address, type Hex, type Log } from 'viem';
import { getBlockNumber, getLogs } from 'viem/actions';
import type { ReadClient } from './chains.ts';

/** Blocks per request to start with; halved on a range error. */
export const DEFAULT_WINDOW = 10_000n;

const RANGE_ERROR = /range|too many|limit|exceed|10000|block range/i;

/** Whether an RPC error means the block range (or result size) was too large. */
export function isRangeError(error: unknown): boolean {
  let current: any = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (RANGE_ERROR.test(String(current.details ?? current.message ?? ''))) return true;
    if (current.code === -32005) return true;
    current = current.cause;
  }
  return false;
}

export interface LogsInRangesParameters<event extends AbiEvent> {
  address: Address;
  event: event;
  /** Further events read in the same requests (their logs are not type-narrowed). */
  alsoEvents?: AbiEvent[];
  args?: Record<string, unknown>;
  fromBlock: bigint;
  toBlock?: bigint;
  window?: bigint;
}

/** Calls `read` over [from, end] in windows of `window` blocks, halving a window the node refuses. */
async function inRanges<T>(
  from: bigint,
  end: bigint,
  window: bigint,
  read: (from: bigint, to: bigint) => Promise<T[]>,
) {
  const out: T[] = [];
  let size = window;
  while (from <= end) {
    const to = from + size - 1n > end ? end : from + size - 1n;
    try {
      out.push(...(await read(from, to)));
      from = to + 1n;
    } catch (error) {
      if (!isRangeError(error) || size === 1n) throw error;
      size = size / 2n;
    }
  }
  return out;
}

export interface RawLog {
  data: Hex;
  topics: Hex[];
  blockNumber: bigint;
  transactionHash: Hex;
}

/**
 * Logs matching `topic0` without decoding them: for large scans where only a few logs are ever
 * read (a thousand proposals, ten titles on screen), decoding each one would waste the main thread.
 */
export async function getRawLogsInRanges(
  client: ReadClient,
  {
    address,
    topic0,
    fromBlock,
    toBlock,
    window = DEFAULT_WINDOW,
  }: { address: Address; topic0: Hex; fromBlock: bigint; toBlock: bigint; window?: bigint },
): Promise<RawLog[]> {
  return inRanges(fromBlock, toBlock, window, async (from, to) => {
    const logs = (await client.request({
      method: 'eth_getLogs',
      params: [{ address, topics: [topic0], fromBlock: numberToHex(from), toBlock: numberToHex(to) }],
    })) as { data: Hex; topics: Hex[]; blockNumber: Hex; transactionHash: Hex }[];
    return logs.map((l) => ({
      data: l.data,
      topics: l.topics,
      blockNumber: BigInt(l.blockNumber),
      transactionHash: l.transactionHash,
    }));
  });
}

/** All logs of `event` from `fromBlock` to `toBlock` (latest by default), oldest first. */
export async function getLogsInRanges<const event extends AbiEvent>(
  client: ReadClient,
  { address, event, alsoEvents, args, fromBlock, toBlock, window = DEFAULT_WINDOW }: LogsInRangesParameters<event>,
): Promise<Log<bigint, number, false, event>[]> {
  const end = toBlock ?? (await getBlockNumber(client));
  const filter = alsoEvents?.length ? { events: [event, ...alsoEvents] } : { event, args };
  return inRanges(
    fromBlock,
    end,
    window,
    async (from, to) =>
      (await getLogs(client, { address, ...filter, fromBlock: from, toBlock: to } as any)) as Log<
        bigint,
        number,
        false,
        event
      >[],
  );
}
