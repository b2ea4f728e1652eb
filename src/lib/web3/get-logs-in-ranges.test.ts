import { describe, expect, it } from 'vitest';
import { createClient, custom, parseAbiItem, type Chain } from 'viem';
import { getLogsInRanges, isRangeError } from './get-logs-in-ranges.ts';

const event = parseAbiItem(
  'event Slashed(address indexed operator, uint256 fractionBps, uint256 amount, string reason)',
);

/** A fake node that refuses ranges wider than `limit` blocks and records the ranges it was asked for. */
function fakeNode(limit: bigint, latest: bigint) {
  const asked: [bigint, bigint][] = [];
  const client = createClient({
    chain: {
      id: 1,
      name: 'x',
      nativeCurrency: { name: 'E', symbol: 'E', decimals: 18 },
      rpcUrls: { default: { http: [] } },
    } as Chain,
    transport: custom({
      async request({ method, params }: { method: string; params: any }) {
        if (method === 'eth_blockNumber') return `0x${latest.toString(16)}`;
        const from = BigInt(params[0].fromBlock);
        const to = BigInt(params[0].toBlock);
        if (to - from + 1n > limit)
          throw Object.assign(new Error('query exceeds max block range 1000'), { code: -32600 });
        asked.push([from, to]);
        return [];
      },
    }),
  });
  return { client, asked };
}

describe('getLogsInRanges', () => {
  it('covers the whole span exactly once, shrinking the window until the node accepts it', async () => {
    const { client, asked } = fakeNode(1_000n, 4_500n);
    await getLogsInRanges(client as any, {
      address: '0x0000000000000000000000000000000000000001',
      event,
      fromBlock: 100n,
      window: 10_000n,
    });
    expect(asked[0]).toEqual([100n, 724n]);
    expect(asked.every(([from, to]) => to - from + 1n <= 1_000n)).toBe(true);
    const covered = asked.reduce((n, [from, to]) => n + (to - from + 1n), 0n);
    expect(covered).toBe(4_401n);
    for (let i = 1; i < asked.length; i++) expect(asked[i][0]).toBe(asked[i - 1][1] + 1n);
  });

  it('rethrows errors that are not about the range', async () => {
    const client = createClient({
      transport: custom({
        request: async () => {
          throw new Error('boom');
        },
      }),
    });
    await expect(
      getLogsInRanges(client as any, {
        address: '0x0000000000000000000000000000000000000001',
        event,
        fromBlock: 0n,
        toBlock: 10n,
      }),
    ).rejects.toThrow();
  });

  it('recognises range errors by message or code', () => {
    expect(isRangeError(new Error('Log response size exceeded'))).toBe(true);
    expect(isRangeError({ code: -32005 })).toBe(true);
    expect(isRangeError(new Error('execution reverted'))).toBe(false);
  });
});
