/**
 * The staking writes after a stake: leaving, moving, compounding, claiming, withdrawing, and
 * applying a slash's next page. Each names itself in the transaction list and refreshes what a
 * stake changes (STAKING_TOUCHES); components only say which one a button runs.
 */
import type { Address } from 'viem';
import { formatToken } from '../../../lib/format/amount.ts';
import type { TxState } from '../../../lib/tx/tx-call.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import { continueSlashCall } from '../slash-progress.ts';
import {
  claimRewardsCall,
  completeRedelegationCall,
  compoundCall,
  redelegateCall,
  STAKING_TOUCHES,
  unstakeCall,
  withdrawCall,
} from '../../../lib/staking/stake-calls.ts';
import * as m from '../../../lib/i18n/messages.ts';

const alt = (amount: bigint) => formatToken(amount, 'ALT', { maxFractionDigits: 2 });

/** Starts unbonding `amount` from `operator` (`all`: the whole position, leaving nothing behind). */
export const unstake = (
  flow: TxFlow,
  staking: Address,
  operator: { address: Address; name: string },
  amount: bigint,
  all: boolean,
): Promise<TxState> =>
  flow.run(
    unstakeCall(staking, operator.address, amount, all),
    m.staking_positions_unstake({ amount: formatToken(amount), operator: operator.name }),
    STAKING_TOUCHES,
  );

/** Starts moving `amount` from `from` to `to` (it unlocks after the unbonding period). */
export const redelegate = (
  flow: TxFlow,
  staking: Address,
  from: Address,
  to: { address: Address; name: string },
  amount: bigint,
): Promise<TxState> =>
  flow.run(
    redelegateCall(staking, from, to.address, amount),
    m.staking_positions_redelegate({ amount: formatToken(amount), operator: to.name }),
    STAKING_TOUCHES,
  );

/** Stakes a position's pending rewards with the same operator. */
export const compound = (flow: TxFlow, staking: Address, operator: { address: Address; name: string }) =>
  flow.run(
    compoundCall(staking, operator.address),
    m.staking_positions_compound({ operator: operator.name }),
    STAKING_TOUCHES,
  );

/** Claims the rewards of every position that has some (`rewards` is their sum, for the label). */
export const claimRewards = (flow: TxFlow, staking: Address, operators: Address[], rewards: bigint) =>
  flow.run(claimRewardsCall(staking, operators), m.staking_positions_claim({ amount: alt(rewards) }), STAKING_TOUCHES);

/** Withdraws one unlocked unbonding request. */
export const withdrawRequest = (flow: TxFlow, staking: Address, id: bigint, amount: bigint) =>
  flow.run(
    withdrawCall(staking, [id]),
    m.staking_positions_withdraw_request({ id: id.toString(), amount: alt(amount) }),
    STAKING_TOUCHES,
  );

/** Withdraws every unlocked request (`amount` is their sum, for the label). */
export const withdrawReady = (flow: TxFlow, staking: Address, ids: bigint[], amount: bigint) =>
  flow.run(withdrawCall(staking, ids), m.staking_positions_withdraw_ready({ amount: alt(amount) }), STAKING_TOUCHES);

/** Completes an unlocked move: the request's ALT is staked with its new operator. */
export const completeMove = (flow: TxFlow, staking: Address, id: bigint, amount: bigint, operatorName: string) =>
  flow.run(
    completeRedelegationCall(staking, id),
    m.staking_positions_complete_move({ amount: alt(amount), operator: operatorName, id: id.toString() }),
    STAKING_TOUCHES,
  );

/** Applies the next page of the slash being applied to `operator` (anyone may send it). */
export const continueSlash = (flow: TxFlow, staking: Address, operator: Address, operatorName: string) =>
  flow.run(
    continueSlashCall(staking, operator),
    m.staking_positions_continue_slash({ operator: operatorName }),
    STAKING_TOUCHES,
  );
