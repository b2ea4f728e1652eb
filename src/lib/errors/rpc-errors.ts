/**
 * What an RPC's refusal means: a rate limit to wait out, a log range or a call too big to ask for
 * again smaller, a batch to split, a failure worth another try or another endpoint, or an answer.
 * Providers share codes across meanings (-32005, -32600 and -32602 each mean a range cap at one
 * provider and a rate limit at another; Infura uses -32005 for both "query returned more than 10000
 * results" and "daily request count exceeded, request rate limited"), so the wording decides, and
 * an HTTP 429 is always a rate limit, never a range error: halving the window would only send more
 * requests into the limit.
 */

export type RpcRefusal =
  | {
      kind: 'range';
      /** A range the provider said would work, when it names one (Alchemy and reth do). */ suggested?: [
        bigint,
        bigint,
      ];
      /** The most blocks a request may span, when the provider says (most do). */
      cap?: bigint;
    }
  | { kind: 'rate'; retryAfterMs?: number }
  /** A call too big for the endpoint (its gas cap, time limit or response size): ask for less. */
  | { kind: 'size' }
  | { kind: 'transient' }
  | { kind: 'fatal' };

// The wordings, with where each was seen, are in rpc-errors.test.ts.
const RATE =
  /rate.?limit|too many requests|request rate|requests per second|daily request|capacity|quota|throttl|\b429\b|request limit reached|credits limited|usage limit/i;
/** JSON-RPC codes only rate limits use: TheRPC's -32029, QuickNode's -32007 and -32012, Alchemy's 429. */
const RATE_CODES = new Set([-32029, -32007, -32012, 429]);
const RANGE =
  /block range|blocks range|range (is )?too (large|wide)|range exceeds|range \d+ (exceeds|is bigger than) (the )?(range )?limit|exceed(s|ed)? (the )?max(imum)? (block )?range|exceeds max results|more than \d[\d,]* (results|logs)|response size (exceeded|should not)|too many (results|logs)|returns too many logs|limited to a [\d,]+ (block )?range|max(imum)? (block )?range|maximum rpc range|up to a [\d,]+ block range|ranges over [\d,]+ blocks|exceeds server limit|query timeout exceeded/i;
const SIZE =
  /out of gas|gas required exceeds|gas limit reached|execution aborted \(timeout|response too large|response is too big/i;
/** -32000's answers that another try would only repeat (a transaction's own problem). */
const FATAL =
  /insufficient funds|nonce too (low|high)|invalid opcode|intrinsic gas too low|already known|replacement transaction underpriced|fee cap less than|max fee per gas less than/i;
/**
 * A node's words for a block it does not have yet (a backend a block behind): geth's "header not
 * found", anvil's "block height is 5 but requested was 4" (BlockOutOfRangeError,
 * crates/anvil/src/eth/error.rs).
 */
const LACKS_BLOCK = /header not found|unknown block|block height is \d+ but requested/i;
/**
 * Answers another try (or another endpoint) may not repeat: the endpoint's trouble, a block it does
 * not have yet, or state it no longer keeps (a node without an archive: "missing trie node").
 */
const TRANSIENT = new RegExp(
  `timeout|timed out|temporar|unavailable|bad gateway|fetch failed|network|ECONNRE|socket|missing trie node|block ?out ?of ?range|${LACKS_BLOCK.source}`,
  'i',
);
/** Words that refuse a JSON-RPC batch as a batch (its size, or batching at all). */
const BATCH =
  /batch|not a valid request object|^\s*invalid request\s*$|request is too large|request entity too large|content length too large|response too large|response is too big/i;
const SUGGESTED = /\[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]|retry with the range (\d+)-(\d+)/i;
const CAP =
  /(?:max(?:imum)? (?:block )?range(?: of)?|limited to an?|up to an?|range (?:is )?limited to|exceeds? (?:the )?limit of|bigger than range limit|ranges over|exceeds server limit, narrow your filter|\(maximum)[:\s]*([\d,]+)(k?)\b/i;
const BATCH_CAP = /batch limit (\d+)|max(?:imum)? limit of (\d+)|at most (\d+) calls/i;

export interface ErrorLike {
  status?: number;
  code?: number;
  data?: unknown;
  details?: string;
  message?: string;
  shortMessage?: string;
  headers?: { get(name: string): string | null };
  cause?: unknown;
}

/** The chain of causes of `error`, outermost first. */
export function causes(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current = error as ErrorLike | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    out.push(current);
    current = current.cause as ErrorLike | undefined;
  }
  return out;
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), if it asks. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Math.round(Number(value) * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const textOf = (chain: ErrorLike[]) =>
  chain
    .map((e) => {
      // Tenderly says the range in the error's data: `{ payload: "range … is bigger than range limit 2000" }`.
      const data =
        typeof e.data === 'string' ? e.data : e.data && typeof e.data === 'object' ? JSON.stringify(e.data) : '';
      // A viem error's `message` repeats its request body and URL (a JSON-RPC id of 429, a method
      // name): only what the provider said is read, its short message and details.
      const said = e.shortMessage !== undefined ? `${e.shortMessage} ${e.details ?? ''}` : (e.message ?? '');
      return `${said} ${data}`;
    })
    .join(' ');

/** Infura's wait, in the error's data: `{ rate: { backoff_seconds } }`. */
const backoffInData = (chain: ErrorLike[]) => {
  for (const e of chain) {
    const seconds = (e.data as { rate?: { backoff_seconds?: unknown } } | undefined)?.rate?.backoff_seconds;
    if (typeof seconds === 'number' && seconds > 0) return Math.round(seconds * 1000);
  }
  return undefined;
};

/** Whether `error` carries a JSON-RPC error code (an answer in words), not only an HTTP status. */
export const hasRpcCode = (error: unknown) => causes(error).some((e) => typeof e.code === 'number');

/**
 * Whether a failed read means the RPC did not answer (down, timing out, a 5xx, not JSON-RPC), as
 * opposed to answering with an error in words (a lagging backend's "header not found", a bad
 * parameter) or asking to wait (a rate limit, 429 or in words). Only the first makes a chain
 * unreachable.
 */
export const noAnswer = (error: unknown) =>
  // -1 is viem's UnknownRpcError: its wrapping of a failure that carried no code (a failed fetch),
  // met through a wallet's transport (the read pool's errors carry the endpoint's own code or none).
  !causes(error).some((e) => typeof e.code === 'number' && e.code !== -1) && classifyRpcError(error).kind !== 'rate';

/** Whether the node answered, in words, that it does not have the block asked for (yet). */
export const lacksBlock = (error: unknown) => hasRpcCode(error) && LACKS_BLOCK.test(textOf(causes(error)));

/** Whether a JSON-RPC error refuses a batch as a batch (too many calls, or no batches at all). */
export function isBatchRefusal(error: unknown): boolean {
  const chain = causes(error);
  const text = textOf(chain);
  return !chain.some((e) => e.code === 3) && !/execution reverted/i.test(text) && BATCH.test(text);
}

/** The most calls a batch may carry, when the refusal says. */
export function statedBatchCap(error: unknown): number | undefined {
  const match = BATCH_CAP.exec(textOf(causes(error)));
  const n = match ? Number(match[1] ?? match[2] ?? match[3]) : 0;
  return n > 0 ? n : undefined;
}

/** Classifies any error from an RPC (viem's, or a bare JSON-RPC error object). */
export function classifyRpcError(error: unknown): RpcRefusal {
  const chain = causes(error);
  const text = textOf(chain);
  const http = chain.find((e) => typeof e.status === 'number');
  // A revert is the contract's answer, whatever its reason says.
  if (chain.some((e) => e.code === 3) || /execution reverted/i.test(text)) return { kind: 'fatal' };
  if (http?.status === 429 || RATE.test(text) || chain.some((e) => RATE_CODES.has(e.code as number))) {
    const header = chain.map((e) => e.headers?.get?.('retry-after')).find((v) => v);
    return { kind: 'rate', retryAfterMs: retryAfterMs(header) ?? backoffInData(chain) };
  }
  if (RANGE.test(text)) {
    const match = SUGGESTED.exec(text);
    const stated = CAP.exec(text);
    const cap = stated ? BigInt(stated[1].replace(/,/g, '')) * (stated[2] ? 1_000n : 1n) : 0n;
    return {
      kind: 'range',
      suggested: match ? [BigInt(match[1] ?? match[3]), BigInt(match[2] ?? match[4])] : undefined,
      ...(cap > 0n ? { cap } : {}),
    };
  }
  if (SIZE.test(text)) return { kind: 'size' };
  if (FATAL.test(text)) return { kind: 'fatal' };
  // -32005 without rate wording is the "limit exceeded" family: a range or result-size cap.
  if (chain.some((e) => e.code === -32005)) return { kind: 'range' };
  if ((http?.status ?? 0) >= 500 || TRANSIENT.test(text)) return { kind: 'transient' };
  if (chain.some((e) => e.code === -32603 || e.code === -32000) && !/revert/i.test(text)) return { kind: 'transient' };
  return { kind: 'fatal' };
}
