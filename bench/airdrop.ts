/**
 * Airdrop scale figures: build a synthetic 1,000,000-address distribution with the project's builder
 * (time, peak memory, output bytes, gzip bytes one eligibility check downloads), and 100,000 addresses
 * with both the builder and OpenZeppelin's StandardMerkleTree.of for the ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Address } from 'viem';
import { generateDistribution } from '../scripts/airdrop/generate.ts';
import { checkEligibility, readManifest } from '../src/lib/airdrop/eligibility.ts';

const work = join(tmpdir(), 'alt-dapp-bench');
mkdirSync(work, { recursive: true });

/**
 * The heap the builds run with, as `npm run airdrop:build` runs ours (AIRDROP_HEAP_MIB, 256 unless
 * set; a larger distribution sets more). Our 1M build holds about 200 MiB live; without a cap V8 let
 * garbage pile up to 350 to 510 MiB from one run to the next, with one it collects sooner at about
 * the same speed. OpenZeppelin's reference (which needs more) runs as it does by default.
 */
const HEAP_MIB = Number(process.env.AIRDROP_HEAP_MIB ?? 256);

function build(mode: 'ours' | 'openzeppelin', input: string, outDir: string): { seconds: number; peakMiB: number } {
  const output = execFileSync(
    process.execPath,
    [
      ...(mode === 'ours' ? [`--max-old-space-size=${HEAP_MIB}`] : []),
      '--import',
      'tsx',
      new URL('./airdrop-build-worker.ts', import.meta.url).pathname,
      mode,
      input,
      outDir,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split('\n').pop()!);
}

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? directoryBytes(path) : statSync(path).size);
  }, 0);
}

async function distribution(count: number) {
  const file = join(work, `distribution-${count}.csv`);
  if (!existsSync(file)) await generateDistribution(count, file, 7);
  return file;
}

/**
 * Mean time of the app's own eligibility check (fetch the shard over local HTTP, rebuild its subtree,
 * prove to the root) for `samples` addresses spread over the 1M build; the manifest is read once, as
 * the app caches it.
 */
async function timeChecks(dir: string, samples: number): Promise<number> {
  const server = createServer((req, res) => {
    try {
      res.end(readFileSync(join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname))));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const manifest = await readManifest(base);
    const shardFiles = readdirSync(join(dir, 'shards'));
    const accounts: Address[] = [];
    for (let i = 0; i < samples; i++) {
      const shard = JSON.parse(readFileSync(join(dir, 'shards', shardFiles[(i * 97) % shardFiles.length]), 'utf8'));
      accounts.push(shard.entries[(i * 31) % shard.entries.length][0]);
    }
    const started = performance.now();
    for (const account of accounts) {
      const result = await checkEligibility(base, manifest, account, manifest.root);
      if (result.status !== 'eligible') throw new Error(`${account} should be eligible, got ${result.status}`);
    }
    return (performance.now() - started) / samples;
  } finally {
    server.close();
  }
}

/** Runs the airdrop measurements and returns flat numeric results. */
export async function benchAirdrop(): Promise<Record<string, number>> {
  const million = await distribution(1_000_000);
  const out = join(work, 'out-1m');
  const ours = build('ours', million, out);
  const gzip = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
  const shardSizes = readdirSync(join(out, 'shards')).map((name) => gzip(join(out, 'shards', name)));
  const manifest = gzip(join(out, 'manifest.json'));

  const checkMs = await timeChecks(out, 200);

  const hundredK = await distribution(100_000);
  const ours100k = build('ours', hundredK, join(work, 'out-100k'));
  const oz100k = build('openzeppelin', hundredK, '');
  return {
    airdrop_build_1m_s: ours.seconds,
    airdrop_build_1m_peak_mib: ours.peakMiB,
    airdrop_output_1m_mib: directoryBytes(out) / 2 ** 20,
    // A check downloads the manifest and the one shard that can hold the address: the worst shard counts.
    airdrop_check_gzip_kib: (manifest + Math.max(...shardSizes)) / 1024,
    airdrop_check_mean_gzip_kib: (manifest + shardSizes.reduce((a, b) => a + b, 0) / shardSizes.length) / 1024,
    airdrop_check_ms: checkMs,
    airdrop_build_100k_s: ours100k.seconds,
    airdrop_openzeppelin_100k_s: oz100k.seconds,
    airdrop_openzeppelin_100k_peak_mib: oz100k.peakMiB,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchAirdrop();
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(36)} ${value.toFixed(2)}`);
}
