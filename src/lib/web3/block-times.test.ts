import { createClient, custom, numberToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { readBlockTimes } from './block-times.ts';

describe('block times', () => {
  it('asks for each block once, however often the rows name it', async () => {
    const asked: string[] = [];
    const client = createClient({
      transport: custom({
        request: async ({ method, params }: { method: string; params: [string, boolean] }) => {
          if (method !== 'eth_getBlockByNumber') throw new Error(method);
          asked.push(params[0]);
          const n = BigInt(params[0]);
          return { number: params[0], hash: `0x${'11'.repeat(32)}`, timestamp: numberToHex(1_000n + n) };
        },
      }),
    });
    const times = await readBlockTimes(client as never, [7n, 9n, 7n, 7n]);
    expect([...times]).toEqual([
      [7n, 1_007n],
      [9n, 1_009n],
    ]);
    expect(asked.sort()).toEqual(['0x7', '0x9']);
  });
});
