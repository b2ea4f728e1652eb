import { describe, expect, it } from 'vitest';
import { LearnedSize } from '../rpc/learned-size.ts';
import { A, fakeNode, TOPIC } from './log-index.fixtures.ts';
import type { Hex } from 'viem';
import { readFilteredLogs, type LogFilterParams } from './window-read.ts';

const filter: LogFilterParams = { address: A as Hex, topics: [TOPIC] };
const noWait = async () => {};

describe('readFilteredLogs', () => {
  it('reads a range wider than the provider takes, in windows it learns, and starts the next read there', async () => {
    const { node, request } = fakeNode({ height: 1_000n, every: 1n, cap: 8n, statesCap: true });
    const window = new LearnedSize(10n);
    const logs = await readFilteredLogs(request, filter, 743n, 751n, window, noWait);
    expect(logs.map((l) => l.blockNumber)).toEqual([743n, 744n, 745n, 746n, 747n, 748n, 749n, 750n, 751n]);
    expect(window.size).toBe(8n);
    node.calls.length = 0;
    await readFilteredLogs(request, filter, 800n, 807n, window, noWait);
    expect(node.calls.map((c) => c.range)).toEqual([[800n, 807n]]);
  });

  it('understands a cap said only in the error data, as Tenderly says it', async () => {
    const { request: answer } = fakeNode({ height: 1_000n, every: 3n });
    const request = async (method: string, params: any[]) => {
      const span = BigInt(params[0].toBlock) - BigInt(params[0].fromBlock) + 1n;
      if (span > 8n)
        throw Object.assign(new Error('invalid params'), {
          code: -32602,
          data: { payload: `range ${span} is bigger than range limit 8` },
        });
      return answer(method, params);
    };
    const logs = await readFilteredLogs(request, filter, 741n, 760n, new LearnedSize(10n), noWait);
    expect(logs.map((l) => l.blockNumber)).toEqual([741n, 744n, 747n, 750n, 753n, 756n, 759n]);
  });

  it('waits out a rate limit and reads on', async () => {
    const { node, request } = fakeNode({ height: 1_000n, every: 5n });
    node.rateLimit = 2;
    const waits: number[] = [];
    const logs = await readFilteredLogs(request, filter, 100n, 109n, new LearnedSize(10n), async (ms) => {
      waits.push(ms);
    });
    expect(logs.map((l) => l.blockNumber)).toEqual([100n, 105n]);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('gives up with the error on a refusal that is not about the range', async () => {
    const request = async () => {
      throw Object.assign(new Error('invalid address'), { code: -32000, status: 403 });
    };
    await expect(readFilteredLogs(request, filter, 1n, 1n, new LearnedSize(10n), noWait)).rejects.toThrow(
      'invalid address',
    );
  });
});
