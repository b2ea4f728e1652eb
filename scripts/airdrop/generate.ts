/**
 * `tsx scripts/airdrop/generate.ts <count> <out.csv> [--seed N] [--include address:og,ottie,altitude,eigen,celestia …]`
 * Writes a synthetic Season One distribution of `count` random recipients, the same for the same seed.
 * Amounts are in wei; each category follows a plausible shape (Altitude for most, EigenLayer by tier).
 */
import { createWriteStream } from 'node:fs';
import { random } from '../random.ts';

export const CATEGORIES = ['og_badge', 'oh_ottie', 'altitude', 'eigenlayer', 'celestia'] as const;
const ALT: bigint = 10n ** 18n;
const EIGENLAYER_TIERS = [500n, 2_000n, 8_000n, 25_000n];

/** One synthetic recipient's amounts per category, never all zero. */
export function syntheticAmounts(next: () => number): bigint[] {
  const pick = (min: number, max: number, step: number) =>
    BigInt(Math.floor(min / step + next() * ((max - min) / step + 1)) * step) * ALT;
  const amounts: bigint[] = [
    next() < 0.01 ? 12_500n * ALT : 0n,
    next() < 0.02 ? 4_000n * ALT : 0n,
    next() < 0.8 ? pick(200, 2_000, 10) : 0n,
    next() < 0.2 ? EIGENLAYER_TIERS[Math.floor(next() * EIGENLAYER_TIERS.length)] * ALT : 0n,
    next() < 0.15 ? pick(300, 15_000, 50) : 0n,
  ];
  const none = amounts.every((a) => a === BigInt(0));
  return none ? amounts.map((a, i) => (i === 2 ? pick(200, 2_000, 10) : a)) : amounts;
}

/** Writes `count` rows (plus `include`d ones first) and resolves when the file is flushed. */
export async function generateDistribution(
  count: number,
  out: string,
  seed = 1,
  include: { address: string; amounts: bigint[] }[] = [],
) {
  const next = random(seed);
  const stream = createWriteStream(out);
  const write = (line: string) =>
    stream.write(line) ? undefined : new Promise<void>((r) => stream.once('drain', () => r()));
  await write(`address,${CATEGORIES.join(',')}\n`);
  const seen = new Set(include.map((r) => r.address.toLowerCase()));
  for (const row of include) await write(`${row.address},${row.amounts.join(',')}\n`);
  for (let i = 0; i < count;) {
    let address = '0x';
    for (let j = 0; j < 5; j++)
      address += Math.floor(next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0');
    if (seen.has(address)) continue;
    seen.add(address);
    await write(`${address},${syntheticAmounts(next).join(',')}\n`);
    i++;
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error) => (error ? reject(error) : resolve())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const [countArg, out] = args;
  const seedIndex = args.indexOf('--seed');
  const seed = seedIndex >= 0 ? Number(args[seedIndex + 1]) : 1;
  const include = args
    .flatMap((a, i) => (args[i - 1] === '--include' ? [a] : []))
    .map((spec) => {
      const [address, amounts] = spec.split(':');
      return { address, amounts: amounts.split(',').map((a) => BigInt(a) * ALT) };
    });
  if (!countArg || !out || !Number.isSafeInteger(Number(countArg))) {
    console.error('usage: tsx scripts/airdrop/generate.ts <count> <out.csv> [--seed N] [--include address:a,b,c,d,e]');
    process.exit(2);
  }
  await generateDistribution(Number(countArg), out, seed, include);
  console.log(`wrote ${Number(countArg) + include.length} recipients to ${out}`);
}
