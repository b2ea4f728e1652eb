/**
 * Where the log index keeps what is final across visits: per stream, the last finalized block it
 * read (number and hash, to notice a chain that was replaced) and the logs up to it, appended in
 * chunks so a sync writes only what it read. IndexedDB in the browser; memory where there is none
 * (private windows that refuse it, tests).
 */
import type { Hex } from 'viem';

export interface IndexedLog {
  address: Hex;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  transactionHash: Hex;
  logIndex: number;
}

export interface Checkpoint {
  number: bigint;
  hash: Hex;
}

export interface StoredStream {
  final: Checkpoint;
  logs: IndexedLog[];
}

export interface LogStore {
  load(stream: string): Promise<StoredStream | undefined>;
  /** Records logs read up to the new final checkpoint (only those after the previous one). */
  append(stream: string, final: Checkpoint, logs: IndexedLog[]): Promise<void>;
  clear(stream: string): Promise<void>;
}

/** A store that lives as long as the page (and a module, in tests). */
export function memoryLogStore(): LogStore {
  const streams = new Map<string, StoredStream>();
  return {
    load: async (stream) => {
      const s = streams.get(stream);
      return s && { final: s.final, logs: [...s.logs] };
    },
    append: async (stream, final, logs) => {
      const s = streams.get(stream);
      streams.set(stream, { final, logs: [...(s?.logs ?? []), ...logs] });
    },
    clear: async (stream) => void streams.delete(stream),
  };
}

const DB = 'alt-gov-logs';
const META = 'meta';
const CHUNKS = 'chunks';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });

function open(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(META);
    request.result.createObjectStore(CHUNKS, { autoIncrement: true }).createIndex('stream', 'stream');
  };
  return done(request);
}

/** IndexedDB when the browser grants it, else memory; a failing write never breaks a read. */
export function browserLogStore(): LogStore {
  const memory = memoryLogStore();
  if (typeof indexedDB === 'undefined') return memory;
  let db: Promise<IDBDatabase | undefined> | undefined;
  const database = () => (db ??= open().catch(() => undefined));
  return {
    async load(stream) {
      const d = await database();
      if (!d) return memory.load(stream);
      try {
        const tx = d.transaction([META, CHUNKS], 'readonly');
        const final = (await done(tx.objectStore(META).get(stream))) as Checkpoint | undefined;
        if (!final) return undefined;
        const chunks = (await done(tx.objectStore(CHUNKS).index('stream').getAll(stream))) as { logs: IndexedLog[] }[];
        return { final, logs: chunks.flatMap((c) => c.logs) };
      } catch {
        return undefined;
      }
    },
    async append(stream, final, logs) {
      const d = await database();
      if (!d) return memory.append(stream, final, logs);
      try {
        const tx = d.transaction([META, CHUNKS], 'readwrite');
        if (logs.length) tx.objectStore(CHUNKS).add({ stream, logs });
        tx.objectStore(META).put(final, stream);
        await committed(tx);
      } catch {
        // Quota or a closed database: this visit keeps its index in memory.
      }
    },
    async clear(stream) {
      const d = await database();
      if (!d) return memory.clear(stream);
      try {
        const tx = d.transaction([META, CHUNKS], 'readwrite');
        tx.objectStore(META).delete(stream);
        const keys = await done(tx.objectStore(CHUNKS).index('stream').getAllKeys(stream));
        for (const key of keys) tx.objectStore(CHUNKS).delete(key);
        await committed(tx);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
