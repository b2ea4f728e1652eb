import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRpcError, isBatchRefusal } from '../src/lib/errors/rpc-errors.ts';
import {
  BATCH_WORDINGS,
  PROFILES,
  RANGE_WORDINGS,
  RATE_WORDINGS,
  randomProfile,
  RESULT_WORDINGS,
  RpcProxy,
  type ProviderProfile,
} from './rpc-proxy.ts';

const HEAD = 1_000n;
let upstream: Server;
const UPSTREAM_PORT = 18_601;

/** A node at block 1,000 with one log per block, echoing the block each call was asked at. */
beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      const answer = (call: any) => {
        const p = call.params ?? [];
        switch (call.method) {
          case 'eth_blockNumber':
            return `0x${HEAD.toString(16)}`;
          case 'eth_getLogs': {
            const logs = [];
            for (let n = BigInt(p[0].fromBlock); n <= BigInt(p[0].toBlock); n++)
              logs.push({ blockNumber: `0x${n.toString(16)}` });
            return logs;
          }
          case 'eth_call':
            return { at: p[1], gas: p[0].gas };
          case 'eth_getBlockByNumber':
            return { number: p[0] };
          default:
            return null;
        }
      };
      const out = Array.isArray(parsed)
        ? parsed.map((c) => ({ jsonrpc: '2.0', id: c.id, result: answer(c) }))
        : { jsonrpc: '2.0', id: parsed.id, result: answer(parsed) };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
  });
  await new Promise<void>((r) => upstream.listen(UPSTREAM_PORT, '127.0.0.1', () => r()));
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

const quiet = (overrides: Partial<ProviderProfile> = {}): ProviderProfile => ({
  ...PROFILES.strict,
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  lagEvery: 0,
  ratePerSecond: undefined,
  rotate: false,
  ...overrides,
});

let port = 18_610;
async function withProxy(
  profile: ProviderProfile,
  run: (send: (body: unknown, headers?: Record<string, string>) => Promise<Response>, proxy: RpcProxy) => Promise<void>,
) {
  const proxy = new RpcProxy(port++, `http://127.0.0.1:${UPSTREAM_PORT}`, profile);
  await proxy.listen();
  try {
    await run(
      (body, headers = {}) =>
        fetch(proxy.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      proxy,
    );
  } finally {
    await proxy.close();
  }
}

const call = (method: string, params: unknown[] = [], id = 1) => ({ jsonrpc: '2.0', id, method, params });
const logs = (from: number, to: number, id = 1) =>
  call('eth_getLogs', [{ fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}` }], id);

describe('RpcProxy', () => {
  it('refuses log ranges past the cap in each real wording in turn, each read by the app as a range refusal', async () => {
    await withProxy(quiet({ rotate: true }), async (send) => {
      expect((await (await send(logs(1, 10))).json()).result).toHaveLength(10);
      const refusals = [];
      for (let i = 0; i < RANGE_WORDINGS.length; i++) {
        const response = await send(logs(1, 11));
        refusals.push({ status: response.status, error: (await response.json()).error });
      }
      expect(new Set(refusals.map((r) => r.error.message)).size).toBe(RANGE_WORDINGS.length);
      for (const { error } of refusals) expect(classifyRpcError(error).kind, error.message).toBe('range');
      // QuickNode's comes with HTTP 413; Alchemy's names the range that would work.
      expect(refusals[2].status).toBe(413);
      expect(refusals[1].error.message).toContain('this block range should work: [0x1, 0xa]');
    });
  });

  it('words every refusal as the app reads it: results, rates, batches', () => {
    for (const word of RESULT_WORDINGS) expect(classifyRpcError(word(5, 1n, 10n)).kind).toBe('range');
    for (const word of RATE_WORDINGS) expect(classifyRpcError(word(25, 1)).kind).toBe('rate');
    for (const word of BATCH_WORDINGS) {
      const { status, body } = word(10, 11, [1]);
      const parsed = body.startsWith('{') || body.startsWith('[') ? JSON.parse(body) : undefined;
      const error = Array.isArray(parsed) ? parsed[0].error : parsed?.error;
      expect(status === 413 || isBatchRefusal(error), body).toBe(true);
    }
  });

  it('draws the same provider from the same seed, and every limit across seeds', () => {
    expect(randomProfile(42)).toEqual(randomProfile(42));
    const drawn = Array.from({ length: 200 }, (_, i) => randomProfile(i));
    expect(drawn.some((p) => p.maxBatch === 0)).toBe(true);
    expect(drawn.some((p) => p.rateAs === 'jsonrpc' && !p.retryAfter)).toBe(true);
    expect(drawn.some((p) => p.ratePerMinute !== undefined)).toBe(true);
    expect(Math.min(...drawn.map((p) => p.logRange))).toBeLessThan(10);
    expect(Math.max(...drawn.map((p) => p.logRange))).toBeGreaterThan(50_000);
    expect(drawn.every((p) => p.callGasCap >= 10_000_000n && p.callGasCap <= 50_000_000n)).toBe(true);
  });

  it('refuses answers of more logs than the cap', async () => {
    await withProxy(quiet({ logCount: 5 }), async (send) => {
      const answer = await (await send(logs(1, 6))).json();
      expect(answer.error).toEqual({ code: -32005, message: 'query returned more than 5 results' });
    });
  });

  it('counts each call of a batch against the rate limit and answers 429 with Retry-After', async () => {
    await withProxy(quiet({ ratePerSecond: 25 }), async (send, proxy) => {
      const batch = (n: number) => Array.from({ length: n }, (_, i) => call('eth_blockNumber', [], i));
      expect((await send(batch(10))).status).toBe(200);
      expect((await send(batch(10))).status).toBe(200);
      const limited = await send(batch(10));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await send(batch(5))).status).toBe(200);
      // The wallet's own requests are not the app's: they pass and are not counted.
      expect((await send(batch(10), { 'x-rpc-bypass': '1' })).status).toBe(200);
      expect(proxy.since(0)).toMatchObject({ requests: 4, calls: 35, rateLimited: 1 });
    });
  });

  it('refuses batches larger than the cap, call by call', async () => {
    await withProxy(quiet(), async (send) => {
      const answer = await (await send(Array.from({ length: 11 }, (_, i) => call('eth_chainId', [], i)))).json();
      expect(answer).toHaveLength(11);
      expect(answer.every((a: any) => a.error.code === -32600)).toBe(true);
    });
  });

  it('refuses every batch when it takes none, and answers single calls', async () => {
    await withProxy(quiet({ maxBatch: 0, wording: { ...PROFILES.strict.wording, batch: 0 } }), async (send) => {
      const refused = await (await send([call('eth_chainId', [], 1)])).json();
      expect(refused.error.message).toBe('Batched requests are not supported by this server');
      expect((await (await send(call('eth_blockNumber'))).json()).result).toBe('0x3e8');
    });
  });

  it('refuses past a per-minute limit with a JSON-RPC error in an HTTP 200, without Retry-After', async () => {
    const profile = quiet({
      ratePerMinute: 3,
      rateAs: 'jsonrpc',
      retryAfter: false,
      wording: { ...PROFILES.strict.wording, rate: 1 },
    });
    await withProxy(profile, async (send, proxy) => {
      for (let i = 0; i < 3; i++) expect((await send(call('eth_chainId'))).status).toBe(200);
      const limited = await send(call('eth_chainId'));
      expect(limited.status).toBe(200);
      expect(limited.headers.get('retry-after')).toBeNull();
      expect((await limited.json()).error).toEqual({ code: -32029, message: 'Rate limit exceeded' });
      expect(proxy.since(0).rateLimited).toBe(1);
    });
  });

  it('answers the calls of a batch within the rate and refuses the rest one by one, as QuickNode does', async () => {
    const profile = quiet({ ratePerSecond: 3, rateAs: 'jsonrpc', wording: { ...PROFILES.strict.wording, rate: 2 } });
    await withProxy(profile, async (send) => {
      const answers = await (await send(Array.from({ length: 5 }, (_, i) => call('eth_blockNumber', [], i)))).json();
      expect(answers.filter((a: any) => a.result)).toHaveLength(3);
      expect(answers.filter((a: any) => a.error?.code === -32007)).toHaveLength(2);
    });
  });

  it('runs every eth_call within its gas cap', async () => {
    await withProxy(quiet({ callGasCap: 20_000_000n }), async (send) => {
      const asked = await (await send(call('eth_call', [{ to: '0x01', gas: '0x5f5e1000' }, 'latest']))).json();
      expect(BigInt(asked.result.gas)).toBe(20_000_000n);
      const unasked = await (await send(call('eth_call', [{ to: '0x01' }, 'latest']))).json();
      expect(BigInt(unasked.result.gas)).toBe(20_000_000n);
    });
  });

  it('refuses an answer larger than its response cap', async () => {
    await withProxy(quiet({ responseBytes: 100, logRange: 1_000 }), async (send) => {
      const answer = await (await send(logs(1, 50))).json();
      expect(answer.error.message).toBe('response size should not greater than 100 bytes');
      expect(classifyRpcError(answer.error).kind).toBe('range');
    });
  });

  it('a lagging backend is a block behind: its head, its latest, and nothing after it', async () => {
    await withProxy(quiet({ lagEvery: 1 }), async (send, proxy) => {
      const [number, latest, head, callHead, callLatest, logsToHead] = await (
        await send([
          call('eth_blockNumber', [], 1),
          call('eth_getBlockByNumber', ['latest', false], 2),
          call('eth_getBlockByNumber', ['0x3e8', false], 3),
          call('eth_call', [{ to: '0x01' }, '0x3e8'], 4),
          call('eth_call', [{ to: '0x01' }, 'latest'], 5),
          logs(995, 1_000, 6),
        ])
      ).json();
      expect(number.result).toBe('0x3e7');
      expect(latest.result.number).toBe('0x3e7');
      expect(head.result).toBeNull();
      expect(callHead.error).toEqual({ code: -32000, message: 'header not found' });
      expect(callLatest.result.at).toBe('0x3e7');
      expect(logsToHead.result).toHaveLength(5);
      expect(proxy.since(0).lagging).toBe(1);
    });
  });

  it('answers a share of requests 503', async () => {
    await withProxy(quiet({ errorRate: 0.5 }), async (send) => {
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await send(call('eth_chainId'))).status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(5);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
    });
  });
});
