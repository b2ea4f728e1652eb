import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSignature, serializeSignature, type Hex } from 'viem';
import { splitSignature } from './signature.ts';

const word = fc.bigInt({ min: 1n, max: (1n << 255n) - 1n }).map((n) => `0x${n.toString(16).padStart(64, '0')}` as Hex);

describe('splitSignature', () => {
  it('splits 65-byte and compact signatures exactly as viem does', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(0, 1), fc.boolean(), (r, s, yParity, compact) => {
        const signature = serializeSignature({ r, s, yParity, to: 'hex' });
        const { v, r: pr, s: ps } = parseSignature(signature);
        expect(splitSignature(signature)).toEqual({ v: Number(v), r: pr, s: ps });
        if (compact) {
          const vs = (BigInt(s) | (BigInt(yParity) << 255n)).toString(16).padStart(64, '0');
          expect(splitSignature(`${r}${vs}` as Hex)).toEqual({ v: 27 + yParity, r, s });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads a 0/1 recovery byte as 27/28', () => {
    const base = `0x${'11'.repeat(32)}${'22'.repeat(32)}`;
    expect(splitSignature(`${base}00` as Hex).v).toBe(27);
    expect(splitSignature(`${base}1c` as Hex).v).toBe(28);
  });

  it('refuses anything else with a clear message', () => {
    for (const bad of ['0x', '0x1234', `0x${'zz'.repeat(65)}`, `0x${'11'.repeat(64)}05`]) {
      expect(() => splitSignature(bad as Hex)).toThrow(/not 64 or 65 bytes/);
    }
  });
});
