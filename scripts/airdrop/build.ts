/**
 * `npm run airdrop:build -- <distribution.csv|json> <out dir>`: validates the distribution and writes
 * manifest.json plus one shards/<prefix>.json per non-empty shard. Writes nothing if any row is bad.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildAirdrop, type CategoryLabel } from './build-tree.ts';
import { InvalidDistributionError, parseDistribution } from './distribution.ts';
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

/** Builds from `input` into `outDir`, replacing what was there. Returns what it wrote. */
export function buildAirdropFiles(input: string, outDir: string, name = 'Airdrop Season One', keccak?: Keccak) {
  const { manifest, shards } = buildAirdropFromFile(input, name, keccak);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'shards'), { recursive: true });
  for (const shard of shards) writeFileSync(join(outDir, 'shards', `${shard.prefix}.json`), JSON.stringify(shard));
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { manifest, shards };
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
