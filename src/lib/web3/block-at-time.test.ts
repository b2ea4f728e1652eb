import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockRangeAround } from './block-at-time.ts';

describe('blockRangeAround', () => {
  it('brackets the time within the span on a steady chain in a few reads', async () => {
    const ts = (n: bigint) => 1_000_000n + n * 12n;
    let reads = 0;
    const range = await blockRangeAround(
      ts(15_000_000n) + 5n,
      { number: 0n, timestamp: ts(0n) },
      { number: 21_000_000n, timestamp: ts(21_000_000n) },
      async (n) => (reads++, ts(n)),
    );
    expect(range.from).toBeLessThanOrEqual(15_000_000n);
    expect(range.to).toBeGreaterThanOrEqual(15_000_001n);
    expect(range.to - range.from).toBeLessThanOrEqual(200n);
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('always brackets the time on irregular chains', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 2, maxLength: 3_000 }),
        fc.nat(),
        async (gaps, pick) => {
          const times: bigint[] = [];
          let t = 1_000n;
          for (const g of gaps) times.push((t += BigInt(g)));
          const last = BigInt(times.length - 1);
          const time = times[0] + (BigInt(pick) % (times[times.length - 1] - times[0] + 1n));
          const range = await blockRangeAround(
            time,
            { number: 0n, timestamp: times[0] },
            { number: last, timestamp: times[Number(last)] },
            async (n) => times[Number(n)],
            16n,
            64,
          );
          expect(times[Number(range.from)]).toBeLessThanOrEqual(time);
          expect(times[Number(range.to)]).toBeGreaterThanOrEqual(time);
          expect(range.to - range.from).toBeLessThanOrEqual(16n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
