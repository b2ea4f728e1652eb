import { describe, expect, it } from 'vitest';
import { numberToHex } from 'viem';
import { LogIndex } from './log-index.ts';
import { inBloom } from './log-select.ts';
import { LearnedSize } from '../rpc/learned-size.ts';
import { memoryLogStore } from './log-store.ts';
import { A, TOPIC, bloomOf, blocks, fakeNode, indexOver } from './log-index.fixtures.ts';

describe('LogIndex, stored and reorged', () => {
  it('persists only finalized logs, with the finalized block, and a later visit reads only newer blocks', async () => {
    const { node, request } = fakeNode({ height: 1_000n });
    const store = memoryLogStore();
    const first = indexOver(request, node, store);
    await first.syncTo(1_000n);
    const saved = await store.load('s');
    expect(saved?.final.number).toBe(990n);
    expect(saved?.logs.map((l) => l.blockNumber).at(-1)).toBe(990n);
    expect(saved?.logs.every((l) => l.blockNumber <= 990n)).toBe(true);

    node.height = 1_050n;
    node.calls = [];
    const second = indexOver(request, node, store);
    await second.syncTo(1_050n);
    const ranges = node.calls.filter((c) => c.method === 'eth_getLogs').map((c) => c.range!);
    expect(ranges).toEqual([[991n, 1_050n]]);
    expect(blocks(second)).toHaveLength(96);
  });

  it('commits a long read in segments, so a read cut short resumes where it stopped', async () => {
    const { node, request } = fakeNode({ height: 100_000n, cap: 100n });
    const store = memoryLogStore();
    let calls = 0;
    const failing = async (method: string, params: any[]) => {
      if (method === 'eth_getLogs' && ++calls > 400) throw new Error('boom');
      return request(method, params);
    };
    const progress: bigint[] = [];
    const cut = new LogIndex({
      stream: 's',
      addresses: [A],
      fromBlock: 100n,
      finalityDepth: 10n,
      request: failing,
      store,
      concurrency: 4,
      sleep: async (ms) => void (node.clock += ms),
      now: () => node.clock,
      onProgress: (scannedTo) => progress.push(scannedTo),
    });
    await expect(cut.syncTo(100_000n)).rejects.toThrow('boom');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => (a < b ? -1 : 1)));
    const saved = await store.load('s');
    expect(saved!.final.number).toBeGreaterThan(5_000n);
    node.calls = [];
    const resumed = indexOver(request, node, store, new LearnedSize(10_000n, 100n));
    await resumed.syncTo(100_000n);
    const first = node.calls.find((c) => c.method === 'eth_getLogs')!.range![0];
    expect(first).toBe(saved!.final.number + 1n);
    expect(blocks(resumed)).toHaveLength(9_991);
  });

  it('shares one read between concurrent syncs', async () => {
    const { node, request } = fakeNode({ height: 2_000n, cap: 10_000n });
    const index = indexOver(request, node);
    await Promise.all([index.syncTo(2_000n), index.syncTo(2_000n), index.syncTo(1_500n)]);
    expect(node.calls.filter((c) => c.method === 'eth_getLogs')).toHaveLength(1);
  });

  it('a lagging answer neither resets the index nor moves it backwards', async () => {
    const { node, request } = fakeNode({ height: 1_000n });
    const index = indexOver(request, node);
    await index.syncTo(1_000n);
    const version = index.version;
    await index.syncTo(999n);
    expect(index.scannedTo).toBe(1_000n);
    expect(index.version).toBe(version);
    // A backend one block behind the head asked for the head: the sync waits for an answer it can trust.
    node.height = 1_010n;
    node.lagging = 3;
    await index.syncTo(1_010n);
    expect(index.scannedTo).toBe(1_010n);
    expect(blocks(index).at(-1)).toBe(1_010n);
  });

  it('reads the head again when a lagging backend left out logs the bloom of the head promises', async () => {
    const { node, request } = fakeNode({ height: 1_000n });
    const index = indexOver(request, node);
    await index.syncTo(1_000n);
    node.height = 1_010n;
    // Headers from an up-to-date backend, the log window from one a block behind.
    const lagLogs = async (method: string, params: any[]) => {
      if (method === 'eth_getLogs' && BigInt(params[0].toBlock) === 1_010n && BigInt(params[0].fromBlock) < 1_010n) {
        node.lagging = 1;
      }
      return request(method, params);
    };
    const lagged = indexOver(lagLogs, node);
    await lagged.syncTo(1_000n);
    await lagged.syncTo(1_010n);
    expect(blocks(lagged).at(-1)).toBe(1_010n);
  });

  it('tells from a bloom which contracts may have logged', () => {
    const bloom = bloomOf([A]);
    expect(inBloom(bloom, A)).toBe(true);
    expect(inBloom(bloom, '0x00000000000000000000000000000000000000bb')).toBe(false);
    expect(inBloom(bloomOf([]), A)).toBe(false);
  });

  it('drops logs from a reorged branch and reads the new one, storing nothing from either tail', async () => {
    const { node, request } = fakeNode({ height: 1_000n, every: 5n });
    const store = memoryLogStore();
    const index = indexOver(request, node, store);
    await index.syncTo(1_000n);
    const before = index.select().filter((l) => l.blockNumber >= 995n);
    node.forkAt = 995n;
    node.branch = 'b';
    node.height = 1_001n;
    await index.syncTo(1_001n);
    const after = index.select().filter((l) => l.blockNumber >= 995n);
    expect(after.map((l) => l.blockNumber)).toEqual([995n, 1_000n]);
    expect(after.every((l) => !before.some((b) => b.blockHash === l.blockHash))).toBe(true);
    const saved = await store.load('s');
    expect(saved?.logs.every((l) => l.blockNumber <= 991n)).toBe(true);
  });

  it('starts again when the finalized block itself was replaced (a devnet restarted)', async () => {
    const { node, request } = fakeNode({ height: 1_000n });
    const store = memoryLogStore();
    await indexOver(request, node, store).syncTo(1_000n);
    node.forkAt = 500n;
    node.branch = 'c';
    node.height = 1_020n;
    const index = indexOver(request, node, store);
    await index.syncTo(1_020n);
    const logs = index.select();
    expect(logs.filter((l) => l.blockNumber >= 500n).every((l) => BigInt(l.blockHash) % 2n === 1n)).toBe(true);
    expect(logs).toHaveLength(93);
    expect((await store.load('s'))?.final.number).toBe(1_010n);
  });

  it('filters by address, event and indexed arguments', async () => {
    const { node, request } = fakeNode({ height: 300n });
    const index = indexOver(request, node);
    await index.syncTo(300n);
    expect(index.select({ address: A, topic0: TOPIC, topics: [numberToHex(200n, { size: 32 })] })).toHaveLength(1);
    expect(index.select({ topic0: `0x${'22'.repeat(32)}` })).toHaveLength(0);
    expect(index.select({ address: '0x00000000000000000000000000000000000000bb' })).toHaveLength(0);
  });
});
