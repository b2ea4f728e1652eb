/**
 * Proposal actions built from the create form. Each kind becomes exactly one call the timelock will
 * make; every field is validated here so the form can say what is wrong before anything is signed.
 */
import { encodeFunctionData, getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { altStakingAbi, altLayerTokenAbi } from '../../lib/contracts/generated.ts';
import { parseAmount } from '../../lib/format/amount.ts';

export const STAKING_PARAMETERS = {
  setRewardRate: { label: 'Reward rate (ALT per second)', unit: 'ALT per second' },
  setUnbondingPeriod: { label: 'Unbonding period (days)', unit: 'days' },
  setCommissionDelay: { label: 'Commission change delay (days)', unit: 'days' },
  setMaxCommission: { label: 'Maximum commission (%)', unit: '%' },
  setMinStake: { label: 'Minimum stake (ALT)', unit: 'ALT' },
} as const;
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

export type BuildResult = { ok: true; action: BuiltAction } | { ok: false; message: string };

const fail = (message: string): BuildResult => ({ ok: false, message });

function address(text: string, what: string): Address | string {
  const t = text.trim();
  if (!isAddress(t, { strict: false })) return `${what}: enter an address (0x followed by 40 hex characters).`;
  return getAddress(t);
}

const DAY = 86_400n;

function parameterValue(parameter: StakingParameter, text: string): bigint | string {
  if (parameter === 'setRewardRate' || parameter === 'setMinStake') {
    const parsed = parseAmount(text, 18, 'en-US');
    return parsed.ok ? parsed.value : parsed.message;
  }
  if (parameter === 'setMaxCommission') {
    const parsed = parseAmount(text, 2, 'en-US');
    if (!parsed.ok) return parsed.message;
    // Two decimals of a percent are basis points.
    return parsed.value > 10_000n ? 'A commission cannot exceed 100%.' : parsed.value;
  }
  const parsed = parseAmount(text, 4, 'en-US');
  if (!parsed.ok) return parsed.message;
  return (parsed.value * DAY) / 10_000n;
}

export function buildAction(draft: ActionDraft, contracts: { alt: Address; staking: Address }): BuildResult {
  switch (draft.kind) {
    case 'transfer': {
      const to = address(draft.recipient, 'Recipient');
      if (!isAddress(to)) return fail(to);
      const amount = parseAmount(draft.amount, 18, 'en-US');
      if (!amount.ok) return fail(`Amount: ${amount.message}`);
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
      if (!(draft.parameter in STAKING_PARAMETERS)) return fail('Choose a parameter.');
      const value = parameterValue(draft.parameter, draft.value);
      if (typeof value === 'string') return fail(`${STAKING_PARAMETERS[draft.parameter].label}: ${value}`);
      return {
        ok: true,
        action: {
          target: contracts.staking,
          value: 0n,
          calldata: encodeFunctionData({ abi: altStakingAbi, functionName: draft.parameter, args: [value] }),
        },
      };
    }
    case 'allowlist': {
      const operator = address(draft.operator, 'Operator');
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
      const target = address(draft.target, 'Target');
      if (!isAddress(target)) return fail(target);
      let value = 0n;
      if (draft.value.trim() !== '' && draft.value.trim() !== '0') {
        const parsed = parseAmount(draft.value, 18, 'en-US');
        if (!parsed.ok) return fail(`Value: ${parsed.message}`);
        value = parsed.value;
      }
      const calldata = draft.calldata.trim() || '0x';
      if (!isHex(calldata, { strict: true }) || calldata.length % 2 !== 0)
        return fail('Calldata: enter hex bytes starting with 0x.');
      return { ok: true, action: { target, value, calldata: calldata.toLowerCase() as Hex } };
    }
  }
}

/** The description the governor stores: the title as a heading, then the body. */
export const proposalDescription = (title: string, body: string) => `# ${title.trim()}\n\n${body.trim()}\n`;
