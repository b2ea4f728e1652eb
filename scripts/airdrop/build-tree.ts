/**
 * Builds the sharded airdrop tree: one OpenZeppelin-layout subtree per shard, one tree over their
 * roots. Recipients are taken one at a time (`ShardedBuild.add`) and kept only as the text of their
 * shard entry, so a million-recipient build holds about its output's size, not every recipient's
 * numbers, leaves and proofs at once; the shard files are produced one by one at the end.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hex } from 'viem';
import { createMerkle, proofOf, toHex, type Keccak } from '../../src/lib/airdrop/merkle.ts';
import { keccak_256 } from '@noble/hashes/sha3';
import {
  encodeShardBitmap,
  isShardBits,
  MAX_SHARD_BITS,
  MIN_SHARD_BITS,
  shardBitsFor,
  shardNameLength,
  shardPrefix,
  type AirdropManifest,
  type AirdropShard,
} from '../../src/lib/airdrop/shard.ts';
import type { Distribution, Recipient } from './distribution.ts';

export interface CategoryLabel {
  id: string;
  name: string;
}

export interface BuiltAirdrop {
  manifest: AirdropManifest;
  shards: AirdropShard[];
}

/** A recipient's shard entry as its file holds it: `JSON.stringify` of `[address, total, amounts]`. */
const entryJson = (r: Recipient) =>
  JSON.stringify([r.address.toLowerCase(), r.total.toString(), r.amounts.map(String)]);

/**
 * The address and total an entry's text begins with: `["0x<40 hex>","<digits>",…` (entryJson's
 * layout: a lowercase address and a decimal total need no escaping).
 */
function entryLeaf(entry: string): [Hex, bigint] {
  const address = entry.slice(2, 44) as Hex;
  const total = entry.slice(47, entry.indexOf('"', 47));
  return [address, BigInt(total)];
}

/** The shard an entry's text belongs to at `bits` (its address's, as `shardPrefix`). */
const entryPrefix = (entry: string, bits: number) => shardPrefix(entry.slice(2, 44), bits);

/** Entries grouped by their shard at `bits`, each group in the order given, groups in shard order. */
function groupByPrefix(entries: Iterable<string>, bits: number): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const prefix = entryPrefix(entry, bits);
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = []));
    group.push(entry);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A shard file's text, byte for byte what `JSON.stringify` writes for an `AirdropShard`. */
const shardJson = (prefix: string, proof: Hex[], entries: string[]) =>
  `{"version":1,"prefix":${JSON.stringify(prefix)},"proof":${JSON.stringify(proof)},"entries":[${entries.join(',')}]}`;

/**
 * Where entries wait for the build to finish (the shard bits depend on how many there are, known
 * only then): read back as groups by their shard at the bits asked (each group in the order
 * added), in ascending prefix order, one bucket of groups (a first hex digit) at a time. Read twice
 * (the shards' roots, then their files).
 */
export interface EntryStore {
  add(entry: string): void;
  buckets(bits: number): Iterable<Map<string, string[]>>;
  /** Lets go of what the store holds (its files). */
  dispose(): void;
}

/** Every entry in memory: for the small builds (the devnet, tests). */
export class MemoryEntries implements EntryStore {
  #entries: string[] = [];
  add(entry: string) {
    this.#entries.push(entry);
  }
  *buckets(bits: number) {
    yield groupByPrefix(this.#entries, bits);
  }
  dispose() {
    this.#entries = [];
  }
}

/**
 * Entries spilled to sixteen files by their prefix's first hex digit, a line each: a build holds one
 * sixteenth of them at a time, whatever the distribution's size.
 */
export class SpilledEntries implements EntryStore {
  static readonly FLUSH_AT = 1 << 16;
  /** The folder the files are in (under `parent`, the system's temporary folder unless given). */
  readonly dir: string;
  readonly #files: string[];
  readonly #fds: number[] = [];
  readonly #pending: string[][];
  readonly #pendingLength: number[];

  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'alt-airdrop-build-'));
    this.#files = Array.from({ length: 16 }, (_, i) => join(this.dir, `${i.toString(16)}.jsonl`));
    try {
      for (const file of this.#files) this.#fds.push(openSync(file, 'w'));
    } catch (error) {
      this.dispose();
      throw error;
    }
    this.#pending = this.#files.map(() => []);
    this.#pendingLength = this.#files.map(() => 0);
  }

  add(entry: string) {
    const bucket = parseInt(entry[4], 16);
    this.#pending[bucket].push(entry);
    if ((this.#pendingLength[bucket] += entry.length + 1) >= SpilledEntries.FLUSH_AT) this.#flush(bucket);
  }

  #flush(bucket: number) {
    if (this.#pending[bucket].length === 0) return;
    writeSync(this.#fds[bucket], this.#pending[bucket].join('\n') + '\n');
    this.#pending[bucket] = [];
    this.#pendingLength[bucket] = 0;
  }

  *buckets(bits: number) {
    for (const bucket of this.#files.keys()) {
      this.#flush(bucket);
      const lines = readFileSync(this.#files[bucket], 'utf8').split('\n');
      yield groupByPrefix(
        lines.filter((line) => line !== ''),
        bits,
      );
    }
  }

  dispose() {
    for (const fd of this.#fds.splice(0)) closeSync(fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Gathers recipients (in file order) and builds the manifest and each shard file from them. */
export class ShardedBuild {
  readonly #categoryTotals: bigint[];
  #recipients = 0;
  #total = 0n;

  constructor(
    readonly categories: string[],
    readonly store: EntryStore = new MemoryEntries(),
    /** The shard bits; by default the ones for the number of recipients (`shardBitsFor`). */
    readonly shardBits?: number,
  ) {
    this.#categoryTotals = categories.map(() => 0n);
    if (shardBits !== undefined && !isShardBits(shardBits))
      throw new RangeError(
        `Shard bits must be a whole number from ${MIN_SHARD_BITS} to ${MAX_SHARD_BITS}, not ${shardBits}.`,
      );
  }

  add(recipient: Recipient) {
    this.store.add(entryJson(recipient));
    recipient.amounts.forEach((amount, i) => (this.#categoryTotals[i] += amount));
    this.#total += recipient.total;
    this.#recipients++;
  }

  /**
   * The manifest, and each shard's file text by prefix (prefix order), produced as they are read;
   * the store is let go once they all have been.
   */
  finish(
    name: string,
    labels: CategoryLabel[] = [],
    keccak: Keccak = keccak_256,
  ): { manifest: AirdropManifest; files: Iterable<[prefix: string, text: string]> } {
    const { buildTree, leafHash } = createMerkle(keccak);
    const bits = this.shardBits ?? shardBitsFor(this.#recipients);
    const prefixes: string[] = [];
    const shardRoots: Uint8Array[] = [];
    for (const groups of this.store.buckets(bits))
      for (const [prefix, entries] of groups) {
        prefixes.push(prefix);
        shardRoots.push(buildTree(entries.map((entry) => leafHash(...entryLeaf(entry)))).nodes[0]);
      }
    const top = buildTree(shardRoots);
    const manifest: AirdropManifest = {
      version: 1,
      name,
      root: toHex(top.nodes[0]),
      recipients: this.#recipients,
      total: this.#total.toString(),
      categories: this.categories.map((id, i) => ({
        id,
        name: labels.find((l) => l.id === id)?.name ?? id,
        total: this.#categoryTotals[i].toString(),
      })),
      shardPrefixLength: shardNameLength(bits),
      // Written only when it differs from the format's first (12 bits), which manifests then lacked.
      ...(bits === MIN_SHARD_BITS ? {} : { shardBits: bits }),
      shards: encodeShardBitmap(prefixes, bits),
    };
    const store = this.store;
    function* files(): Generator<[string, string]> {
      try {
        let i = 0;
        for (const groups of store.buckets(bits))
          for (const [prefix, entries] of groups)
            yield [prefix, shardJson(prefix, proofOf(top, top.indexOf[i++]).map(toHex), entries)];
      } finally {
        store.dispose();
      }
    }
    return { manifest, files: files() };
  }
}

/** Builds the manifest and every shard of `distribution` in memory; pass a faster `keccak` for large builds. */
export function buildAirdrop(
  distribution: Distribution,
  name: string,
  labels: CategoryLabel[] = [],
  keccak: Keccak = keccak_256,
  shardBits?: number,
): BuiltAirdrop {
  const build = new ShardedBuild(distribution.categories, new MemoryEntries(), shardBits);
  for (const recipient of distribution.recipients) build.add(recipient);
  const { manifest, files } = build.finish(name, labels, keccak);
  return { manifest, shards: [...files].map(([, text]) => JSON.parse(text) as AirdropShard) };
}
