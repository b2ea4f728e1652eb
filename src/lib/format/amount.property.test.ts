/** Property tests of the amount parser and formatter over many thousands of generated inputs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUnits } from 'viem';
import { decimalString, formatAmount, toInputString } from './amount.ts';
import { parseAmount } from './parse-amount.ts';

const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'es-ES'];
const value = fc.bigInt({ min: 1n, max: 10n ** 36n });

describe('amount properties', () => {
  it("writes exact decimals as viem's formatUnits does, signs and all", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.integer({ min: 0, max: 36 }),
        (v, decimals) => {
          expect(decimalString(v, decimals)).toBe(formatUnits(v, decimals));
        },
      ),
      { numRuns: 5_000 },
    );
    for (const [v, d] of [
      [0n, 0],
      [0n, 18],
      [1n, 18],
      [-1n, 18],
      [10n ** 18n, 18],
      [-5n, 0],
    ] as const)
      expect(decimalString(v, d)).toBe(formatUnits(v, d));
    for (const d of [-1, 1.5, Number.NaN]) expect(() => decimalString(1n, d)).toThrow(RangeError);
  });

  it('formats with grouping and parses back exactly in every supported locale', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...LOCALES), (v, locale) => {
        const text = formatAmount(v, 18, { maxFractionDigits: 18, locale });
        const result = parseAmount(text, 18, locale);
        // "1.000" in a locale that groups with "." is refused as ambiguous rather than guessed.
        if (!result.ok && /^\d{1,3}\.\d{3}$/.test(text)) expect(result.message).toContain('ambiguous');
        else expect(result).toEqual({ ok: true, value: v });
      }),
      { numRuns: 5_000 },
    );
  });

  it('never shows more than the value when it rounds', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 8 }), (v, digits) => {
        const text = formatAmount(v, 18, { maxFractionDigits: digits, locale: 'en-US' });
        if (text.startsWith('<')) return;
        const shown = parseAmount(text, 18, 'en-US');
        const back = shown.ok ? shown.value : 0n;
        expect(back).toBeLessThanOrEqual(v);
        expect(v - back).toBeLessThan(10n ** BigInt(18 - digits));
      }),
      { numRuns: 5_000 },
    );
  });

  it('is exact at every number of decimals from 0 to 18', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 18 }), (v, decimals) => {
        expect(parseAmount(toInputString(v, decimals), decimals, 'en-US')).toEqual({ ok: true, value: v });
      }),
      { numRuns: 5_000 },
    );
  });

  it('rejects negatives, exponents and excess decimals with a message', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = toInputString(v);
        expect(parseAmount(`-${text}`, 18, 'en-US')).toEqual({ ok: false, message: 'The amount cannot be negative.' });
        expect(parseAmount(`${text}e3`, 18, 'en-US')).toEqual({
          ok: false,
          message: 'Write the amount in full, without an exponent.',
        });
        const tooPrecise = `${text.includes('.') ? text : `${text}.`}${'1'.repeat(19)}`;
        expect(parseAmount(tooPrecise, 18, 'en-US')).toMatchObject({ ok: false });
      }),
      { numRuns: 3_000 },
    );
  });

  it('rejects empty and whitespace-only input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t\n\u00a0]*$/), (blank) => {
        expect(parseAmount(blank, 18, 'en-US')).toEqual({ ok: false, message: 'Enter an amount.' });
      }),
    );
  });

  it('refuses a separator the locale does not use as its decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), (whole, fraction) => {
        const result = parseAmount(`${whole},${fraction}`, 18, 'en-US');
        expect(result).toEqual({ ok: false, message: '"," is only allowed between groups of three digits.' });
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws, whatever is typed, and only accepts positive values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...LOCALES), (text, locale) => {
        const result = parseAmount(text, 18, locale);
        if (result.ok) expect(result.value).toBeGreaterThan(0n);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });
});
