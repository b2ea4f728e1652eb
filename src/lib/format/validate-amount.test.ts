import { describe, expect, it } from 'vitest';
import { validateAmount } from './validate-amount.ts';

const ALT = 10n ** 18n;
const limits = { max: { value: 100n * ALT, label: 'balance' }, min: ALT, locale: 'en-US' };

describe('validateAmount', () => {
  it.each([
    ['', 'Enter an amount.'],
    ['0', 'The amount must be more than zero.'],
    ['1.0000000000000000001', 'At most 18 decimal places.'],
    ['100.000000000000000001', 'That is more than your balance (100 ALT).'],
    ['0.5', 'The minimum is 1 ALT.'],
    ['-3', 'The amount cannot be negative.'],
  ])('refuses %j: %s', (input, message) => {
    expect(validateAmount(input, limits)).toEqual({ ok: false, message });
  });

  it.each([
    ['1', ALT],
    ['100', 100n * ALT],
    ['99.999999999999999999', 100n * ALT - 1n],
  ])('accepts %j exactly', (input, value) => {
    expect(validateAmount(input, limits)).toEqual({ ok: true, value });
  });
});
