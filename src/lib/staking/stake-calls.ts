/**
 * Staking writes as contract calls. Approvals and permits are the shared spend flow's
 * (lib/tx/spend-flow.ts): always for the exact amount, never unlimited.
 */
import type { Address } from 'viem';
import { altStakingAbi } from '../contracts/generated.ts';
import { permitArgs, type Permit } from '../contracts/permit.ts';
import { type TxCall, txCall } from '../tx/tx-call.ts';
import type { Touches } from '../query/keys.ts';

export const stakeCall = (staking: Address, operator: Address, amount: bigint) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'stake',
    args: [operator, amount],
  });

export const stakeWithPermitCall = (staking: Address, operator: Address, permit: Permit): TxCall => {
  const [amount, deadline, v, r, s] = permitArgs(permit);
  return txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'stakeWithPermit',
    args: [operator, amount, deadline, v, r, s],
  });
};

/** Unstakes `amount`, or the whole position (no dust left behind) when `all` is set. */
export const unstakeCall = (staking: Address, operator: Address, amount: bigint, all: boolean): TxCall =>
  all
    ? txCall({ address: staking, abi: altStakingAbi, functionName: 'unstakeAll', args: [operator] })
    : txCall({ address: staking, abi: altStakingAbi, functionName: 'unstake', args: [operator, amount] });

/** Starts moving `amount` from `from` to `to`: it unbonds first and arrives when it unlocks. */
export const redelegateCall = (staking: Address, from: Address, to: Address, amount: bigint) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'redelegate',
    args: [from, to, amount],
  });

/** Stakes an unlocked redelegation with its new operator. */
export const completeRedelegationCall = (staking: Address, requestId: bigint) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'completeRedelegation',
    args: [requestId],
  });

export const withdrawCall = (staking: Address, requestIds: bigint[]) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'withdraw',
    args: [requestIds],
  });

export const claimRewardsCall = (staking: Address, operators: Address[]) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'claimRewards',
    args: [operators],
  });

export const compoundCall = (staking: Address, operator: Address) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'compound',
    args: [operator],
  });

/** Query roots a staking transaction changes (staked ALT votes: voting power too, never the proposals). */
export const STAKING_TOUCHES: Touches = ['staking', 'overview', 'balances', 'votes'];
