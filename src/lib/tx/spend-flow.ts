/**
 * One flow for every action that spends the user's tokens through a contract (stake, wrap into voting
 * power): the fewest prompts the wallet allows, and never an unlimited approval.
 * 1. A wallet with EIP-5792 atomic batches: approve exactly + the action, one prompt.
 * 2. A token with permits, and an account that signs with its own key (an EOA, an EIP-7702 one
 *    included): one signature, then one transaction.
 * 3. Otherwise (a contract account such as a Safe, whose EIP-1271 signature a permit cannot take, or
 *    a wallet that cannot sign a permit): approve exactly, then the action.
 * A "no" ends the flow: declining the permit signature never opens an approval prompt instead.
 */
import type { Address } from 'viem';
import { altLayerTokenAbi } from '../contracts/generated.ts';
import { signPermit, type Permit } from '../contracts/permit.ts';
import { formatToken } from '../format/amount.ts';
import type { Config } from '@wagmi/core';
import type { ReadClient } from '../web3/chains.ts';
import { readAccountKind, type AccountKind } from '../web3/account-kind.ts';
import { type TxCall, type TxState, txCall } from './tx-call.ts';
import type { TxFlow } from './tx-flow.svelte.ts';
import type { Touches } from '../query/keys.ts';
import * as m from '../i18n/messages.ts';

export interface SpendPlan {
  /** The token spent, its symbol, and the contract that takes it. */
  token: Address;
  symbol: string;
  spender: Address;
  amount: bigint;
  /** The allowance the screen read; an approval is skipped when it already covers the amount. */
  allowance: bigint;
  /** The action once an allowance exists. */
  call: TxCall;
  /** The same action taking a permit in one transaction; undefined when the contract has no such path. */
  withPermit?: (permit: Permit) => TxCall;
  /** The token's permit domain and the account's nonce; undefined when the token takes no permits. */
  permit?: { domain: { name: string; version: string }; nonce: bigint; deadline: bigint };
  label: string;
  touches: Touches;
}

export interface SpendContext {
  flow: TxFlow;
  /** The app's read client: whether the account is a contract is read through it. */
  client: ReadClient;
  walletConfig: Config;
  account: Address;
  chainId: number;
}

export interface SpendResult {
  state: TxState;
  /** How the flow went when it had to fall back, for the user. */
  notice?: string;
}

/** An exact-amount approval: never more than the action spends. */
export const approveCall = (token: Address, spender: Address, amount: bigint) =>
  txCall({
    address: token,
    abi: altLayerTokenAbi,
    functionName: 'approve',
    args: [spender, amount],
  });

/** Runs `plan` by the path with the fewest prompts; see the module comment. */
export async function spend(ctx: SpendContext, plan: SpendPlan): Promise<SpendResult> {
  const { flow } = ctx;
  // The transaction machinery loads when the user acts, not with the page that shows the form.
  const { supportsAtomicBatch } = await import('./simulate.ts');
  if (await supportsAtomicBatch(ctx.walletConfig, ctx.account, ctx.chainId)) {
    const calls =
      plan.allowance >= plan.amount ? [plan.call] : [approveCall(plan.token, plan.spender, plan.amount), plan.call];
    return { state: await flow.runBatch(calls, m.errors_spend_flow_one_batch({ label: plan.label }), plan.touches) };
  }
  // Asked only when a permit is possible; a failed read takes the path every account can use.
  const kind: AccountKind | 'unknown' =
    plan.permit && plan.withPermit
      ? await readAccountKind(ctx.client, ctx.account).catch(() => 'unknown' as const)
      : 'eoa';
  if (plan.permit && plan.withPermit && kind === 'eoa') {
    const permit = plan.permit;
    let signingFailed = false;
    const state = await flow.run(
      async () => {
        try {
          const signed = await signPermit(ctx.walletConfig, {
            account: ctx.account,
            token: plan.token,
            spender: plan.spender,
            chainId: ctx.chainId,
            domain: permit.domain,
            nonce: permit.nonce,
            amount: plan.amount,
            deadline: permit.deadline,
          });
          return plan.withPermit!(signed);
        } catch (error) {
          signingFailed = true;
          throw error;
        }
      },
      plan.label,
      plan.touches,
    );
    // Success, a failure after signing, or a "no" at the signature: the flow ends here.
    if (!signingFailed || (state.status === 'error' && state.error.kind === 'rejected')) return { state };
  }
  const why = {
    contract: m.errors_spend_flow_notice_contract,
    unknown: m.errors_spend_flow_notice_unknown,
    eoa: m.errors_spend_flow_notice_eoa,
  }[kind];
  const notice = plan.permit ? why() : undefined;
  if (plan.allowance < plan.amount) {
    const approved = await flow.run(
      approveCall(plan.token, plan.spender, plan.amount),
      m.errors_spend_flow_approve({ amount: formatToken(plan.amount, plan.symbol) }),
      plan.touches,
    );
    if (approved.status !== 'success') return { state: approved, notice };
    return {
      state: await flow.run(plan.call, m.errors_spend_flow_second({ label: plan.label }), plan.touches),
      notice,
    };
  }
  // The allowance already covers it: one transaction, no approval to explain.
  return { state: await flow.run(plan.call, plan.label, plan.touches) };
}
