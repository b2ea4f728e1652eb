/**
 * Proposal actions built from the create form. Each kind becomes exactly one call the timelock will
 * make; every field is validated here so the form can say what is wrong before anything is signed.
 */
import { encodeFunctionData, getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { altStakingAbi, altLayerTokenAbi } from '../../../lib/contracts/generated.ts';
import { parseAmount } from '../../../lib/format/parse-amount.ts';
import * as m from '../../../lib/i18n/messages.ts';

/**
 * The staking parameters governance can set, with the range AltStaking accepts (its constants), and
 * what zero means where zero is allowed: the form asks the proposer to confirm it. The words are
 * messages, called where they are shown (`label()`).
 */
export const STAKING_PARAMETERS = {
  setRewardRate: {
    label: m.create_build_action_reward_rate,
    unit: m.create_build_action_unit_alt_per_second,
    max: 100n * 10n ** 18n,
    zero: m.create_build_action_reward_rate_zero,
  },
  setUnbondingPeriod: {
    label: m.create_build_action_unbonding_period,
    unit: m.create_build_action_unit_days,
    min: 14n * 86_400n,
    max: 60n * 86_400n,
  },
  setCommissionDelay: {
    label: m.create_build_action_commission_delay,
    unit: m.create_build_action_unit_days,
    max: 60n * 86_400n,
    zero: m.create_build_action_commission_delay_zero,
  },
  setMaxCommission: {
    label: m.create_build_action_max_commission,
    unit: () => '%',
    max: 10_000n,
    zero: m.create_build_action_max_commission_zero,
  },
  setMinStake: { label: m.create_build_action_min_stake, unit: () => 'ALT', min: 1n, max: 1_000_000n * 10n ** 18n },
} as const satisfies Record<
  string,
  { label: () => string; unit: () => string; min?: bigint; max: bigint; zero?: () => string }
>;
export type StakingParameter = keyof typeof STAKING_PARAMETERS;

export type ActionDraft =
  | { kind: 'transfer'; recipient: string; amount: string }
  | { kind: 'parameter'; parameter: StakingParameter; value: string }
  | { kind: 'allowlist'; operator: string; allowed: boolean }
  | { kind: 'raw'; target: string; value: string; calldata: string };

export interface BuiltAction {
  target: Address;
  value: bigint;
  calldata: Hex;
}

/** `confirm` says what a value means when it needs the proposer's explicit confirmation (zero). */
export type BuildResult = { ok: true; action: BuiltAction; confirm?: string } | { ok: false; message: string };

const fail = (message: string): BuildResult => ({ ok: false, message });

/** What is wrong with a field, after its name ("Amount: …"). */
const problem = (field: string, message: string) => m.create_build_action_field_problem({ field, problem: message });

function address(text: string, what: string): Address | string {
  const t = text.trim();
  if (!isAddress(t, { strict: false })) return problem(what, m.create_build_action_enter_address());
  return getAddress(t);
}

const DAY = 86_400n;

/** Parses a number the way amounts are parsed, except that zero is a value here, not a mistake. */
function parseNumber(text: string, decimals: number): { ok: true; value: bigint } | { ok: false; message: string } {
  if (/^\s*0*(\.0*)?\s*$/.test(text) && /\d/.test(text)) return { ok: true, value: 0n };
  return parseAmount(text, decimals);
}

function parameterValue(parameter: StakingParameter, text: string): bigint | string {
  const spec = STAKING_PARAMETERS[parameter] as { min?: bigint; max: bigint };
  let value: bigint;
  if (parameter === 'setRewardRate' || parameter === 'setMinStake') {
    const parsed = parseNumber(text, 18);
    if (!parsed.ok) return parsed.message;
    value = parsed.value;
  } else if (parameter === 'setMaxCommission') {
    // Two decimals of a percent are basis points.
    const parsed = parseNumber(text, 2);
    if (!parsed.ok) return parsed.message;
    value = parsed.value;
  } else {
    const parsed = parseNumber(text, 4);
    if (!parsed.ok) return parsed.message;
    value = (parsed.value * DAY) / 10_000n;
  }
  if (value < (spec.min ?? 0n))
    return value === 0n ? m.create_build_action_zero_refused() : m.create_build_action_below_min();
  if (value > spec.max) return m.create_build_action_above_max();
  return value;
}

export function buildAction(draft: ActionDraft, contracts: { alt: Address; staking: Address }): BuildResult {
  switch (draft.kind) {
    case 'transfer': {
      const to = address(draft.recipient, m.create_proposal_recipient());
      if (!isAddress(to)) return fail(to);
      const amount = parseAmount(draft.amount, 18);
      if (!amount.ok) return fail(problem(m.create_build_action_amount(), amount.message));
      return {
        ok: true,
        action: {
          target: contracts.alt,
          value: 0n,
          calldata: encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [to, amount.value] }),
        },
      };
    }
    case 'parameter': {
      if (!(draft.parameter in STAKING_PARAMETERS)) return fail(m.create_build_action_choose_parameter());
      const value = parameterValue(draft.parameter, draft.value);
      if (typeof value === 'string') return fail(problem(STAKING_PARAMETERS[draft.parameter].label(), value));
      const spec = STAKING_PARAMETERS[draft.parameter] as { zero?: () => string };
      return {
        ok: true,
        confirm: value === 0n ? spec.zero?.() : undefined,
        action: {
          target: contracts.staking,
          value: 0n,
          calldata: encodeFunctionData({ abi: altStakingAbi, functionName: draft.parameter, args: [value] }),
        },
      };
    }
    case 'allowlist': {
      const operator = address(draft.operator, m.create_build_action_operator());
      if (!isAddress(operator)) return fail(operator);
      return {
        ok: true,
        action: {
          target: contracts.staking,
          value: 0n,
          calldata: encodeFunctionData({
            abi: altStakingAbi,
            functionName: 'setOperatorAllowlisted',
            args: [operator, draft.allowed],
          }),
        },
      };
    }
    case 'raw': {
      const target = address(draft.target, m.create_proposal_target());
      if (!isAddress(target)) return fail(target);
      let value = 0n;
      if (draft.value.trim() !== '' && draft.value.trim() !== '0') {
        const parsed = parseAmount(draft.value, 18);
        if (!parsed.ok) return fail(problem(m.create_build_action_value(), parsed.message));
        value = parsed.value;
      }
      const calldata = draft.calldata.trim() || '0x';
      if (!isHex(calldata, { strict: true }) || calldata.length % 2 !== 0)
        return fail(problem(m.create_proposal_calldata(), m.create_build_action_enter_hex()));
      return { ok: true, action: { target, value, calldata: calldata.toLowerCase() as Hex } };
    }
  }
}

/** The description the governor stores: the title as a heading, then the body. */
export const proposalDescription = (title: string, body: string) => `# ${title.trim()}\n\n${body.trim()}\n`;
