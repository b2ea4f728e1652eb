/**
 * A history snapshot shipped with the static build: what the chain's protocol logs say up to one
 * finalized block, so a first visit reads only the blocks after it instead of the whole history.
 *
 * It names its block and that block's hash, and the app uses it only if the chain it reads has that
 * hash at that block (another chain, another branch or a broken file is ignored and the history is
 * read from the chain); its figures are the build's word, like its code. The head file is small
 * (the block, every slash, a few counts); the delegates' standing and the proposal titles are
 * files of their own, and where a page needs one account's part (a voter's votes, a delegate's
 * delegations) the part is sharded, 256 files by the key's first byte, fetched only when asked.
 *
 * The same module writes it (scripts/history-snapshot.ts) and reads it: one definition of the parts.
 */
import { numberToHex, pad, type Address, type Hex } from 'viem';
import { fetchJson } from '../net/fetch-text.ts';
import type { Checkpoint, IndexedLog } from './log-store.ts';
import type { RpcRequest } from './log-index.ts';

export const SNAPSHOT_VERSION = 1;

/** A log as stored in a snapshot: `[address, topics, data, blockNumber, blockHash, transactionHash, logIndex]`. */
export type CompactLog = [Hex, Hex[], Hex, number, Hex, Hex, number];

export const compactLog = (l: IndexedLog): CompactLog => [
  l.address,
  l.topics,
  l.data,
  Number(l.blockNumber),
  l.blockHash,
  l.transactionHash,
  l.logIndex,
];

const HEX = /^0x[0-9a-f]*$/i;
const isCompact = (v: unknown): v is CompactLog =>
  Array.isArray(v) &&
  v.length === 7 &&
  typeof v[0] === 'string' &&
  HEX.test(v[0]) &&
  Array.isArray(v[1]) &&
  v[1].every((t) => typeof t === 'string' && HEX.test(t)) &&
  typeof v[2] === 'string' &&
  HEX.test(v[2]) &&
  Number.isSafeInteger(v[3]) &&
  typeof v[4] === 'string' &&
  typeof v[5] === 'string' &&
  HEX.test(v[5]) &&
  Number.isSafeInteger(v[6]);

export const expandLog = (c: CompactLog): IndexedLog => ({
  address: c[0].toLowerCase() as Hex,
  topics: c[1],
  data: c[2],
  blockNumber: BigInt(c[3]),
  blockHash: c[4],
  transactionHash: c[5],
  logIndex: c[6],
});

/** A part kept whole in the head file, or sharded by an indexed argument (topic position, 1-based). */
export interface SnapshotPart {
  /** The event's selector. */
  topic0: Hex;
  /** Indexed arguments whose value is the shard key; a log is in the shard of each (zero excepted). */
  keyTopics?: readonly number[];
}

export const SHARD_PREFIX_CHARS = 2;
/** Shard files per sharded part (every one written, empty or not). */
export const SHARD_COUNT = 16 ** SHARD_PREFIX_CHARS;

/** The shard file name of `key` (an address or a 32-byte topic): its first byte. */
export const shardOf = (key: Hex) =>
  pad(key)
    .slice(-40, -40 + SHARD_PREFIX_CHARS)
    .toLowerCase();

/** The shard keys a log belongs to under `part`. */
export function shardKeys(log: IndexedLog, part: SnapshotPart): string[] {
  const zero = pad('0x0');
  const keys = (part.keyTopics ?? [])
    .map((i) => log.topics[i])
    .filter((t): t is Hex => !!t && t.toLowerCase() !== zero)
    .map(shardOf);
  return [...new Set(keys)];
}

export interface DelegateStanding {
  address: Address;
  votes: bigint;
  delegators: number;
}

/** The head file. */
export interface SnapshotHead {
  version: number;
  chainId: number;
  /** The stream's contracts, lowercase, sorted. */
  addresses: Address[];
  block: bigint;
  hash: Hex;
  timestamp: bigint;
  /** Logs of the parts kept whole, by part name. */
  whole: Record<string, IndexedLog[]>;
  /** The sharded parts the build wrote, by name. */
  sharded: string[];
  /** Block times of the whole parts' logs (a page shows when each happened without a header read). */
  times: Map<bigint, bigint>;
  /** Proposals the governor had created by the snapshot's block (its first `proposalsCreated` indices). */
  proposalsCreated: number;
  /** Whether the build wrote the delegates' standing (`delegates.json`). */
  hasDelegates: boolean;
}

export interface SnapshotProposal {
  title: string;
  block: bigint;
}

export interface SnapshotDelegates {
  token: Address;
  rows: DelegateStanding[];
}

/** Everything a build writes: the head, and the files fetched only by the pages that need them. */
export interface SnapshotContent {
  head: SnapshotHead;
  /** Folded figures too large to ship as logs (every delegation of a token). */
  delegates?: SnapshotDelegates;
  /** Proposals created up to the snapshot's block, by id: title (chain text, cleaned again where shown) and creation block. */
  titles: Map<bigint, SnapshotProposal>;
}

export class SnapshotProblem extends Error {}

const fail = (what: string): never => {
  throw new SnapshotProblem(`history snapshot: ${what}`);
};

/** Parses and checks a head file's shape; throws SnapshotProblem on anything unexpected. */
export function parseSnapshotHead(data: unknown): SnapshotHead {
  const d = data as Record<string, any>;
  if (!d || typeof d !== 'object') fail('not an object');
  if (d.version !== SNAPSHOT_VERSION) fail(`version ${d.version} is not ${SNAPSHOT_VERSION}`);
  if (!Number.isSafeInteger(d.chainId)) fail('chainId');
  if (
    !Array.isArray(d.addresses) ||
    !d.addresses.every((a: unknown) => typeof a === 'string' && /^0x[0-9a-f]{40}$/.test(a))
  )
    fail('addresses');
  if (typeof d.block !== 'string' || !/^\d+$/.test(d.block)) fail('block');
  if (typeof d.hash !== 'string' || !/^0x[0-9a-f]{64}$/i.test(d.hash)) fail('hash');
  if (typeof d.timestamp !== 'string' || !/^\d+$/.test(d.timestamp)) fail('timestamp');
  const whole: Record<string, IndexedLog[]> = {};
  for (const [name, logs] of Object.entries(d.whole ?? {})) {
    if (!Array.isArray(logs) || !logs.every(isCompact)) fail(`part ${name}`);
    whole[name] = (logs as CompactLog[]).map(expandLog);
  }
  if (!Array.isArray(d.sharded) || !d.sharded.every((s: unknown) => typeof s === 'string')) fail('sharded');
  if (!Number.isSafeInteger(d.proposalsCreated) || d.proposalsCreated < 0) fail('proposalsCreated');
  const times = new Map<bigint, bigint>();
  for (const [block, time] of Object.entries(d.times ?? {})) {
    if (!/^\d+$/.test(block) || typeof time !== 'string' || !/^\d+$/.test(time)) fail('times');
    times.set(BigInt(block), BigInt(time as string));
  }
  return {
    version: d.version,
    chainId: d.chainId,
    addresses: d.addresses,
    block: BigInt(d.block),
    hash: d.hash,
    timestamp: BigInt(d.timestamp),
    whole,
    sharded: d.sharded,
    times,
    proposalsCreated: d.proposalsCreated,
    hasDelegates: d.hasDelegates === true,
  };
}

/** Parses `delegates.json`. */
export function parseSnapshotDelegates(data: unknown): SnapshotDelegates {
  const { token, rows } = (data ?? {}) as { token?: unknown; rows?: unknown };
  if (typeof token !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(token) || !Array.isArray(rows)) fail('delegates');
  return {
    token: token as Address,
    rows: (rows as unknown[]).map((r) => {
      if (
        !Array.isArray(r) ||
        typeof r[0] !== 'string' ||
        !/^0x[0-9a-fA-F]{40}$/.test(r[0]) ||
        !/^\d+$/.test(r[1]) ||
        !Number.isSafeInteger(r[2])
      )
        fail('delegate row');
      const [address, votes, delegators] = r as [Address, string, number];
      return { address, votes: BigInt(votes), delegators };
    }),
  };
}

/** Parses `titles.json`: `{ id: [title, creation block] }`. */
export function parseSnapshotTitles(data: unknown): Map<bigint, SnapshotProposal> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('titles');
  const titles = new Map<bigint, SnapshotProposal>();
  for (const [id, entry] of Object.entries(data as object)) {
    if (!/^\d+$/.test(id) || !Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isSafeInteger(entry[1]))
      fail('titles');
    titles.set(BigInt(id), { title: entry[0], block: BigInt(entry[1]) });
  }
  return titles;
}

/** The files a build writes (the inverse of the parse functions): head, delegates (if any), titles. */
export function serializeSnapshot({ head, delegates, titles }: SnapshotContent) {
  return {
    head: JSON.stringify({
      version: head.version,
      chainId: head.chainId,
      addresses: head.addresses,
      block: head.block.toString(),
      hash: head.hash,
      timestamp: head.timestamp.toString(),
      whole: Object.fromEntries(Object.entries(head.whole).map(([k, logs]) => [k, logs.map(compactLog)])),
      sharded: head.sharded,
      times: Object.fromEntries([...head.times].map(([b, t]) => [b.toString(), t.toString()])),
      proposalsCreated: head.proposalsCreated,
      hasDelegates: !!delegates,
    }),
    delegates:
      delegates &&
      JSON.stringify({
        token: delegates.token,
        rows: delegates.rows.map((r) => [r.address, r.votes.toString(), r.delegators]),
      }),
    titles: JSON.stringify(
      Object.fromEntries([...titles].map(([id, p]) => [id.toString(), [p.title, Number(p.block)]])),
    ),
  };
}

/** Where a chain's snapshot lives, relative to the app. */
export const snapshotPaths = (chainId: number) => ({
  head: `history/${chainId}.json`,
  shards: `history/${chainId}`,
  delegates: `history/${chainId}/delegates.json`,
  titles: `history/${chainId}/titles.json`,
  shard: (part: string, shard: string) => `history/${chainId}/${part}/${shard}.json`,
});

/** A snapshot the chain vouched for: its head, and its shards on demand. */
export class HistorySnapshot {
  readonly #shards = new Map<string, Promise<IndexedLog[]>>();
  constructor(
    readonly head: SnapshotHead,
    readonly baseUrl: string,
  ) {}

  /** The block the snapshot stops at: the log index reads from the next one. */
  get checkpoint(): Checkpoint {
    return { number: this.head.block, hash: this.head.hash };
  }

  #delegates?: Promise<SnapshotDelegates | undefined>;
  #titles?: Promise<Map<bigint, SnapshotProposal>>;

  #file<T>(path: string, parse: (data: unknown) => T): Promise<T> {
    return fetchJson(new URL(path, this.baseUrl).href, 'The history snapshot', {
      maxBytes: 16 * 1024 * 1024,
    }).then(parse);
  }

  /** The delegates' standing at the snapshot's block (fetched once, by the pages that show it). */
  delegates(): Promise<SnapshotDelegates | undefined> {
    if (!this.head.hasDelegates) return Promise.resolve(undefined);
    const loading = (this.#delegates ??= this.#file(
      snapshotPaths(this.head.chainId).delegates,
      parseSnapshotDelegates,
    ));
    loading.catch(() => (this.#delegates = undefined));
    return loading;
  }

  /** Proposals' titles and creation blocks by id, up to the snapshot's block. */
  titles(): Promise<Map<bigint, SnapshotProposal>> {
    const loading = (this.#titles ??= this.#file(snapshotPaths(this.head.chainId).titles, parseSnapshotTitles));
    loading.catch(() => (this.#titles = undefined));
    return loading;
  }

  /** The logs of a part kept whole. */
  whole(part: string): IndexedLog[] {
    return this.head.whole[part] ?? [];
  }

  /**
   * The logs of sharded `part` whose key arguments include `key`, oldest first. A shard that
   * cannot be loaded throws: a page must not show a partial history as the whole one.
   */
  async logsOf(part: string, spec: SnapshotPart, key: Hex): Promise<IndexedLog[]> {
    if (!this.head.sharded.includes(part)) return [];
    const shard = shardOf(key);
    const id = `${part}/${shard}`;
    let loading = this.#shards.get(id);
    if (!loading) {
      const url = new URL(snapshotPaths(this.head.chainId).shard(part, shard), this.baseUrl).href;
      loading = fetchJson(url, 'The history snapshot', { maxBytes: 8 * 1024 * 1024 }).then((data) => {
        if (!Array.isArray(data) || !data.every(isCompact)) throw new SnapshotProblem(`history snapshot: shard ${id}`);
        return (data as CompactLog[]).map(expandLog);
      });
      loading.catch(() => this.#shards.delete(id));
      this.#shards.set(id, loading);
    }
    const word = pad(key).toLowerCase();
    return (await loading).filter(
      (l) =>
        l.topics[0]?.toLowerCase() === spec.topic0.toLowerCase() &&
        (spec.keyTopics ?? []).some((i) => l.topics[i]?.toLowerCase() === word),
    );
  }
}

/**
 * The chain's snapshot if the build shipped one for these contracts and the chain has its block
 * with its hash; undefined otherwise (no file, another deployment, another chain, a fork). The
 * header read goes out with the page's first batch.
 */
export async function loadHistorySnapshot(
  chainId: number,
  addresses: readonly Address[],
  request: RpcRequest,
  baseUrl: string,
): Promise<HistorySnapshot | undefined> {
  let head: SnapshotHead;
  try {
    const url = new URL(snapshotPaths(chainId).head, baseUrl).href;
    head = parseSnapshotHead(
      await fetchJson(url, 'The history snapshot', { maxBytes: 4 * 1024 * 1024, timeoutMs: 10_000 }),
    );
  } catch {
    return undefined;
  }
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))].sort();
  if (head.chainId !== chainId || wanted.join() !== [...head.addresses].sort().join()) return undefined;
  // A refused or failed read is asked again (a rate limit must not cost the snapshot); an answer
  // without the block, or with another hash, is a chain the snapshot does not describe.
  let header: { hash?: Hex } | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      header = (await request('eth_getBlockByNumber', [numberToHex(head.block), false])) as { hash?: Hex } | null;
      break;
    } catch {
      if (attempt >= 4) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  if (!header?.hash || header.hash.toLowerCase() !== head.hash.toLowerCase()) return undefined;
  return new HistorySnapshot(head, baseUrl);
}
