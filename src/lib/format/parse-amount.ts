/**
 * What a user typed, as base units: exact (what the user typed is what is sent), and every rejection
 * says why. Its own module so that it, and viem's `parseUnits`, load with the forms that take amounts.
 */
import { parseUnits } from 'viem';
import { separators } from './amount.ts';
import * as m from '../i18n/messages.ts';

export type ParsedAmount = { ok: true; value: bigint } | { ok: false; message: string };

/**
 * Parses what a user typed into base units. Accepts the locale's decimal separator (and '.'), and
 * its group separator between digit groups; refuses signs, exponents and excess decimals. Full-width
 * digits and separators, as a Chinese or Japanese input method types them ("１，２３４．５"), read
 * as their ASCII forms.
 */
export function parseAmount(input: string, decimals = 18, locale?: string): ParsedAmount {
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, message: m.errors_amount_empty() };
  if (/^[-−]/.test(text)) return { ok: false, message: m.errors_amount_negative() };
  if (/[eE]/.test(text)) return { ok: false, message: m.errors_amount_exponent() };
  const { decimal, group } = separators(locale);
  let normalized = text;
  if (decimal !== '.' && normalized.includes(decimal)) {
    if (normalized.includes('.') && group !== '.') return { ok: false, message: m.errors_amount_one_separator() };
    normalized = normalized
      .split(group === '.' ? '.' : '\u0000')
      .join('')
      .replace(decimal, '.');
  } else if (group === '.' && /^\d{1,3}(\.\d{3})+$/.test(normalized)) {
    // Where "." groups thousands, "1.000.000" can only be grouping, but "1.000" could be either.
    if (normalized.split('.').length === 2) {
      return {
        ok: false,
        message: m.errors_amount_ambiguous({ text, whole: normalized.replace('.', ''), decimal }),
      };
    }
    normalized = normalized.split('.').join('');
  } else if (group !== '.' && normalized.includes(group)) {
    const [whole] = normalized.split('.');
    if (!new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})*$`).test(whole)) {
      return { ok: false, message: m.errors_amount_group({ group }) };
    }
    normalized = normalized.split(group).join('');
  }
  normalized = normalized.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d*\.?\d*$/.test(normalized) || normalized === '.' || (normalized.match(/\./g)?.length ?? 0) > 1) {
    return { ok: false, message: m.errors_amount_not_number() };
  }
  const fraction = normalized.split('.')[1] ?? '';
  if (fraction.length > decimals) return { ok: false, message: m.errors_amount_too_many_decimals({ decimals }) };
  const value = parseUnits(normalized.startsWith('.') ? `0${normalized}` : normalized, decimals);
  if (value === 0n) return { ok: false, message: m.errors_amount_zero() };
  return { ok: true, value };
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
