/**
 * Plain ALT into voting power and back. Wrapping spends ALT through the shared spend flow (one batch,
 * or one permit and one transaction, or an exact approval then the deposit); unwrapping is one
 * transaction and needs no approval.
 */
import type { Address } from 'viem';
import { formatToken } from '../../../lib/format/amount.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { spend, type SpendContext, type SpendResult } from '../../../lib/tx/spend-flow.ts';
import type { TxState } from '../../../lib/tx/tx-call.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import {
  depositAndDelegateCall,
  depositWithPermitCall,
  VOTES_TOUCHES,
  withdrawToCall,
} from '../../../lib/votes/votes-calls.ts';
import type { VotingPower } from '../../../lib/votes/voting-power.ts';
import * as m from '../../../lib/i18n/messages.ts';

/** Wraps `amount` ALT into voting power that goes to `delegatee`. */
export function wrap(
  ctx: SpendContext,
  caps: ChainCaps,
  vp: VotingPower,
  request: { amount: bigint; delegatee: Address; chainTime: bigint },
): Promise<SpendResult> {
  const alt = caps.alt!;
  const votes = caps.votes!;
  return spend(ctx, {
    token: alt.address,
    symbol: alt.symbol,
    spender: votes.address,
    amount: request.amount,
    allowance: vp.allowance ?? 0n,
    call: depositAndDelegateCall(votes.address, request.amount, request.delegatee),
    withPermit: (permit) => depositWithPermitCall(votes.address, request.delegatee, permit),
    permit:
      alt.domain && vp.altNonce !== undefined
        ? // Chain time plus an hour, not the user's clock.
          { domain: alt.domain, nonce: vp.altNonce, deadline: request.chainTime + 3_600n }
        : undefined,
    label:
      request.delegatee === ctx.account
        ? m.gov_wrap_turn_self({ amount: formatToken(request.amount, alt.symbol) })
        : m.gov_wrap_turn({ amount: formatToken(request.amount, alt.symbol), delegate: request.delegatee }),
    touches: VOTES_TOUCHES,
  });
}

/** Unwraps `amount` of voting power back to plain ALT in the same wallet. */
export function unwrap(flow: TxFlow, caps: ChainCaps, account: Address, amount: bigint): Promise<TxState> {
  return flow.run(
    withdrawToCall(caps.votes!.address, account, amount),
    m.gov_wrap_return({ amount: formatToken(amount, caps.alt?.symbol ?? 'ALT') }),
    VOTES_TOUCHES,
  );
}
