/**
 * What an RPC's refusal means for a log read. Providers answer a too-wide `eth_getLogs` and a
 * rate limit with overlapping codes (Infura uses -32005 for both "query returned more than 10000
 * results" and "daily request count exceeded, request rate limited"), so the wording decides, and
 * an HTTP 429 is always a rate limit, never a range error: halving the window would only send more
 * requests into the limit.
 */

export type RpcRefusal =
  | {
      kind: 'range';
      /** A range the provider said would work, when it names one (Alchemy does). */ suggested?: [bigint, bigint];
      /** The most blocks a request may span, when the provider says (most do). */
      cap?: bigint;
    }
  | { kind: 'rate'; retryAfterMs?: number }
  | { kind: 'transient' }
  | { kind: 'fatal' };

const RATE =
  /rate.?limit|too many requests|request rate|requests per second|daily request|capacity|quota|throttl|\b429\b/i;
const RANGE =
  /block range|range (is )?too (large|wide)|range exceeds|exceed(s|ed)? (the )?max(imum)? (block )?range|more than \d[\d,]* (results|logs)|response size exceeded|too many (results|logs)|limited to a [\d,]+ (block )?range|max(imum)? (block )?range|up to a [\d,]+ block range|query timeout exceeded/i;
const TRANSIENT =
  /timeout|timed out|temporar|unavailable|bad gateway|fetch failed|network|ECONNRE|socket|header not found|unknown block|missing trie node/i;
const SUGGESTED = /\[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i;
const CAP =
  /(?:max(?:imum)? (?:block )?range(?: of)?|limited to an?|up to an?|range (?:is )?limited to)[:\s]*([\d,]+)(k?)\b/i;

interface ErrorLike {
  status?: number;
  code?: number;
  details?: string;
  message?: string;
  shortMessage?: string;
  headers?: { get(name: string): string | null };
  cause?: unknown;
}

/** The chain of causes of `error`, outermost first. */
function causes(error: unknown): ErrorLike[] {
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

/** Classifies any error from a log read (viem's, or a bare JSON-RPC error object). */
export function classifyRpcError(error: unknown): RpcRefusal {
  const chain = causes(error);
  const text = chain.map((e) => `${e.details ?? ''} ${e.shortMessage ?? ''} ${e.message ?? ''}`).join(' ');
  const http = chain.find((e) => typeof e.status === 'number');
  if (http?.status === 429 || RATE.test(text)) {
    const header = chain.map((e) => e.headers?.get?.('retry-after')).find((v) => v);
    return { kind: 'rate', retryAfterMs: retryAfterMs(header) };
  }
  if (RANGE.test(text)) {
    const match = SUGGESTED.exec(text);
    const stated = CAP.exec(text);
    const cap = stated ? BigInt(stated[1].replace(/,/g, '')) * (stated[2] ? 1_000n : 1n) : 0n;
    return {
      kind: 'range',
      suggested: match ? [BigInt(match[1]), BigInt(match[2])] : undefined,
      ...(cap > 0n ? { cap } : {}),
    };
  }
  // -32005 without rate wording is the "limit exceeded" family: a range or result-size cap.
  if (chain.some((e) => e.code === -32005)) return { kind: 'range' };
  if ((http?.status ?? 0) >= 500 || TRANSIENT.test(text)) return { kind: 'transient' };
  if (chain.some((e) => e.code === -32603 || e.code === -32000) && !/revert/i.test(text)) return { kind: 'transient' };
  return { kind: 'fatal' };
}
