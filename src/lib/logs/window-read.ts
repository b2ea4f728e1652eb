/**
 * The log index's read of a block range: in windows of the size the provider accepts (learned as
 * they are refused and accepted, see LearnedSize), one at a time until one is accepted, then in
 * parallel; rate limits, transient failures and refusals in unknown words each handled as the
 * provider's words say.
 */
import type { Hex } from 'viem';
import { classifyRpcError, hasRpcCode } from '../errors/rpc-errors.ts';
import type { LearnedSize } from '../rpc/learned-size.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { IndexedLog } from './log-store.ts';
import { logsAnswer, type RpcLog } from '../rpc/history-answers.ts';
export type { RpcLog };

const toLog = (l: RpcLog): IndexedLog => ({
  address: l.address.toLowerCase() as Hex,
  topics: l.topics,
  data: l.data,
  blockNumber: BigInt(l.blockNumber),
  blockHash: l.blockHash,
  transactionHash: l.transactionHash,
  logIndex: Number(l.logIndex),
});

/** What a windowed read needs from its index: the window, the provider's logs, and where to report. */
export interface WindowReader {
  window: LearnedSize;
  /** Whether a window has ever been accepted (until then, one request at a time finds the cap). */
  probed: () => boolean;
  concurrency: number;
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  /** The logs of `[from, to]`, paced by the index's rate-limit wait. */
  getLogs: (from: bigint, to: bigint) => Promise<RpcLog[]>;
  /** A window was accepted. */
  accepted: () => void;
  /** A rate limit struck: every window waits (`retryAfterMs` when the provider said). */
  rateLimited: (retryAfterMs?: number) => void;
}

/** Every log in `[from, to]`, in windows the provider accepts. */
export async function readWindows(r: WindowReader, from: bigint, to: bigint): Promise<IndexedLog[]> {
  const out: IndexedLog[] = [];
  type Job = {
    range: [bigint, bigint];
    attempts: number;
    /** Refused in words no table knows: the error, and the window's size when this read began. */
    unknown?: { error: unknown; size: bigint };
  };
  const retries: Job[] = [];
  const startSize = r.window.size;
  let next = from;
  const take = () => {
    const retry = retries.pop();
    if (retry) {
      // A range refused when the window was larger is carved at today's size.
      const [a, b] = retry.range;
      if (b - a + 1n <= r.window.size) return retry;
      const cut = a + r.window.size - 1n;
      retries.push({ range: [cut + 1n, b], attempts: 0, unknown: retry.unknown });
      return { range: [a, cut] as [bigint, bigint], attempts: retry.attempts, unknown: retry.unknown };
    }
    if (next > to) return undefined;
    const end = next + r.window.size - 1n > to ? to : next + r.window.size - 1n;
    const range: [bigint, bigint] = [next, end];
    next = end + 1n;
    return { range, attempts: 0 } as Job;
  };
  // Until a window has been accepted once, one request at a time finds the provider's cap
  // (parallel requests would each be refused on the way down).
  const worker = async (untilAccepted = false) => {
    for (let job = take(); job; job = untilAccepted && r.probed() ? undefined : take()) {
      const [a, b] = job.range;
      try {
        const logs = await r.getLogs(a, b);
        for (const l of logs) if (!l.removed) out.push(toLog(l));
        r.window.accepted(b - a + 1n);
        r.accepted();
      } catch (error) {
        const refusal = classifyRpcError(error);
        if ((refusal.kind === 'range' || refusal.kind === 'size') && b > a) {
          if (refusal.kind === 'range') r.window.refused(a, b, refusal.suggested, refusal.cap);
          else r.window.refused(a, b);
          retries.push(job);
        } else if (refusal.kind === 'fatal' && b > a && hasRpcCode(error)) {
          // A JSON-RPC refusal in words no table knows: tried again over half the blocks. It
          // counts as a range refusal only if a smaller window is then accepted; refused down to
          // one block, it is the error (an HTTP refusal, a revoked key, is the error at once).
          if (job.unknown === undefined) job.unknown = { error, size: startSize };
          r.window.refused(a, b);
          retries.push(job);
        } else if (refusal.kind === 'rate') {
          r.rateLimited(refusal.retryAfterMs);
          retries.push(job);
        } else if (refusal.kind === 'transient' && job.attempts + 1 < r.maxAttempts) {
          await r.sleep(200 * 2 ** job.attempts);
          retries.push({ range: job.range, attempts: job.attempts + 1, unknown: job.unknown });
        } else if (job.unknown) {
          // Refused down to one block: not a range after all. The window is put back, and the
          // first refusal is the error.
          r.window.size = job.unknown.size;
          throw job.unknown.error;
        } else throw error;
      }
    }
  };
  if (!r.probed()) await worker(true);
  // What is left: the blocks not yet taken, and the ranges set aside to be carved again (after a
  // probe, that is usually the whole read).
  const span = retries.reduce((n, r) => n + r.range[1] - r.range[0] + 1n, to - next + 1n);
  const workers = Math.max(1, Math.min(r.concurrency, Number(span / r.window.size) + 1));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  return out;
}

/** A JSON-RPC request by method and params, as the log readers send them. */
export type RpcRequest = (method: string, params: unknown[]) => Promise<unknown>;

/** `client`'s requests as the log readers send them (methods the client's typed schema does not list). */
export const requestOf =
  (client: ReadClient): RpcRequest =>
  (method, params) =>
    client.request({ method, params } as never);

/** What a filtered read asks for: one contract's logs, by topic (`null` matches any). */
export interface LogFilterParams {
  address: Hex;
  topics: readonly (Hex | readonly Hex[] | null)[];
}

/**
 * The logs matching `filter` in `[from, to]`, for a read outside the log index (a proposal's creation
 * where it is known to be, a Safe's execution by its hash): in windows of `window`, learned from
 * the provider as it refuses and accepts them, so a provider that caps ranges below the first guess
 * is still read, and the next read starts at the size it took.
 */
export function readFilteredLogs(
  request: RpcRequest,
  filter: LogFilterParams,
  from: bigint,
  to: bigint,
  window: LearnedSize,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<IndexedLog[]> {
  let pausedUntil = 0;
  let strikes = 0;
  let probed = false;
  return readWindows(
    {
      window,
      probed: () => probed,
      concurrency: 4,
      maxAttempts: 4,
      sleep,
      getLogs: async (a, b) => {
        const wait = pausedUntil - Date.now();
        if (wait > 0) await sleep(wait);
        return logsAnswer(
          'eth_getLogs',
          await request('eth_getLogs', [
            { ...filter, fromBlock: `0x${a.toString(16)}`, toBlock: `0x${b.toString(16)}` },
          ]),
        );
      },
      accepted: () => {
        strikes = 0;
        probed = true;
      },
      rateLimited: (retryAfterMs) => {
        pausedUntil = Math.max(pausedUntil, Date.now() + (retryAfterMs ?? Math.min(30_000, 1_000 * 2 ** strikes++)));
      },
    },
    from,
    to,
  );
}
