import { describe, expect, it } from 'vitest';
import { LearnedSize } from '../rpc/learned-size.ts';
import { memoryLogStore } from './log-store.ts';
import { blocks, fakeNode, indexOver } from './log-index.fixtures.ts';

describe('LogIndex', () => {
  it('reads every log once through a provider that caps ranges, shrinking to its cap and growing back', async () => {
    const { node, request } = fakeNode({ height: 5_000n, cap: 300n });
    const index = indexOver(request, node);
    await index.syncTo(5_000n);
    expect(blocks(index)).toEqual(Array.from({ length: 491 }, (_, i) => 100n + 10n * BigInt(i)));
    // Few requests were wasted finding the cap: the window does not keep probing past a size refused.
    const refused = node.calls.filter((c) => c.range && c.range[1] - c.range[0] + 1n > 300n).length;
    const accepted = node.calls.filter((c) => c.range && c.range[1] - c.range[0] + 1n <= 300n).length;
    expect(refused).toBeLessThanOrEqual(6);
    expect(accepted).toBeLessThanOrEqual(25);
    expect(new Set(index.select().map((l) => `${l.blockNumber}`)).size).toBe(491);
    // The provider lifts its cap: after a run of accepted windows the window is back to its maximum.
    node.cap = 100_000n;
    node.height = 150_000n;
    await index.syncTo(150_000n);
    expect(index.window.size).toBe(10_000n);
    expect(blocks(index).at(-1)).toBe(150_000n);
  });

  it('takes a refusal in unknown words for a range only once a smaller window is accepted', async () => {
    const { node, request } = fakeNode({ height: 5_000n, cap: 300n, wording: 'computer says no' });
    const index = indexOver(request, node);
    await index.syncTo(5_000n);
    expect(blocks(index)).toHaveLength(491);
    expect(index.window.size).toBeLessThanOrEqual(300n);
  });

  it('throws a refusal in unknown words that even one block meets, and keeps its window', async () => {
    const { node, request } = fakeNode({ height: 5_000n, cap: 0n, wording: 'computer says no' });
    const index = indexOver(request, node, memoryLogStore(), new LearnedSize(10_000n, 500n));
    await expect(index.syncTo(5_000n)).rejects.toThrow('computer says no');
    expect(index.window.size).toBe(500n);
  });

  it('takes a cap the provider states at its word: one refusal, then windows of that size', async () => {
    const { node, request } = fakeNode({ height: 5_000n, cap: 300n, statesCap: true });
    const index = indexOver(request, node);
    await index.syncTo(5_000n);
    expect(blocks(index)).toHaveLength(491);
    expect(node.calls.filter((c) => c.range && c.range[1] - c.range[0] + 1n > 300n)).toHaveLength(1);
    expect(index.window.size).toBe(300n);
  });

  it('once the probe has found the cap, the rest of the read goes out in parallel windows', async () => {
    const { node, request } = fakeNode({ height: 600n, cap: 10n, statesCap: true });
    let inFlight = 0;
    let most = 0;
    const slow = async (method: string, params: any[]) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      try {
        return await request(method, params);
      } finally {
        inFlight--;
      }
    };
    const index = indexOver(slow, node);
    await index.syncTo(600n);
    expect(blocks(index)).toHaveLength(51);
    // Four windows at a time (the index's concurrency), not one after another.
    expect(most).toBeGreaterThanOrEqual(4);
  });

  it('after a refusal that states the cap, the windows go out in parallel at once, with no probe of one first', async () => {
    const { node, request } = fakeNode({ height: 600n, cap: 10n, statesCap: true });
    let sent = 0;
    let sentBeforeFirstWindow: number | undefined;
    const slow = async (method: string, params: any[]) => {
      if (method === 'eth_getLogs') sent++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      const answer = await request(method, params);
      const span = method === 'eth_getLogs' ? BigInt(params[0].toBlock) - BigInt(params[0].fromBlock) + 1n : 0n;
      if (span > 0n && span <= 10n) sentBeforeFirstWindow ??= sent;
      return answer;
    };
    const index = indexOver(slow, node);
    await index.syncTo(600n);
    expect(blocks(index)).toHaveLength(51);
    // The refused whole range, then the index's four windows together before the first of them is
    // answered (a probe first would make it 2).
    expect(sentBeforeFirstWindow).toBe(5);
  });

  it('a 429 pauses every window for Retry-After and is never taken for a range error', async () => {
    const { node, request } = fakeNode({ height: 1_000n, cap: 10_000n });
    const index = indexOver(request, node);
    node.rateLimit = 3;
    await index.syncTo(1_000n);
    expect(index.window.size).toBe(10_000n);
    expect(node.clock).toBeGreaterThanOrEqual(2_000);
    const logCalls = node.calls.filter((c) => c.method === 'eth_getLogs');
    // After the limit nothing was sent before the pause ended.
    const afterLimit = logCalls.slice(3);
    expect(afterLimit.every((c) => c.at >= 2_000)).toBe(true);
    expect(blocks(index)).toHaveLength(91);
  });

  it('rides out transient failures (503)', async () => {
    const { node, request } = fakeNode({ height: 500n });
    const index = indexOver(request, node);
    node.transient = 2;
    await index.syncTo(500n);
    expect(blocks(index)).toHaveLength(41);
  });
});
