/** Checks a typed amount against what the action allows, with a plain sentence for each refusal. */
import { formatToken } from './amount.ts';
import { parseAmount, type ParsedAmount } from './parse-amount.ts';
import * as m from '../i18n/messages.ts';

export interface AmountLimits {
  /** The most the user can use (wallet balance, staked amount…), and what to call it. */
  max?: { value: bigint; label: string };
  /** A contract minimum, if any. */
  min?: bigint;
  decimals?: number;
  symbol?: string;
  locale?: string;
}

export function validateAmount(input: string, limits: AmountLimits = {}): ParsedAmount {
  const parsed = parseAmount(input, limits.decimals ?? 18, limits.locale);
  if (!parsed.ok) return parsed;
  const symbol = limits.symbol ?? 'ALT';
  if (limits.max && parsed.value > limits.max.value) {
    return {
      ok: false,
      message: m.errors_validate_amount_over_max({
        label: limits.max.label,
        amount: formatToken(limits.max.value, symbol),
      }),
    };
  }
  if (limits.min !== undefined && parsed.value < limits.min) {
    return { ok: false, message: m.errors_validate_amount_minimum({ amount: formatToken(limits.min, symbol) }) };
  }
  return parsed;
}
