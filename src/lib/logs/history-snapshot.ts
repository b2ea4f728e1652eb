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
import { fetchJson, type FileName } from '../net/fetch-text.ts';
import * as m from '../i18n/messages.ts';
import type { Checkpoint, IndexedLog } from './log-store.ts';
import type { RpcRequest } from './window-read.ts';
import {
  SnapshotProblem,
  expandLog,
  isCompact,
  isPartEvent,
  parseSnapshotDelegates,
  parseSnapshotHead,
  parseSnapshotTitles,
  shardOf,
  snapshotPaths,
  type CompactLog,
  type SnapshotDelegates,
  type SnapshotHead,
  type SnapshotPart,
  type SnapshotProposal,
} from './snapshot-format.ts';
import { headerAnswer, type RpcHeader } from '../rpc/history-answers.ts';

/** What a failure to load its files calls the snapshot. */
const SNAPSHOT: FileName = m.errors_history_snapshot_what;

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
    return fetchJson(new URL(path, this.baseUrl).href, SNAPSHOT, {
      maxBytes: 16 * 1024 * 1024,
    }).then(parse);
  }

  /**
   * The standing of `token`'s delegates at the snapshot's block (fetched once, by the pages that
   * show it); undefined when the snapshot has none, or has another token's (a build for other
   * contracts).
   */
  async delegates(token: Address): Promise<SnapshotDelegates | undefined> {
    if (!this.head.hasDelegates) return undefined;
    const loading = (this.#delegates ??= this.#file(
      snapshotPaths(this.head.chainId).delegates,
      parseSnapshotDelegates,
    ));
    loading.catch(() => (this.#delegates = undefined));
    const standing = await loading;
    return standing?.token.toLowerCase() === token.toLowerCase() ? standing : undefined;
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
      loading = fetchJson(url, SNAPSHOT, { maxBytes: 8 * 1024 * 1024 }).then((data) => {
        if (!Array.isArray(data) || !data.every(isCompact)) throw new SnapshotProblem(`history snapshot: shard ${id}`);
        return (data as CompactLog[]).map(expandLog);
      });
      loading.catch(() => this.#shards.delete(id));
      this.#shards.set(id, loading);
    }
    const word = pad(key).toLowerCase();
    return (await loading).filter(
      (l) => isPartEvent(l, spec) && (spec.keyTopics ?? []).some((i) => l.topics[i]?.toLowerCase() === word),
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
    head = parseSnapshotHead(await fetchJson(url, SNAPSHOT, { maxBytes: 4 * 1024 * 1024, timeoutMs: 10_000 }));
  } catch {
    return undefined;
  }
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))].sort();
  if (head.chainId !== chainId || wanted.join() !== [...head.addresses].sort().join()) return undefined;
  // A refused or failed read is asked again (a rate limit must not cost the snapshot); an answer
  // without the block, or with another hash, is a chain the snapshot does not describe.
  let header: RpcHeader | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      header = headerAnswer(
        'eth_getBlockByNumber',
        await request('eth_getBlockByNumber', [numberToHex(head.block), false]),
      );
      break;
    } catch {
      if (attempt >= 4) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  if (!header || header.hash.toLowerCase() !== head.hash.toLowerCase()) return undefined;
  // Its time is the chain's too (a timestamp-clock check reads votes at it).
  if (header.timestamp !== undefined && BigInt(header.timestamp) !== head.timestamp) return undefined;
  return new HistorySnapshot(head, baseUrl);
}
