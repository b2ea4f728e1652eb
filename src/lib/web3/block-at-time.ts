/**
 * Finds the blocks mined at given chain times without reading the chain's history: an
 * interpolation search over block headers, all searches advancing together so each round is one
 * JSON-RPC batch. On a chain with regular slots (Ethereum's 12 s) the first guess is usually within
 * a block or two; gaps and jumps in chain time cost a round or two more.
 */
import { numberToHex, type Hex } from 'viem';
import type { ReadClient } from './chains.ts';
import * as m from '../i18n/messages.ts';

export interface BlockPoint {
  number: bigint;
  timestamp: bigint;
}

/** Block times already read, by chain and number: a block's time never changes once final. */
const times = new Map<string, bigint>();

/**
 * The times of blocks `numbers` on chain `chainId`, read together (one JSON-RPC batch) and kept: a
 * list page and the pages opened from it ask for the same blocks. A block the RPC does not have yet
 * (a backend behind the head) is an error, retried like any failed read.
 */
export async function blockTimes(client: ReadClient, chainId: number, numbers: readonly bigint[]): Promise<bigint[]> {
  return Promise.all(
    numbers.map(async (n) => {
      const key = `${chainId}:${n}`;
      const known = times.get(key);
      if (known !== undefined) return known;
      const block = (await client.request({
        method: 'eth_getBlockByNumber',
        params: [numberToHex(n), false],
      } as never)) as { timestamp: Hex } | null;
      if (!block) throw new Error(m.errors_block_at_time_unavailable({ block: n }));
      if (times.size > 5_000) times.clear();
      times.set(key, BigInt(block.timestamp));
      return BigInt(block.timestamp);
    }),
  );
}

/** Narrows [low, high] (low.timestamp ≤ time ≤ high.timestamp) to a guess for the block at `time`. */
function guess(low: BlockPoint, high: BlockPoint, time: bigint): bigint {
  const span = high.number - low.number;
  const elapsed = high.timestamp - low.timestamp;
  if (elapsed <= 0n) return low.number + span / 2n;
  let at = low.number + ((time - low.timestamp) * span) / elapsed;
  if (at <= low.number) at = low.number + 1n;
  if (at >= high.number) at = high.number - 1n;
  return at;
}

/**
 * For each time, a block range of at most `width` blocks holding the block mined at that time
 * (the first block at or after it). `read` fetches many headers at once; `rounds` bounds the search.
 */
export async function blockRangesAt(
  times: readonly bigint[],
  first: BlockPoint,
  last: BlockPoint,
  read: (numbers: bigint[]) => Promise<BlockPoint[]>,
  { width = 10n, rounds = 12, perRound = 8 }: { width?: bigint; rounds?: number; perRound?: number } = {},
): Promise<([bigint, bigint] | undefined)[]> {
  const brackets = times.map((time) =>
    time < first.timestamp || time > last.timestamp ? undefined : { time, low: first, high: last, bisect: false },
  );
  for (let round = 0; round < rounds; round++) {
    const open = brackets.filter((b) => b && b.high.number - b.low.number >= width) as NonNullable<
      (typeof brackets)[number]
    >[];
    if (!open.length) break;
    // One interpolated guess per search while guesses work; once one fails to halve its range (a
    // jump in chain time skews it), two probes that cut it in thirds. Every header read narrows
    // every search it falls in, so searches for nearby times (a page of proposals) share probes,
    // and a round asks at most `perRound` headers: a provider's rate limit is never the bottleneck.
    const probes: bigint[] = [];
    const near = (n: bigint) => probes.some((p) => (p > n ? p - n : n - p) < width);
    for (const b of open) {
      if (probes.length >= perRound) break;
      const third = (b.high.number - b.low.number) / 3n || 1n;
      const own = b.bisect ? [b.low.number + third, b.high.number - third] : [guess(b.low, b.high, b.time)];
      for (const n of own) if (!near(n)) probes.push(n);
    }
    const headers = await read([...new Set(probes)]);
    for (const b of open) {
      const before = b.high.number - b.low.number;
      for (const h of headers) {
        if (b.low === b.high || h.number <= b.low.number || h.number >= b.high.number) continue;
        // Timestamps rise block by block: a block at exactly that time is the one.
        if (h.timestamp === b.time) b.low = b.high = h;
        else if (h.timestamp < b.time) b.low = h;
        else b.high = h;
      }
      if ((b.high.number - b.low.number) * 2n > before) b.bisect = true;
    }
  }
  return brackets.map((b) => {
    if (!b || b.high.number - b.low.number >= width * 4n) return undefined;
    // A block at exactly that time: on a chain that mines several blocks in one second (a devnet,
    // a chain with sub-second blocks) its neighbours may share the time, and the one wanted may be
    // any of them. The window around it costs the same single log read as the block alone.
    if (b.low === b.high) {
      const from = b.low.number - (width / 2n - 1n);
      return [from < first.number ? first.number : from, b.low.number + width / 2n];
    }
    return [b.low.number, b.high.number];
  });
}
