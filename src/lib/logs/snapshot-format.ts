/**
 * The history snapshot's file format, shared by what writes it (scripts/history-snapshot.ts) and
 * what reads it (history-snapshot.ts): compact logs, the shards a part is split into by key, the
 * head, delegates and titles files, their checks and their paths.
 */
import { pad, type Address, type Hex } from 'viem';
import type { IndexedLog } from './log-store.ts';

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
export const isCompact = (v: unknown): v is CompactLog =>
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
  /** The event's selector, or the selectors of the events the part keeps together. */
  topic0: Hex | readonly Hex[];
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

/** Whether `log` is one of `part`'s events. */
export const isPartEvent = (log: Pick<IndexedLog, 'topics'>, part: SnapshotPart) => {
  const topic0 = log.topics[0]?.toLowerCase();
  return typeof part.topic0 === 'string'
    ? topic0 === part.topic0.toLowerCase()
    : part.topic0.some((t) => t.toLowerCase() === topic0);
};
