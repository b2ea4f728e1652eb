/**
 * What the Network page says about each RPC endpoint, in words: whether it is in use, how fast it
 * answers, its last error, how long it waits out a rate limit, how far behind the others it is, and
 * the limits the app has discovered for it. Pure, so the sentences are tested without a browser.
 */
import type { Endpoint } from '../../lib/rpc/endpoint.ts';
import type { RpcPool } from '../../lib/rpc/pool.ts';

export interface EndpointView {
  url: string;
  /** The URL's host, as a heading (the full URL shows below it). */
  host: string;
  inUse: boolean;
  added: boolean;
  state: 'answering' | 'down' | 'rate-limited' | 'behind' | 'not asked yet';
  latency: string;
  lastError?: string;
  rateLimited: string;
  behind: string;
  batch: string;
  pace: string;
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** "12 s ago", "3 min ago". */
export const ago = (at: number, now: number) => {
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 90 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
};

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function describeEndpoint(pool: RpcPool, e: Endpoint, now = Date.now()): EndpointView {
  const behind = pool.behind(e);
  const asked = e.answered > 0 || e.lastError !== undefined;
  const state =
    e.downUntil > now
      ? 'down'
      : e.pace.pausedUntil > now
        ? 'rate-limited'
        : behind > 0n
          ? 'behind'
          : asked
            ? 'answering'
            : 'not asked yet';
  const batchCap = Number(e.batch.size);
  const refused = e.batch.ceiling === undefined ? '' : ` (refused ${e.batch.ceiling})`;
  return {
    url: e.url,
    host: hostOf(e.url),
    inUse: pool.current === e,
    added: !!e.options.added,
    state,
    latency: e.latencyMs === undefined ? 'not measured yet' : `${e.latencyMs} ms`,
    lastError: e.lastError && `${e.lastError.message} (${ago(e.lastError.at, now)})`,
    rateLimited:
      e.pace.pausedUntil > now
        ? `yes, for ${seconds(e.pace.pausedUntil - now)} more`
        : e.rateLimits > 0
          ? `not now (${e.rateLimits} ${e.rateLimits === 1 ? 'limit' : 'limits'} met)`
          : 'no',
    behind: behind === 0n ? 'at the head' : `${behind} ${behind === 1n ? 'block' : 'blocks'} behind the others`,
    batch:
      batchCap === 1
        ? `one call a request${e.batch.known ? ' (it takes no batches)' : ''}`
        : `up to ${batchCap} calls a request${e.batch.known ? refused : ' (not tested yet)'}`,
    pace:
      e.pace.perSecond === undefined && e.pace.perMinute === undefined
        ? 'no rate limit met'
        : [
            e.pace.perSecond && `${e.pace.perSecond} calls a second`,
            e.pace.perMinute && `${e.pace.perMinute} calls a minute`,
          ]
            .filter(Boolean)
            .join(', '),
  };
}
