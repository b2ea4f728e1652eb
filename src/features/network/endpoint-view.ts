/**
 * What the Network page says about each RPC endpoint, in words: whether it is in use, how fast it
 * answers, its last error, how long it waits out a rate limit, how far behind the others it is, and
 * the limits the app has discovered for it. Pure, so the sentences are tested without a browser.
 * Worded in the language shown when described (the page describes them again each second).
 */
import type { Endpoint } from '../../lib/rpc/endpoint.ts';
import type { RpcPool } from '../../lib/rpc/pool.ts';
import * as m from '../../lib/i18n/messages.ts';
import { cleanText, clip } from '../../lib/format/clean-text.ts';

export interface EndpointView {
  url: string;
  /** The URL's host, as a heading (the full URL shows below it). */
  host: string;
  inUse: boolean;
  added: boolean;
  /** What the endpoint is doing, as a name (the page's `data-state`); {@link STATE_TEXT} words it. */
  state: 'answering' | 'down' | 'rate-limited' | 'behind' | 'not asked yet';
  latency: string;
  lastError?: string;
  rateLimited: string;
  behind: string;
  batch: string;
  pace: string;
}

/** An endpoint's state in words, for the page. */
export const STATE_TEXT: Record<EndpointView['state'], () => string> = {
  answering: m.network_endpoint_state_answering,
  down: m.network_endpoint_state_down,
  'rate-limited': m.network_endpoint_state_rate_limited,
  behind: m.network_endpoint_state_behind,
  'not asked yet': m.network_endpoint_state_not_asked,
};

const seconds = (ms: number) => m.network_endpoint_seconds({ count: Math.max(1, Math.round(ms / 1000)) });

/** "12 s ago", "3 min ago". */
export const ago = (at: number, now: number) => {
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 90
    ? m.network_endpoint_seconds_ago({ count: s })
    : m.network_endpoint_minutes_ago({ count: Math.round(s / 60) });
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
  return {
    url: e.url,
    host: hostOf(e.url),
    inUse: pool.current === e,
    added: !!e.options.added,
    state,
    latency:
      e.latencyMs === undefined ? m.network_endpoint_not_measured() : m.network_endpoint_ms({ count: e.latencyMs }),
    lastError:
      // In the node's own words, which any RPC writes: shown as chain text is.
      e.lastError &&
      m.network_endpoint_last_error({
        error: clip(cleanText(e.lastError.message), 200),
        ago: ago(e.lastError.at, now),
      }),
    rateLimited:
      e.pace.pausedUntil > now
        ? m.network_endpoint_rate_limited_for({ time: seconds(e.pace.pausedUntil - now) })
        : e.rateLimits > 0
          ? m.network_endpoint_limits_met({ count: e.rateLimits })
          : m.network_endpoint_not_rate_limited(),
    behind: behind === 0n ? m.network_endpoint_at_head() : m.network_endpoint_blocks_behind({ count: behind }),
    batch:
      batchCap === 1
        ? e.batch.known
          ? m.network_endpoint_one_call_no_batches()
          : m.network_endpoint_one_call()
        : !e.batch.known
          ? m.network_endpoint_batch_untested({ count: batchCap })
          : e.batch.ceiling === undefined
            ? m.network_endpoint_batch({ count: batchCap })
            : m.network_endpoint_batch_refused({ count: batchCap, refused: e.batch.ceiling }),
    pace:
      e.pace.perSecond === undefined && e.pace.perMinute === undefined
        ? m.network_endpoint_no_pace()
        : [
            e.pace.perSecond && m.network_endpoint_calls_per_second({ count: e.pace.perSecond }),
            e.pace.perMinute && m.network_endpoint_calls_per_minute({ count: e.pace.perMinute }),
          ]
            .filter(Boolean)
            .join(m.network_endpoint_list_separator()),
  };
}
