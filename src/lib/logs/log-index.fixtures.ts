/** A node for the log index's tests: logs at given blocks, with the limits a provider may set. */
import { bytesToHex, hexToBytes, keccak256, numberToHex, type Address, type Hex } from 'viem';
import { LogIndex } from './log-index.ts';
import { LearnedSize } from '../rpc/learned-size.ts';
import { memoryLogStore, type LogStore } from './log-store.ts';

export const A = '0x00000000000000000000000000000000000000aa';
export const TOPIC = `0x${'11'.repeat(32)}` as Hex;

/** A logs bloom with `addresses` set in it. */
export function bloomOf(addresses: Address[]): Hex {
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
export function fakeNode({
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

export function indexOver(
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

export const blocks = (index: LogIndex) => index.select({ address: A, topic0: TOPIC }).map((l) => l.blockNumber);
