/**
 * A stake through the shared spend flow (lib/tx/spend-flow.ts): one batch, a permit and one
 * transaction, or an exact approval and one, whichever the wallet and ALT allow. Shared by the stake
 * form and the claim that stakes.
 */
import type { Address } from 'viem';
import { formatToken } from '../format/amount.ts';
import type { Touches } from '../query/keys.ts';
import { spend, type SpendContext, type SpendResult } from '../tx/spend-flow.ts';
import { STAKING_TOUCHES, stakeCall, stakeWithPermitCall } from './stake-calls.ts';
import * as m from '../i18n/messages.ts';

export interface StakeSpend {
  alt: { address: Address; symbol: string; domain?: { name: string; version: string } };
  staking: Address;
  operator: Address;
  operatorName: string;
  amount: bigint;
  /** The account's ALT allowance to the staking contract and its permit nonce (undefined: no permits), as read. */
  allowance: bigint;
  nonce: bigint | undefined;
  /** Chain time: a permit is good for an hour of it, whatever the user's clock says. */
  chainTime: bigint;
  /** Appended to the label ("(step 3 of 4)"). */
  step?: string;
  touches?: Touches;
}

export function stakeSpend(ctx: SpendContext, s: StakeSpend): Promise<SpendResult> {
  const amount = formatToken(s.amount, s.alt.symbol);
  return spend(ctx, {
    token: s.alt.address,
    symbol: s.alt.symbol,
    spender: s.staking,
    amount: s.amount,
    allowance: s.allowance,
    call: stakeCall(s.staking, s.operator, s.amount),
    withPermit: (permit) => stakeWithPermitCall(s.staking, s.operator, permit),
    permit:
      s.alt.domain && s.nonce !== undefined
        ? { domain: s.alt.domain, nonce: s.nonce, deadline: s.chainTime + 3_600n }
        : undefined,
    label: s.step
      ? m.errors_stake_spend_label_step({ amount, operator: s.operatorName, step: s.step })
      : m.errors_stake_spend_label({ amount, operator: s.operatorName }),
    touches: s.touches ?? STAKING_TOUCHES,
  });
}
