import { describe, expect, it } from 'vitest';
import { compactAmount, fullAmount, wholeTokens } from './chart-amounts.ts';

describe('chart amounts', () => {
  it('drops the fraction of a token amount exactly, at any size', () => {
    expect(wholeTokens(1_999_999_999_999_999_999n)).toBe(1);
    expect(wholeTokens(10_000_000_000n * 10n ** 18n)).toBe(10_000_000_000);
    expect(wholeTokens(1234n, 2)).toBe(12);
  });

  it('writes axes compactly and table cells in full', () => {
    expect(compactAmount(1_234_567)).toBe('1.23M');
    expect(fullAmount(1_234_567)).toBe('1,234,567');
  });
});
