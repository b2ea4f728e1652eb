/** The stake flow: which path a stake takes (batch, permit or exact approval) is the shared spend flow's. */
import type { Address } from 'viem';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { SpendContext, SpendResult } from '../../../lib/tx/spend-flow.ts';
import type { StakingState } from '../../../lib/staking/read-staking.ts';
import { stakeSpend } from '../../../lib/staking/stake-spend.ts';

export interface StakeRequest {
  staking: Address;
  operator: Address;
  operatorName: string;
  amount: bigint;
}

/** Stakes `amount` with `operator` in the fewest wallet prompts the wallet and ALT allow. */
export function stake(
  ctx: SpendContext,
  caps: ChainCaps,
  data: StakingState,
  request: StakeRequest,
): Promise<SpendResult> {
  const account = data.account!;
  return stakeSpend(ctx, {
    alt: caps.alt!,
    staking: request.staking,
    operator: request.operator,
    operatorName: request.operatorName,
    amount: request.amount,
    allowance: account.allowance,
    nonce: account.nonce,
    chainTime: data.chainTime,
  });
}
