/**
 * Amounts are bigint end to end. Formatting groups with Intl but never goes through a float; parsing
 * what a user typed is in parse-amount.ts (it loads with the forms that take amounts).
 */
import { numberFormat } from './intl.ts';

/** Decimal and group separators the locale uses. */
export function separators(locale?: string): { decimal: string; group: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * Formats base units for display: grouped by the locale, at most `maxFractionDigits` decimals,
 * rounded down so a balance is never shown larger than it is.
 */
export function formatAmount(
  value: bigint,
  decimals = 18,
  { maxFractionDigits = 4, locale }: { maxFractionDigits?: number; locale?: string } = {},
): string {
  const negative = value < 0n;
  const [whole, fraction = ''] = decimalString(negative ? -value : value, decimals).split('.');
  const { decimal } = separators(locale);
  const grouped = numberFormat(locale, { maximumFractionDigits: 0 }).format(BigInt(whole));
  const kept = fraction.slice(0, maxFractionDigits).replace(/0+$/, '');
  const tiny = whole === '0' && kept === '' && fraction.replace(/0/g, '') !== '';
  if (tiny) return `${negative ? '-' : ''}<0${decimal}${'0'.repeat(Math.max(0, maxFractionDigits - 1))}1`;
  return `${negative ? '-' : ''}${grouped}${kept ? decimal + kept : ''}`;
}

/** The exact decimal string of a value, for inputs (Max button): no grouping, no rounding. */
export function toInputString(value: bigint, decimals = 18): string {
  return decimalString(value, decimals);
}

/** `value` base units as an exact decimal string ("-1.5", "0.000001", "12"), as viem's `formatUnits` writes it. */
export function decimalString(value: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a whole number: ${decimals}`);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Formats with the token symbol, e.g. "1,234.5 ALT". */
export function formatToken(value: bigint, symbol = 'ALT', options?: Parameters<typeof formatAmount>[2]): string {
  return `${formatAmount(value, 18, options)} ${symbol}`;
}
