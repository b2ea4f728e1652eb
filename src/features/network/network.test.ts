import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubStorage } from '../../lib/storage/stub-storage.ts';
import { RpcPool } from '../../lib/rpc/pool.ts';
import { checkEndpoint, cspAllows } from './check-endpoint.ts';
import { ago, describeEndpoint } from './endpoint-view.ts';

const devnet = { id: 31337, name: 'AltLayer devnet' };
const answering = (result: string) =>
  (async (_url: string, init: { body: string }) =>
    new Response(JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(init.body).id, result }))) as unknown as typeof fetch;

beforeEach(() => stubStorage());
afterEach(() => vi.unstubAllGlobals());

describe('checkEndpoint', () => {
  const listed = ['http://127.0.0.1:8545'];
  it.each([
    ['not a url', /full URL/],
    ['ftp://rpc.example', /https:\/\//],
    ['http://rpc.example', /https:\/\//],
    ['https://user:secret@rpc.example', /user name and password/],
    ['http://127.0.0.1:8545/', /already in the list/],
  ])('refuses %s', async (text, message) => {
    const result = await checkEndpoint(text, devnet, listed, { sources: undefined, fetch: answering('0x7a69') });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('refuses an origin the CSP does not admit, before connecting to it', async () => {
    const fetch = vi.fn(answering('0x7a69'));
    const result = await checkEndpoint('https://rpc.example', devnet, listed, {
      sources: ["'self'", 'http://127.0.0.1:8545'],
      fetch,
    });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/only connects to the RPCs its deployer allowed/),
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(cspAllows(new URL('https://rpc.example/key'), ["'self'", 'https:'])).toBe(true);
    expect(cspAllows(new URL('https://eth.rpc.example'), ['https://*.rpc.example'])).toBe(true);
    expect(cspAllows(new URL('https://rpc.example'), ['https://*.rpc.example'])).toBe(false);
    expect(cspAllows(new URL('http://eth.rpc.example'), ['https://*.rpc.example'])).toBe(false);
  });

  it('refuses an RPC of another chain, and one that does not answer', async () => {
    expect(await checkEndpoint('https://eth.example', devnet, listed, { fetch: answering('0x1') })).toEqual({
      ok: false,
      message: 'eth.example serves chain 1, not AltLayer devnet (chain 31337).',
    });
    const dead = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const result = await checkEndpoint('https://dead.example', devnet, listed, { fetch: dead });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^dead\.example did not answer/) });
  });

  it('accepts an RPC of the chain, without a trailing slash', async () => {
    expect(await checkEndpoint(' http://localhost:8546/ ', devnet, listed, { fetch: answering('0x7a69') })).toEqual({
      ok: true,
      url: 'http://localhost:8546',
    });
  });
});

describe('describeEndpoint', () => {
  it('says what is known of an endpoint in words', async () => {
    const pool = new RpcPool(1, ['https://a.example', 'https://b.example'], {
      fetch: answering('0x10'),
      probeMs: 60_000,
    });
    const [a, b] = pool.endpoints;
    expect(describeEndpoint(pool, b)).toMatchObject({
      host: 'b.example',
      inUse: false,
      state: 'not asked yet',
      latency: 'not measured yet',
      rateLimited: 'no',
      behind: 'at the head',
      batch: 'up to 10 calls a request (not tested yet)',
      pace: 'no rate limit met',
    });
    await pool.request('eth_chainId');
    pool.stop();
    const now = Date.now();
    a.pace.pausedUntil = now + 4_000;
    a.rateLimits = 2;
    a.pace.perSecond = 20;
    a.lastError = { message: 'HTTP request failed.', at: now - 12_000 };
    a.batch.refused(1n, 10n, undefined, 1n);
    expect(describeEndpoint(pool, a, now)).toMatchObject({
      inUse: true,
      state: 'rate-limited',
      rateLimited: 'yes, for 4 s more',
      lastError: 'HTTP request failed. (12 s ago)',
      batch: 'one call a request (it takes no batches)',
      pace: '20 calls a second',
    });
    expect(ago(0, 200_000)).toBe('3 min ago');
  });
});
