import { afterEach, describe, expect, it, vi } from 'vitest';
import { pad, type Address, type Hex } from 'viem';
import { loadHistorySnapshot } from './history-snapshot.ts';
import {
  SNAPSHOT_VERSION,
  SnapshotProblem,
  parseSnapshotHead,
  serializeSnapshot,
  parseSnapshotDelegates,
  parseSnapshotTitles,
  isPartEvent,
  shardKeys,
  shardOf,
  type SnapshotContent,
} from './snapshot-format.ts';
import { SNAPSHOT_PARTS } from './snapshot-parts.ts';
import type { IndexedLog } from './log-store.ts';

const GOVERNOR = '0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9' as Address;
const TOKEN = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512' as Address;
const A = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as Address;
const B = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' as Address;
const HASH = `0x${'12'.repeat(32)}` as Hex;
const TOPIC = `0x${'34'.repeat(32)}` as Hex;

const log = (topics: Hex[], blockNumber = 10n): IndexedLog => ({
  address: TOKEN,
  topics,
  data: '0x',
  blockNumber,
  blockHash: HASH,
  transactionHash: HASH,
  logIndex: 0,
});

const content = (): SnapshotContent => ({
  head: {
    version: SNAPSHOT_VERSION,
    chainId: 31337,
    addresses: [GOVERNOR, TOKEN].sort(),
    block: 100n,
    hash: HASH,
    timestamp: 1_700_000_000n,
    whole: { slashes: [log([TOPIC, pad(A)])] },
    sharded: ['delegations'],
    times: new Map([[10n, 1_699_999_000n]]),
    proposalsCreated: 1,
    hasDelegates: true,
  },
  delegates: { token: TOKEN, rows: [{ address: A, votes: 10n ** 24n, delegators: 3 }] },
  titles: new Map([[2n ** 200n, { title: 'AIP-1: a title', block: 42n }]]),
});
const headFile = () => serializeSnapshot(content()).head;

describe('history snapshot files', () => {
  it('round-trips through its serialisation, bigints included', () => {
    const original = content();
    const files = serializeSnapshot(original);
    expect(parseSnapshotHead(JSON.parse(files.head))).toEqual(original.head);
    expect(parseSnapshotDelegates(JSON.parse(files.delegates!))).toEqual(original.delegates);
    expect(parseSnapshotTitles(JSON.parse(files.titles))).toEqual(original.titles);
  });

  it('refuses a file of another version or shape rather than using part of it', () => {
    const good = JSON.parse(headFile());
    for (const bad of [
      { ...good, version: 99 },
      { ...good, block: 12 },
      { ...good, hash: '0x1234' },
      { ...good, addresses: ['not an address'] },
      { ...good, whole: { slashes: [['0xzz']] } },
      { ...good, times: { 10: 5 } },
      { ...good, proposalsCreated: -1 },
      null,
      'text',
    ])
      expect(() => parseSnapshotHead(bad)).toThrow(SnapshotProblem);
    expect(() => parseSnapshotDelegates({ token: TOKEN, rows: [[A, '-5', 1]] })).toThrow(SnapshotProblem);
    expect(() => parseSnapshotTitles({ abc: ['x', 1] })).toThrow(SnapshotProblem);
    expect(() => parseSnapshotTitles({ 1: 'x' })).toThrow(SnapshotProblem);
    expect(() => parseSnapshotTitles(['x'])).toThrow(SnapshotProblem);
  });

  it('puts a log in the shard of each non-zero key it names, once', () => {
    const spec = { topic0: TOPIC, keyTopics: [2, 3] };
    expect(shardKeys(log([TOPIC, pad(B), pad('0x0'), pad(A)]), spec)).toEqual([shardOf(A)]);
    expect(shardKeys(log([TOPIC, pad(B), pad(A), pad(A)]), spec)).toEqual([shardOf(A)]);
    expect(shardKeys(log([TOPIC, pad(A), pad(A), pad(B)]), spec)).toEqual([shardOf(A), shardOf(B)]);
    expect(shardOf(A)).toBe('70');
  });

  it('keeps a vote cast with parameters beside a plain one: the votes part names both events', () => {
    const [voteCast, withParams] = SNAPSHOT_PARTS.votes.topic0;
    expect(isPartEvent(log([voteCast, pad(A)]), SNAPSHOT_PARTS.votes)).toBe(true);
    expect(isPartEvent(log([withParams, pad(A)]), SNAPSHOT_PARTS.votes)).toBe(true);
    expect(isPartEvent(log([TOPIC, pad(A)]), SNAPSHOT_PARTS.votes)).toBe(false);
    expect(isPartEvent(log([TOPIC]), { topic0: TOPIC })).toBe(true);
    expect(shardKeys(log([withParams, pad(A)]), SNAPSHOT_PARTS.votes)).toEqual([shardOf(A)]);
  });
});

describe('loading a snapshot', () => {
  afterEach(() => vi.unstubAllGlobals());

  const serve = (files: Record<string, string>) =>
    vi.stubGlobal('fetch', async (url: string) => {
      const path = new URL(url).pathname.slice(1);
      return path in files ? new Response(files[path]) : new Response('not found', { status: 404 });
    });
  const chainWith = (hash: Hex | null, timestamp?: bigint) => {
    const calls: unknown[][] = [];
    const request = async (method: string, params: unknown[]) => {
      calls.push([method, ...params]);
      return (
        hash && {
          hash,
          number: '0x64',
          ...(timestamp === undefined ? {} : { timestamp: `0x${timestamp.toString(16)}` }),
        }
      );
    };
    return { calls, request };
  };

  it('is used only when the chain has its block with its hash', async () => {
    serve({ 'history/31337.json': headFile() });
    const vouching = chainWith(HASH);
    const snapshot = await loadHistorySnapshot(31337, [TOKEN, GOVERNOR], vouching.request, 'http://app.test/');
    expect(snapshot?.checkpoint).toEqual({ number: 100n, hash: HASH });
    expect(vouching.calls).toEqual([['eth_getBlockByNumber', '0x64', false]]);
    // Another branch, a chain without that block, another deployment, another chain: ignored.
    expect(
      await loadHistorySnapshot(
        31337,
        [TOKEN, GOVERNOR],
        chainWith(`0x${'99'.repeat(32)}`).request,
        'http://app.test/',
      ),
    ).toBeUndefined();
    expect(
      await loadHistorySnapshot(31337, [TOKEN, GOVERNOR], chainWith(null).request, 'http://app.test/'),
    ).toBeUndefined();
    expect(await loadHistorySnapshot(31337, [TOKEN], chainWith(HASH).request, 'http://app.test/')).toBeUndefined();
    expect(
      await loadHistorySnapshot(1, [TOKEN, GOVERNOR], chainWith(HASH).request, 'http://app.test/'),
    ).toBeUndefined();
  });

  it("is used only when its block's time is the chain's (a timestamp clock reads votes at it)", async () => {
    serve({ 'history/31337.json': headFile() });
    const load = (timestamp: bigint) =>
      loadHistorySnapshot(31337, [TOKEN, GOVERNOR], chainWith(HASH, timestamp).request, 'http://app.test/');
    expect((await load(1_700_000_000n))?.head.timestamp).toBe(1_700_000_000n);
    expect(await load(1_700_000_012n)).toBeUndefined();
  });

  it('is absent, not an error, when the build shipped none or a broken one', async () => {
    serve({});
    expect(
      await loadHistorySnapshot(31337, [TOKEN, GOVERNOR], chainWith(HASH).request, 'http://app.test/'),
    ).toBeUndefined();
    serve({ 'history/31337.json': '{"version":1,' });
    expect(
      await loadHistorySnapshot(31337, [TOKEN, GOVERNOR], chainWith(HASH).request, 'http://app.test/'),
    ).toBeUndefined();
  });

  it('asks the chain again when the check is refused, rather than reading the whole history', async () => {
    serve({ 'history/31337.json': headFile() });
    let refusals = 2;
    const request = async () => {
      if (refusals-- > 0) throw Object.assign(new Error('Too Many Requests'), { status: 429 });
      return { hash: HASH, number: '0x64' };
    };
    const snapshot = await loadHistorySnapshot(31337, [TOKEN, GOVERNOR], request, 'http://app.test/');
    expect(snapshot?.checkpoint).toEqual({ number: 100n, hash: HASH });
    expect(refusals).toBe(-1);
  });

  it('reads a shard once, gives the logs naming the key, and fails loudly when a shard is missing', async () => {
    const spec = { topic0: TOPIC, keyTopics: [2, 3] };
    const inShard = [log([TOPIC, pad(B), pad('0x0'), pad(A)], 5n), log([TOPIC, pad(B), pad(A), pad(B)], 6n)];
    // Same first byte as A, another address.
    const sibling = log([TOPIC, pad(B), pad('0x0'), pad(`0x70${'00'.repeat(19)}`)], 7n);
    const { compactLog } = await import('./snapshot-format.ts');
    serve({
      'history/31337.json': headFile(),
      'history/31337/delegations/70.json': JSON.stringify([...inShard, sibling].map(compactLog)),
    });
    const fetches = vi.fn(globalThis.fetch);
    vi.stubGlobal('fetch', fetches);
    const snapshot = (await loadHistorySnapshot(
      31337,
      [TOKEN, GOVERNOR],
      chainWith(HASH).request,
      'http://app.test/',
    ))!;
    expect(await snapshot.logsOf('delegations', spec, A)).toEqual(inShard);
    expect(await snapshot.logsOf('delegations', spec, A)).toEqual(inShard);
    expect(fetches).toHaveBeenCalledTimes(2);
    await expect(snapshot.logsOf('delegations', spec, B)).rejects.toThrow(/could not be loaded/);
    // A part the build did not write holds nothing.
    expect(await snapshot.logsOf('votes', spec, A)).toEqual([]);
  });
});
