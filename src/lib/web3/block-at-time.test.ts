import { describe, expect, it } from 'vitest';
import { blockRangesAt, type BlockPoint } from './block-at-time.ts';

/** A chain of `length` blocks from 1,000,000, 12 s apart, with jumps of chain time after some blocks. */
function chain(length: number, jumps: Record<number, bigint> = {}) {
  const times: bigint[] = [];
  let t = 1_700_000_000n;
  for (let i = 0; i < length; i++) {
    times.push(t);
    t += 12n + (jumps[i] ?? 0n);
  }
  const at = (n: bigint): BlockPoint => ({ number: n, timestamp: times[Number(n - 1_000_000n)] });
  const rounds: number[] = [];
  const read = async (numbers: bigint[]) => {
    rounds.push(numbers.length);
    return numbers.map(at);
  };
  return { at, read, rounds, first: at(1_000_000n), last: at(BigInt(1_000_000 + length - 1)) };
}

describe('blockRangesAt', () => {
  it('finds blocks on a regular chain in one round, all searches in one batch', async () => {
    const c = chain(20_000);
    const wanted = [1_000_123n, 1_012_345n, 1_019_990n].map((n) => c.at(n).timestamp);
    const ranges = await blockRangesAt(wanted, c.first, c.last, c.read);
    // A block at exactly the time: the ten-block window around it, one log read like the block alone.
    expect(ranges).toEqual([
      [1_000_119n, 1_000_128n],
      [1_012_341n, 1_012_350n],
      [1_019_986n, 1_019_995n],
    ]);
    expect(c.rounds).toEqual([3]);
  });

  it('finds them across jumps of chain time in a few rounds', async () => {
    const c = chain(20_000, { 5_000: 86_400n, 15_000: 500_000n, 15_100: 7n });
    const wanted = [1_000_100n, 1_006_000n, 1_015_050n, 1_019_000n].map((n) => c.at(n).timestamp);
    const ranges = await blockRangesAt(wanted, c.first, c.last, c.read);
    ranges.forEach((range, i) => {
      const n = [1_000_100n, 1_006_000n, 1_015_050n, 1_019_000n][i];
      expect(range![0] <= n && n <= range![1]).toBe(true);
      expect(range![1] - range![0]).toBeLessThan(40n);
    });
    expect(c.rounds.length).toBeLessThanOrEqual(12);
    expect(Math.max(...c.rounds)).toBeLessThanOrEqual(8);
  });

  it('a page of nearby times shares its probes', async () => {
    const c = chain(20_000, { 3_000: 86_400n, 19_000: 300_000n });
    const wanted = Array.from({ length: 10 }, (_, i) => c.at(BigInt(1_018_900 + i * 7)).timestamp);
    const ranges = await blockRangesAt(wanted, c.first, c.last, c.read);
    ranges.forEach((range, i) => {
      const n = BigInt(1_018_900 + i * 7);
      expect(range![0] <= n && n <= range![1]).toBe(true);
    });
    expect(c.rounds.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(40);
  });

  it('says nothing for a time outside the chain', async () => {
    const c = chain(100);
    expect(await blockRangesAt([1n], c.first, c.last, c.read)).toEqual([undefined]);
  });

  it('on a chain with several blocks in one second, the window around a block at that time holds them', async () => {
    // Blocks 1,000,000 to 1,000,099, four to a second: the wanted block may be any of the four.
    const at = (n: bigint): BlockPoint => ({ number: n, timestamp: 1_700_000_000n + (n - 1_000_000n) / 4n });
    const read = async (numbers: bigint[]) => numbers.map(at);
    for (const wanted of [1_000_040n, 1_000_041n, 1_000_042n, 1_000_043n]) {
      const [range] = await blockRangesAt([at(wanted).timestamp], at(1_000_000n), at(1_000_099n), read);
      for (let n = 1_000_040n; n <= 1_000_043n; n++) expect(range![0] <= n && n <= range![1], `${n}`).toBe(true);
      expect(range![1] - range![0]).toBeLessThan(10n);
    }
  });
});
