import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RpcRequestError } from 'viem';
import { stubStorage } from '../storage/stub-storage.ts';
import { Endpoint } from './endpoint.ts';

type Call = { id: number; method: string; params?: unknown[] };
type Reply = { status?: number; body: unknown; headers?: Record<string, string> };

/**
 * A provider in a function: `answer` gets each HTTP request's calls (an array for a batch) and says
 * what to send back; every request is recorded.
 */
function provider(answer: (calls: Call[], batch: boolean) => Reply) {
  const requests: { calls: Call[]; batch: boolean; at: number; status?: number }[] = [];
  const fetch = vi.fn(async (_url: string, init: { body: string }) => {
    const parsed = JSON.parse(init.body) as Call | Call[];
    const batch = Array.isArray(parsed);
    const calls = batch ? parsed : [parsed];
    const reply = answer(calls, batch);
    requests.push({ calls, batch, at: Date.now(), status: reply.status ?? 200 });
    return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: reply.headers,
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const ok = (calls: Call[], batch: boolean): Reply => {
  const answers = calls.map((c) => ({
    jsonrpc: '2.0',
    id: c.id,
    result: `0x${((c.params?.[0] as number) ?? 1).toString(16)}`,
  }));
  return { body: batch ? answers : answers[0] };
};

const many = (endpoint: Endpoint, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => endpoint.request('eth_chainId', [i + 1])));

let storage: Map<string, string>;
beforeEach(() => {
  storage = stubStorage();
});
afterEach(() => vi.unstubAllGlobals());

describe('Endpoint batches', () => {
  it('sends the calls of one task as one batch and answers each by id', async () => {
    const p = provider(ok);
    const results = await many(new Endpoint('https://rpc.test', { fetch: p.fetch }), 5);
    expect(results).toEqual(['0x1', '0x2', '0x3', '0x4', '0x5']);
    expect(p.requests).toHaveLength(1);
    expect(p.requests[0].batch).toBe(true);
  });

  it('learns a smaller batch cap from a refusal, answers every call, and remembers the cap', async () => {
    // geth answers an oversized batch with one error object in place of the array.
    const p = provider((calls, batch) =>
      batch && calls.length > 3
        ? { body: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch too large' } } }
        : ok(calls, batch),
    );
    const endpoint = new Endpoint('https://geth.test', { fetch: p.fetch });
    expect(await many(endpoint, 12)).toHaveLength(12);
    expect(endpoint.batch.size).toBeLessThanOrEqual(3n);
    expect(JSON.parse(storage.get('alt-gov:v1:rpc:https://geth.test')!).batch).toBeLessThanOrEqual(3);
    // The next visit starts at the learned size: no refusal.
    const again = provider((calls, batch) => {
      expect(calls.length).toBeLessThanOrEqual(3);
      return ok(calls, batch);
    });
    expect(await many(new Endpoint('https://geth.test', { fetch: again.fetch }), 6)).toHaveLength(6);
  });

  it('takes the cap a refusal states, and an HTTP 413 without words', async () => {
    const erigon = provider((calls, batch) =>
      batch && calls.length > 4
        ? {
            body: {
              jsonrpc: '2.0',
              id: null,
              error: { code: -32000, message: `batch limit 4 exceeded: ${calls.length} requests given` },
            },
          }
        : ok(calls, batch),
    );
    const e = new Endpoint('https://erigon.test', { fetch: erigon.fetch });
    await many(e, 10);
    expect(e.batch.size).toBe(4n);
    const chainstack = provider((calls, batch) =>
      batch && calls.length > 2 ? { status: 413, body: 'Request Entity Too Large' } : ok(calls, batch),
    );
    const c = new Endpoint('https://413.test', { fetch: chainstack.fetch });
    expect(await many(c, 9)).toHaveLength(9);
    // Learned below the 9 first sent; it probes up towards the smallest refused size, never past it.
    expect(c.batch.size).toBeLessThanOrEqual(3n);
    expect(c.batch.ceiling).toBeLessThanOrEqual(4n);
  });

  it('works one call at a time with an endpoint that refuses every batch', async () => {
    const p = provider((calls, batch) =>
      batch
        ? {
            body: {
              jsonrpc: '2.0',
              id: null,
              error: { code: -32601, message: 'Batched requests are not supported by this server' },
            },
          }
        : ok(calls, batch),
    );
    const endpoint = new Endpoint('https://single.test', { fetch: p.fetch });
    expect(await many(endpoint, 6)).toEqual(['0x1', '0x2', '0x3', '0x4', '0x5', '0x6']);
    for (let i = 0; i < 4; i++) expect(await many(endpoint, 5)).toHaveLength(5);
    // Found in a few refusals, probed on the way back up until the smallest size refused is 2, then
    // left alone: 26 calls, at most five batches refused.
    expect(p.requests.filter((r) => r.batch).length).toBeLessThanOrEqual(5);
    expect(endpoint.batch.size).toBe(1n);
    expect(endpoint.batch.ceiling).toBe(2n);
  });

  it('sends again the calls a batch answer left out, and per-call refusals that say "batch"', async () => {
    // Some answer only the first calls; geth answers "response too large" for those past its size.
    const p = provider((calls, batch) => {
      if (!batch) return ok(calls, batch);
      const answered = ok(calls.slice(0, 2), true).body as unknown[];
      const rest = calls
        .slice(2, 3)
        .map((c) => ({ jsonrpc: '2.0', id: c.id, error: { code: -32003, message: 'response too large' } }));
      return { body: [...answered, ...rest] };
    });
    const endpoint = new Endpoint('https://partial.test', { fetch: p.fetch });
    expect(await many(endpoint, 7)).toEqual(['0x1', '0x2', '0x3', '0x4', '0x5', '0x6', '0x7']);
    expect(endpoint.batch.size).toBeLessThanOrEqual(2n);
  });

  it('gives a call its own refusal, and sends the calls of a batch refused for one call alone', async () => {
    const p = provider((calls, batch) => {
      // QuickNode refuses a batch holding a too-wide eth_getLogs with HTTP 413 and the range's wording.
      if (batch && calls.some((c) => c.method === 'eth_getLogs'))
        return {
          status: 413,
          body: {
            jsonrpc: '2.0',
            id: null,
            error: { code: -32000, message: 'eth_getLogs and eth_newFilter are limited to a 10,000 blocks range' },
          },
        };
      if (calls[0].method === 'eth_getLogs')
        return {
          body: {
            jsonrpc: '2.0',
            id: calls[0].id,
            error: { code: -32000, message: 'eth_getLogs and eth_newFilter are limited to a 10,000 blocks range' },
          },
        };
      return ok(calls, batch);
    });
    const endpoint = new Endpoint('https://qn.test', { fetch: p.fetch });
    const logs = endpoint.request('eth_getLogs', [{}]);
    const id = endpoint.request('eth_chainId', [9]);
    await expect(logs).rejects.toBeInstanceOf(RpcRequestError);
    expect(await id).toBe('0x9');
    // The refusal was the call's, not the batch's: the cap is unchanged.
    expect(endpoint.batch.size).toBe(10n);
  });
});

describe('Endpoint rate limits', () => {
  it('waits out a 429 with Retry-After, and learns the pace the provider allows', async () => {
    // Four calls a second, counted per call as QuickNode and the strict proxy count them.
    let admitted: number[] = [];
    const p = provider((calls, batch) => {
      const t = Date.now();
      admitted = admitted.filter((a) => t - a < 1_000);
      if (admitted.length + calls.length > 4)
        return { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '0.3' } };
      for (const _ of calls) admitted.push(t);
      return ok(calls, batch);
    });
    const endpoint = new Endpoint('https://429.test', { fetch: p.fetch });
    endpoint.batch.size = 2n;
    // On a clock of its own: the waits are the test's subject, not this machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      await Promise.all([many(endpoint, 2), vi.runAllTimersAsync()]);
      const burst = many(endpoint, 10);
      await vi.runAllTimersAsync();
      expect(await burst).toHaveLength(10);
    } finally {
      vi.useRealTimers();
    }
    expect(endpoint.rateLimits).toBeGreaterThan(0);
    expect(endpoint.pace.perSecond).toBeLessThanOrEqual(4);
    // Paced once learned: the first burst of five batches met the limit, and then no batch did
    // (unpaced, each 300 ms wait would send the refused batches into the limit again).
    expect(p.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(4);
  });

  it('waits out a rate limit sent as a JSON-RPC error in an HTTP 200, without Retry-After', async () => {
    let limited = 1;
    const p = provider((calls, batch) =>
      limited-- > 0
        ? { body: { jsonrpc: '2.0', id: null, error: { code: -32029, message: 'Rate limit exceeded' } } }
        : ok(calls, batch),
    );
    const endpoint = new Endpoint('https://therpc.test', { fetch: p.fetch });
    expect(await many(endpoint, 3)).toEqual(['0x1', '0x2', '0x3']);
    expect(p.requests).toHaveLength(2);
    // The wait was a backoff (no Retry-After), not an immediate retry.
    expect(p.requests[1].at - p.requests[0].at).toBeGreaterThanOrEqual(900);
  });

  it('sends again only the calls of a batch that a per-call rate limit refused', async () => {
    let first = true;
    const p = provider((calls, batch) => {
      if (!first || !batch) return ok(calls, batch);
      first = false;
      const answers = ok(calls.slice(0, 3), true).body as unknown[];
      // QuickNode: "a batch with 26 requests while your RPS is 25 will result in 25 valid responses and one error".
      return {
        body: [
          ...answers,
          { jsonrpc: '2.0', id: calls[3].id, error: { code: -32007, message: '3/second request limit reached' } },
        ],
        headers: { 'retry-after': '0.02' },
      };
    });
    const endpoint = new Endpoint('https://qn-rate.test', { fetch: p.fetch });
    expect(await many(endpoint, 4)).toEqual(['0x1', '0x2', '0x3', '0x4']);
    expect(p.requests.map((r) => r.calls.length)).toEqual([4, 1]);
    expect(endpoint.pace.perSecond).toBe(3);
  });

  it('learns a per-minute limit from a long Retry-After', async () => {
    let sent = 0;
    const p = provider((calls, batch) => {
      sent += calls.length;
      return sent === 4 ? { status: 429, body: '', headers: { 'retry-after': '3' } } : ok(calls, batch);
    });
    const endpoint = new Endpoint('https://minute.test', { fetch: p.fetch });
    endpoint.batch.size = 1n;
    const first = many(endpoint, 3);
    expect(await first).toHaveLength(3);
    const fourth = endpoint.request('eth_chainId', [4]);
    await new Promise((r) => setTimeout(r, 50));
    expect(endpoint.pace.perMinute).toBe(3);
    expect(endpoint.rateLimited).toBe(true);
    endpoint.pace.pausedUntil = 0;
    // The learned pace holds the call back until the minute's calls age out: not sent yet.
    await new Promise((r) => setTimeout(r, 50));
    expect(p.requests).toHaveLength(4);
    void fourth;
  });

  it('waits at least a quarter second on "Retry-After: 0", and settles a rate error with no message', async () => {
    let limited = 2;
    const p = provider((calls, batch) =>
      limited-- > 0
        ? { status: 429, body: { jsonrpc: '2.0', id: null, error: { code: 429 } }, headers: { 'retry-after': '0' } }
        : ok(calls, batch),
    );
    const endpoint = new Endpoint('https://zero.test', { fetch: p.fetch });
    expect(await endpoint.request('eth_chainId', [7])).toBe('0x7');
    expect(p.requests[1].at - p.requests[0].at).toBeGreaterThanOrEqual(240);
  });
});

describe('Endpoint failures', () => {
  it('takes a non-JSON answer for the endpoint failing, and one internal error for a batch as the batch failing', async () => {
    const html = provider(() => ({ body: '<html>Bad gateway</html>' }));
    const down = new Endpoint('https://html.test', { fetch: html.fetch });
    await expect(down.request('eth_chainId')).rejects.toMatchObject({ status: 200 });
    expect(down.failing).toBe(true);
    const internal = provider(() => ({
      body: { jsonrpc: '2.0', id: null, error: { code: -32603, message: 'internal error' } },
    }));
    const e = new Endpoint('https://internal.test', { fetch: internal.fetch });
    const results = await Promise.allSettled([e.request('eth_chainId'), e.request('eth_chainId')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // Failed as one batch, not split into a request per call.
    expect(internal.requests).toHaveLength(1);
    expect(e.batch.size).toBe(10n);
  });

  it('never takes a revert inside a batch for a batch refusal', async () => {
    const p = provider((calls) => ({
      body: calls.map((c) => ({
        jsonrpc: '2.0',
        id: c.id,
        error: { code: 3, message: 'execution reverted: batch limit reached', data: '0x' },
      })),
    }));
    const endpoint = new Endpoint('https://revert.test', { fetch: p.fetch });
    const results = await Promise.allSettled([endpoint.request('eth_call'), endpoint.request('eth_call')]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(p.requests).toHaveLength(1);
    expect(endpoint.batch.size).toBe(10n);
  });
});
