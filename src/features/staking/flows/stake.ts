/** The stake flow: which path a stake takes (batch, permit or exact approval) is the shared spend flow's. */
import type { Address } from 'viem';
import { formatToken } from '../../../lib/format/amount.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { spend, type SpendContext, type SpendResult } from '../../../lib/tx/spend-flow.ts';
import type { StakingState } from '../../../lib/staking/read-staking.ts';
import { STAKING_TOUCHES, stakeCall, stakeWithPermitCall } from '../../../lib/staking/stake-calls.ts';

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
  const alt = caps.alt!;
  return spend(ctx, {
    token: alt.address,
    symbol: alt.symbol,
    spender: request.staking,
    amount: request.amount,
    allowance: account.allowance,
    call: stakeCall(request.staking, request.operator, request.amount),
    withPermit: (permit) => stakeWithPermitCall(request.staking, request.operator, permit),
    permit:
      alt.domain && account.nonce !== undefined
        ? // Chain time plus an hour, not the user's clock.
          { domain: alt.domain, nonce: account.nonce, deadline: data.chainTime + 3_600n }
        : undefined,
    label: `Stake ${formatToken(request.amount, alt.symbol)} with ${request.operatorName}`,
    touches: STAKING_TOUCHES,
  });
}
