import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, keccak256, numberToHex, type Address, type Hex } from 'viem';
import { inBloom, LogIndex } from './log-index.ts';
import { LearnedSize } from '../rpc/learned-size.ts';
import { memoryLogStore, type LogStore } from './log-store.ts';

const A = '0x00000000000000000000000000000000000000aa';
const TOPIC = `0x${'11'.repeat(32)}` as Hex;

/** A logs bloom with `addresses` set in it. */
function bloomOf(addresses: Address[]): Hex {
  const bits = new Uint8Array(256);
  for (const address of addresses) {
    const hash = hexToBytes(keccak256(address));
    for (let i = 0; i < 6; i += 2) {
      const bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
      bits[255 - (bit >> 3)] |= 1 << (bit & 7);
    }
  }
  return bytesToHex(bits);
}

/** A node over a chain of `height` blocks with one log every `every` blocks, and a provider's limits. */
function fakeNode({
  height,
  every = 10n,
  cap = 1_000n,
  statesCap = false,
  wording,
}: {
  height: bigint;
  every?: bigint;
  cap?: bigint;
  /** Whether the refusal says the cap in words providers use. */
  statesCap?: boolean;
  /** A refusal in words no table knows, instead. */
  wording?: string;
}) {
  const node = {
    height,
    branch: 'a',
    /** Blocks at or above this number belong to the current branch; below it, to 'a'. */
    forkAt: 1n << 62n,
    cap,
    /** Answers to give from a backend one block behind. */
    lagging: 0,
    /** Calls to answer with HTTP 429 (Retry-After: 2). */
    rateLimit: 0,
    transient: 0,
    calls: [] as { method: string; at: number; range?: [bigint, bigint] }[],
    clock: 0,
  };
  const hashOf = (n: bigint) => numberToHex(n * 2n + (n >= node.forkAt && node.branch !== 'a' ? 1n : 0n), { size: 32 });
  const logAt = (n: bigint) => ({
    address: A,
    topics: [TOPIC, numberToHex(n, { size: 32 })],
    data: '0x',
    blockNumber: numberToHex(n),
    blockHash: hashOf(n),
    transactionHash: numberToHex(n, { size: 32 }),
    logIndex: '0x0',
  });
  const request = async (method: string, params: any[]) => {
    node.calls.push({
      method,
      at: node.clock,
      range: method === 'eth_getLogs' ? [BigInt(params[0].fromBlock), BigInt(params[0].toBlock)] : undefined,
    });
    if (node.rateLimit > 0) {
      node.rateLimit--;
      throw Object.assign(new Error('HTTP request failed.'), {
        status: 429,
        headers: new Headers({ 'Retry-After': '2' }),
      });
    }
    if (node.transient > 0) {
      node.transient--;
      throw Object.assign(new Error('HTTP request failed.'), { status: 503 });
    }
    const visible = node.lagging > 0 && node.lagging-- > 0 ? node.height - 1n : node.height;
    if (method === 'eth_getBlockByNumber') {
      const n = BigInt(params[0]);
      return n > visible
        ? null
        : { number: params[0], hash: hashOf(n), logsBloom: bloomOf(n % every === 0n ? [A] : []) };
    }
    const from = BigInt(params[0].fromBlock);
    const to = BigInt(params[0].toBlock);
    if (to - from + 1n > node.cap)
      throw Object.assign(
        new Error(
          wording ??
            (statesCap ? `query exceeds max block range ${node.cap}` : `block range is too wide, max ${node.cap}`),
        ),
        { code: wording ? -32602 : -32005 },
      );
    const logs = [];
    for (let n = from; n <= to && n <= visible; n++) if (n % every === 0n) logs.push(logAt(n));
    return logs;
  };
  return { node, request };
}

function indexOver(
  request: (m: string, p: any[]) => Promise<unknown>,
  node: { clock: number },
  store: LogStore = memoryLogStore(),
  window = new LearnedSize(10_000n),
) {
  return new LogIndex({
    stream: 's',
    addresses: [A],
    fromBlock: 100n,
    finalityDepth: 10n,
    request,
    store,
    window,
    concurrency: 4,
    sleep: async (ms) => void (node.clock += ms),
    now: () => node.clock,
  });
}

const blocks = (index: LogIndex) => index.select({ address: A, topic0: TOPIC }).map((l) => l.blockNumber);

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
