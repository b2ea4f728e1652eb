import { createClient, custom, HttpRequestError, RpcRequestError } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { describe, expect, it } from 'vitest';
import { stickyFallback } from './sticky-fallback.ts';

/** A transport that answers eth_blockNumber with `block`, or fails when `down()` says so; it counts calls. */
function rpc(block: number, down: () => boolean) {
  const seen = { calls: 0 };
  const transport = custom(
    {
      async request({ method }) {
        seen.calls++;
        if (down()) throw new HttpRequestError({ url: `http://rpc-${block}`, status: 502 });
        if (method === 'eth_call')
          throw new RpcRequestError({ body: {}, url: 'x', error: { code: 3, message: 'execution reverted' } });
        return `0x${block.toString(16)}`;
      },
    },
    { retryCount: 0 },
  );
  return { transport, seen };
}

describe('stickyFallback', () => {
  it('moves past a dead RPC once and stays on the one that answered', async () => {
    let firstDown = true;
    const a = rpc(1, () => firstDown);
    const b = rpc(2, () => false);
    const client = createClient({ transport: stickyFallback([a.transport, b.transport]) });
    expect(await getBlockNumber(client, { cacheTime: 0 })).toBe(2n);
    expect(await getBlockNumber(client, { cacheTime: 0 })).toBe(2n);
    expect(a.seen.calls).toBe(1);
    // The first comes back but the second keeps answering, so the second stays preferred.
    firstDown = false;
    expect(await getBlockNumber(client, { cacheTime: 0 })).toBe(2n);
    expect(a.seen.calls).toBe(1);
  });

  it('fails over again when the preferred RPC dies, and reports the last failure when all are down', async () => {
    let bDown = false;
    let aDown = true;
    const a = rpc(1, () => aDown);
    const b = rpc(2, () => bDown);
    const client = createClient({ transport: stickyFallback([a.transport, b.transport]) });
    expect(await getBlockNumber(client, { cacheTime: 0 })).toBe(2n);
    bDown = true;
    aDown = false;
    expect(await getBlockNumber(client, { cacheTime: 0 })).toBe(1n);
    aDown = true;
    await expect(getBlockNumber(client, { cacheTime: 0 })).rejects.toThrow(/HTTP request failed/);
  });

  it('does not retry a revert on the next RPC', async () => {
    const a = rpc(1, () => false);
    const b = rpc(2, () => false);
    const client = createClient({ transport: stickyFallback([a.transport, b.transport]) });
    await expect(client.request({ method: 'eth_call', params: [{}, 'latest'] } as never)).rejects.toThrow();
    expect(b.seen.calls).toBe(0);
  });
});
