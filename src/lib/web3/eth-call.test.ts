import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeFunctionData, encodeAbiParameters, encodeFunctionResult, parseAbi, type Address, type Hex } from 'viem';
import { multicall3InterfaceAbi } from '../contracts/multicall3-interface.ts';
import { stubStorage } from '../storage/stub-storage.ts';
import { aggregateInBatches, pageStarts } from './eth-call.ts';
import type { ReadClient } from './chains.ts';

const token = parseAbi(['function balanceOf(address) view returns (uint256)']);
const MULTICALL: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** A node whose eth_call runs out of gas past `most` reads in one aggregate3, as a 10M gas cap would. */
function node(most: number) {
  const sizes: number[] = [];
  const client = {
    chain: { id: 77 },
    request: async ({ params }: { params: [{ data: Hex }, string] }) => {
      const { args } = decodeFunctionData({ abi: multicall3InterfaceAbi, data: params[0].data });
      const calls = args[0] as readonly { callData: Hex }[];
      sizes.push(calls.length);
      if (calls.length > most) throw Object.assign(new Error('out of gas'), { code: -32000 });
      return encodeFunctionResult({
        abi: multicall3InterfaceAbi,
        functionName: 'aggregate3',
        // Each balance is the number of the address asked for, so the order can be checked.
        result: calls.map((c) => ({
          success: true,
          returnData: encodeAbiParameters([{ type: 'uint256' }], [BigInt(`0x${c.callData.slice(-40)}`)]),
        })),
      });
    },
  } as unknown as ReadClient;
  return { client, sizes };
}

const reads = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    address: MULTICALL,
    abi: token,
    functionName: 'balanceOf' as const,
    args: [`0x${(i + 1).toString(16).padStart(40, '0')}`] as const,
  }));

let storage: Map<string, string>;
beforeEach(() => (storage = stubStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('aggregateInBatches', () => {
  it('splits a call refused as too big, keeps every result in order, and starts the next read at the size that worked', async () => {
    const { client, sizes } = node(30);
    const results = await aggregateInBatches(client, MULTICALL, reads(100), undefined, 100);
    expect(results).toHaveLength(100);
    expect(results.map((r) => (r.status === 'success' ? r.result : r.error))).toEqual(
      Array.from({ length: 100 }, (_, i) => BigInt(i + 1)),
    );
    expect(sizes.filter((n) => n > 30).length).toBeGreaterThan(0);
    const learned = Number(storage.get('alt-gov:v1:page:aggregate:77'));
    expect(learned).toBeLessThanOrEqual(50);
    sizes.length = 0;
    await aggregateInBatches(client, MULTICALL, reads(100), undefined, 100);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(learned);
  });

  it('throws what is not a size refusal', async () => {
    const client = {
      chain: { id: 78 },
      request: async () => Promise.reject(Object.assign(new Error('execution reverted'), { code: 3 })),
    } as unknown as ReadClient;
    await expect(aggregateInBatches(client, MULTICALL, reads(4), undefined, 4)).rejects.toThrow();
  });
});

describe('pageStarts', () => {
  it('starts a page every `size` entries up to the end, the last one partial', () => {
    expect(pageStarts(0n, 1_001n, 250n)).toEqual([0n, 250n, 500n, 750n, 1_000n]);
    expect(pageStarts(500n, 500n, 500n)).toEqual([]);
    expect(pageStarts(500n, 1_001n, 500n)).toEqual([500n, 1_000n]);
  });
});
