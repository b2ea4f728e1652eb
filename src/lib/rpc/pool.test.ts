import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubStorage } from '../storage/stub-storage.ts';
import { addedRpcUrls, pinnedBlock, RpcPool } from './pool.ts';

type Call = { id: number; method: string; params?: unknown[] };

/** Several endpoints in one fetch: each URL's behaviour is a function of the call. */
function endpoints(behave: Record<string, (call: Call) => unknown>) {
  const hits: string[] = [];
  const fetch = vi.fn(async (url: string, init: { body: string }) => {
    const parsed = JSON.parse(init.body) as Call | Call[];
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    // The probes' head reads are not counted: only where the reads under test went.
    if (calls.some((c) => c.method !== 'eth_blockNumber')) hits.push(url);
    const answers = [];
    for (const c of calls) {
      const out = behave[url](c);
      if (out instanceof Response) return out;
      if (out instanceof Error) throw out;
      answers.push({ jsonrpc: '2.0', id: c.id, ...(out as object) });
    }
    return new Response(JSON.stringify(Array.isArray(parsed) ? answers : answers[0]));
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, hits };
}

const head = (n: number) => (c: Call) =>
  c.method === 'eth_blockNumber' ? { result: `0x${n.toString(16)}` } : { result: `from-${n}` };

let pool: RpcPool | undefined;
beforeEach(() => stubStorage());
afterEach(() => {
  pool?.stop();
  vi.unstubAllGlobals();
});

describe('RpcPool', () => {
  it('is a viem transport whose identical requests in flight share one answer when viem asks (dedupe)', async () => {
    const seen: Call[] = [];
    const e = endpoints({
      'https://a': (c) => {
        seen.push(c);
        return { result: '0x2a' };
      },
    });
    pool = new RpcPool(1, ['https://a'], { fetch: e.fetch, probeMs: 60_000 });
    const { request } = pool.transport()({});
    const ask = { method: 'eth_getCode', params: ['0x00000000000000000000000000000000000000aa', '0x10'] } as never;
    expect(await Promise.all([request(ask, { dedupe: true }), request(ask, { dedupe: true })])).toEqual([
      '0x2a',
      '0x2a',
    ]);
    expect(seen).toHaveLength(1);
    // Without it, each goes out; once answered, the same request is asked again.
    await Promise.all([request(ask), request(ask)]);
    await request(ask, { dedupe: true });
    expect(seen).toHaveLength(4);
  });

  it('moves to the next endpoint when one is down, and stays there', async () => {
    const e = endpoints({ 'https://a': () => new TypeError('Failed to fetch'), 'https://b': head(100) });
    pool = new RpcPool(1, ['https://a', 'https://b'], { fetch: e.fetch, probeMs: 60_000 });
    expect(await pool.request('eth_chainId')).toBe('from-100');
    expect(await pool.request('eth_chainId')).toBe('from-100');
    expect(e.hits).toEqual(['https://a', 'https://b', 'https://b']);
    expect(pool.current.url).toBe('https://b');
    expect(pool.endpoints[0].lastError?.message).toMatch(/HTTP request failed/);
  });

  it('asks a lone endpoint whose backend lacks the block again, a few times, then gives up', async () => {
    // A load balancer whose backends answer "header not found" three times in a row, then one has it.
    let misses = 3;
    const e = endpoints({
      'https://a': (c) =>
        c.method === 'eth_call' && misses-- > 0
          ? { error: { code: -32000, message: 'header not found' } }
          : { result: '0x01' },
    });
    pool = new RpcPool(1, ['https://a'], { fetch: e.fetch, probeMs: 60_000 });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const found = pool.request('eth_call', [{}, '0x10']);
      await vi.runAllTimersAsync();
      expect(await found).toBe('0x01');
      expect(e.hits).toHaveLength(4);
      // One that never has it: five tries in all (two, and three more), then the error.
      misses = Infinity;
      const missing = pool.request('eth_call', [{}, '0x10']);
      missing.catch(() => undefined);
      await vi.runAllTimersAsync();
      await expect(missing).rejects.toThrow(/header not found/);
      expect(e.hits).toHaveLength(9);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails over on a 5xx and a missing block, never on a revert', async () => {
    const e = endpoints({
      'https://a': (c) =>
        c.method === 'eth_call'
          ? { error: { code: 3, message: 'execution reverted', data: '0x' } }
          : c.method === 'eth_blockNumber'
            ? { result: '0x7' }
            : new Response('Service Unavailable', { status: 503 }),
      'https://b': head(7),
    });
    pool = new RpcPool(1, ['https://a', 'https://b'], { fetch: e.fetch, probeMs: 60_000 });
    await expect(pool.request('eth_call', [{}, 'latest'])).rejects.toThrow(/reverted/);
    expect(e.hits).toEqual(['https://a']);
    expect(await pool.request('eth_getBalance', ['0x0', 'latest'])).toBe('from-7');
  });

  it('moves past an endpoint that refuses the app (401) or answers with no JSON-RPC', async () => {
    const e = endpoints({
      'https://revoked': () => new Response('{"message":"invalid api key"}', { status: 401 }),
      'https://html': () => new Response('<html>maintenance</html>', { status: 200 }),
      'https://good': head(5),
    });
    pool = new RpcPool(1, ['https://revoked', 'https://html', 'https://good'], { fetch: e.fetch, probeMs: 60_000 });
    pool.stop();
    expect(await pool.request('eth_getBalance', ['0x0', 'latest'])).toBe('from-5');
  });

  it('sends a read pinned to a block only to an endpoint that has reached it', async () => {
    const e = endpoints({ 'https://behind': head(90), 'https://ahead': head(100) });
    pool = new RpcPool(1, ['https://behind', 'https://ahead'], { fetch: e.fetch, probeMs: 60_000 });
    // Probe rounds ask each for its head at once; behind in two rounds in a row is lag.
    await pool.probe();
    expect(pool.behind(pool.endpoints[0])).toBe(10n);
    await pool.probe();
    expect(pool.behind(pool.endpoints[0])).toBe(10n);
    e.hits.length = 0;
    expect(await pool.request('eth_call', [{}, '0x64'])).toBe('from-100');
    // A lagging endpoint is ranked after the others for unpinned reads too, even when it is faster.
    expect(await pool.request('eth_chainId')).toBe('from-100');
    expect(e.hits).toEqual(['https://ahead', 'https://ahead']);
  });

  it('prefers a current endpoint waiting out a rate limit to one whose answers are stale', async () => {
    const e = endpoints({ 'https://behind': head(90), 'https://limited': head(100) });
    pool = new RpcPool(1, ['https://behind', 'https://limited'], { fetch: e.fetch, probeMs: 60_000 });
    await pool.probe();
    await pool.probe();
    pool.endpoints[1].pace.pausedUntil = Date.now() + 200;
    e.hits.length = 0;
    expect(await pool.request('eth_chainId')).toBe('from-100');
    expect(e.hits).toEqual(['https://limited']);
  });

  it("keeps a person's own endpoints in this browser, and only those can be removed", () => {
    pool = new RpcPool(5, ['https://config'], { probeMs: 60_000 });
    pool.add('https://mine.example');
    expect(addedRpcUrls(5)).toEqual(['https://mine.example']);
    expect(new RpcPool(5, ['https://config']).endpoints.map((x) => x.url)).toEqual([
      'https://config',
      'https://mine.example',
    ]);
    pool.remove('https://config');
    pool.remove('https://mine.example');
    expect(pool.endpoints.map((x) => x.url)).toEqual(['https://config']);
    expect(addedRpcUrls(5)).toEqual([]);
  });

  it.each([
    ['eth_call', [{}, '0x10'], 16n],
    ['eth_call', [{}, 'latest'], undefined],
    ['eth_getLogs', [{ fromBlock: '0x1', toBlock: '0x20' }], 32n],
    ['eth_getBlockByNumber', ['0x5', false], 5n],
    ['eth_getBalance', ['0xabc', '0x7'], 7n],
    ['eth_chainId', [], undefined],
  ] as const)('%s %j is pinned to %s', (method, params, block) => {
    expect(pinnedBlock(method, params)).toBe(block);
  });
});
