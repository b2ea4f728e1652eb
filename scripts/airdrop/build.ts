/**
 * `npm run airdrop:build -- <distribution.csv|json> <out dir>`: validates the distribution and writes
 * manifest.json plus one shards/<prefix>.json per non-empty shard. Writes nothing if any row is bad.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { basename, join } from 'node:path';
import { buildAirdrop, ShardedBuild, SpilledEntries, type CategoryLabel } from './build-tree.ts';
import { InvalidDistributionError, parseDistribution, readCsvRows } from './distribution.ts';
import type { AirdropManifest } from '../../src/lib/airdrop/shard.ts';
import type { Keccak } from '../../src/lib/airdrop/merkle.ts';

/** hash-wasm's keccak, about twelve times faster than a pure-JS one on a million-leaf build. */
export async function wasmKeccak(): Promise<Keccak> {
  const { createKeccak } = await import('hash-wasm');
  const hasher = await createKeccak(256);
  return (data) => hasher.init().update(data).digest('binary');
}

/** Human names of Season One's categories, for the manifest. */
export const SEASON_ONE_LABELS: CategoryLabel[] = [
  { id: 'og_badge', name: 'OG Badge NFT' },
  { id: 'oh_ottie', name: 'Oh Ottie! NFT' },
  { id: 'altitude', name: 'Altitude campaign' },
  { id: 'eigenlayer', name: 'EigenLayer restakers' },
  { id: 'celestia', name: 'Celestia stakers' },
];

/** Validates and builds the distribution in `input`, in memory. */
export function buildAirdropFromFile(input: string, name = 'Airdrop Season One', keccak?: Keccak) {
  const distribution = parseDistribution(input, readFileSync(input, 'utf8'));
  return buildAirdrop(distribution, name, SEASON_ONE_LABELS, keccak);
}

/** The lines of a text file, read a megabyte at a time (`\n` or `\r\n` ends a line, as `parseCsv` splits). */
export function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    yield rest + decoder.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Builds from `input` into `outDir`, replacing what was there; writes nothing if any row is bad.
 * A CSV is read a line at a time and each shard written as it is produced, so a million-recipient
 * build holds about one copy of its output; a JSON distribution is parsed whole.
 */
export function buildAirdropFiles(
  input: string,
  outDir: string,
  name = 'Airdrop Season One',
  keccak?: Keccak,
  { spillIn }: { spillIn?: string } = {},
) {
  if (input.endsWith('.json')) {
    const { manifest, shards } = buildAirdropFromFile(input, name, keccak);
    return writeBuild(
      outDir,
      manifest,
      shards.map((shard) => [shard.prefix, JSON.stringify(shard)]),
    );
  }
  const store = new SpilledEntries(spillIn);
  try {
    let build: ShardedBuild | undefined;
    readCsvRows(fileLines(input), (categories) => {
      const started = (build = new ShardedBuild(categories, store));
      return (row) => started.add(row);
    });
    const { manifest, files } = build!.finish(name, SEASON_ONE_LABELS, keccak);
    return writeBuild(outDir, manifest, files);
  } finally {
    // A bad row, or a write that failed: the spilled entries go either way (disposing twice is harmless).
    store.dispose();
  }
}

/** Replaces `outDir` with the manifest and the shard files, written as `files` yields them. */
function writeBuild(outDir: string, manifest: AirdropManifest, files: Iterable<[string, string]>) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'shards'), { recursive: true });
  for (const [prefix, text] of files) writeFileSync(join(outDir, 'shards', `${prefix}.json`), text);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { manifest };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) {
    console.error('usage: npm run airdrop:build -- <distribution.csv|json> <out dir>');
    process.exit(2);
  }
  const started = performance.now();
  try {
    const { manifest } = buildAirdropFiles(input, outDir, undefined, await wasmKeccak());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${basename(input)}: ${manifest.recipients} recipients, root ${manifest.root}, built in ${seconds} s`);
  } catch (error) {
    if (error instanceof InvalidDistributionError) {
      console.error(`${input}: ${error.message}\nnothing written`);
      process.exit(1);
    }
    throw error;
  }
}
