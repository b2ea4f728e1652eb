import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, toInputString } from './amount.ts';
import { parseAmount } from './parse-amount.ts';

const ok = (value: bigint) => ({ ok: true, value });

describe('parseAmount', () => {
  it.each([
    ['1', 10n ** 18n],
    ['  2.5 ', 25n * 10n ** 17n],
    ['.5', 5n * 10n ** 17n],
    ['1,234.5', 12345n * 10n ** 17n],
    ['0.000000000000000001', 1n],
    ['10000000000', 10n ** 28n],
  ])('parses %j exactly', (input, value) => {
    expect(parseAmount(input, 18, 'en-US')).toEqual(ok(value));
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['0', 'The amount must be more than zero.'],
    ['0.000', 'The amount must be more than zero.'],
    ['-1', 'The amount cannot be negative.'],
    ['1e18', 'Write the amount in full, without an exponent.'],
    ['0.0000000000000000001', 'At most 18 decimal places.'],
    ['1.2.3', 'That is not a number.'],
    ['abc', 'That is not a number.'],
    ['.', 'That is not a number.'],
    ['12,34', '"," is only allowed between groups of three digits.'],
    ['0x10', 'That is not a number.'],
  ])('rejects %j with a message', (input, message) => {
    expect(parseAmount(input, 18, 'en-US')).toEqual({ ok: false, message });
  });

  it('reads dots as grouping or refuses them as ambiguous where "." groups thousands', () => {
    expect(parseAmount('1.000.000', 18, 'de-DE')).toEqual(ok(10n ** 24n));
    expect(parseAmount('1.000', 18, 'de-DE')).toEqual({
      ok: false,
      message: '"1.000" is ambiguous: write 1000 for the whole number, or use "," for decimals.',
    });
    expect(parseAmount('1.5', 18, 'de-DE')).toEqual(ok(15n * 10n ** 17n));
  });

  it('reads full-width digits and separators as a Chinese or Japanese input method types them', () => {
    expect(parseAmount('１，２３４．５', 18, 'zh-CN')).toEqual(ok(12345n * 10n ** 17n));
    expect(parseAmount('０．２５', 18, 'ja')).toEqual(ok(25n * 10n ** 16n));
    expect(parseAmount(' 12.5 ', 18, 'ko')).toEqual(ok(125n * 10n ** 17n));
    expect(parseAmount('－５', 18, 'ja')).toMatchObject({ ok: false });
    expect(parseAmount('１ｅ５', 18, 'ja')).toMatchObject({ ok: false });
  });

  it('uses the locale decimal comma', () => {
    expect(parseAmount('1.234,5', 18, 'de-DE')).toEqual(ok(12345n * 10n ** 17n));
    expect(parseAmount('0,25', 6, 'de-DE')).toEqual(ok(250_000n));
  });

  it('round-trips any 18-decimal value through its exact string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 40n }), (value) => {
        expect(parseAmount(toInputString(value), 18, 'en-US')).toEqual(ok(value));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('formatAmount', () => {
  it.each([
    [0n, '0'],
    [10n ** 18n, '1'],
    [12345678n * 10n ** 14n, '1,234.5678'],
    [123456789n * 10n ** 13n, '1,234.5678'],
    [1n, '<0.0001'],
    [-(15n * 10n ** 17n), '-1.5'],
    [10n ** 28n, '10,000,000,000'],
  ])('formats %s as %j (rounding down)', (value, text) => {
    expect(formatAmount(value, 18, { locale: 'en-US' })).toBe(text);
  });
});
