/**
 * One flow for every action that spends the user's tokens through a contract (stake, wrap into voting
 * power): the fewest prompts the wallet allows, and never an unlimited approval.
 * 1. A wallet with EIP-5792 atomic batches: approve exactly + the action, one prompt.
 * 2. A token with permits: one signature, then one transaction.
 * 3. Otherwise (or if the wallet cannot sign a permit): approve exactly, then the action.
 * A "no" ends the flow: declining the permit signature never opens an approval prompt instead.
 */
import type { Address } from 'viem';
import { altLayerTokenAbi } from '../contracts/generated.ts';
import { signPermit, type Permit } from '../contracts/permit.ts';
import { formatToken } from '../format/amount.ts';
import type { Config } from '@wagmi/core';
import type { TxCall, TxState } from './lifecycle.ts';
import type { TxFlow } from './tx-flow.svelte.ts';

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
  touches: string[];
}

export interface SpendContext {
  flow: TxFlow;
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
export const approveCall = (token: Address, spender: Address, amount: bigint): TxCall => ({
  address: token,
  abi: altLayerTokenAbi,
  functionName: 'approve',
  args: [spender, amount],
});

/** Runs `plan` by the path with the fewest prompts; see the module comment. */
export async function spend(ctx: SpendContext, plan: SpendPlan): Promise<SpendResult> {
  const { flow } = ctx;
  // The transaction machinery loads when the user acts, not with the page that shows the form.
  const { supportsAtomicBatch } = await import('./lifecycle.ts');
  if (await supportsAtomicBatch(ctx.walletConfig, ctx.account, ctx.chainId)) {
    const calls =
      plan.allowance >= plan.amount ? [plan.call] : [approveCall(plan.token, plan.spender, plan.amount), plan.call];
    return { state: await flow.runBatch(calls, `${plan.label} (one batch)`, plan.touches) };
  }
  if (plan.permit && plan.withPermit) {
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
  const notice = plan.permit
    ? 'Your wallet could not sign a permit, so this uses an exact-amount approval and then the action: two transactions.'
    : undefined;
  if (plan.allowance < plan.amount) {
    const approved = await flow.run(
      approveCall(plan.token, plan.spender, plan.amount),
      `Approve exactly ${formatToken(plan.amount, plan.symbol)} (1 of 2)`,
      plan.touches,
    );
    if (approved.status !== 'success') return { state: approved, notice };
    return { state: await flow.run(plan.call, `${plan.label} (2 of 2)`, plan.touches), notice };
  }
  return { state: await flow.run(plan.call, plan.label, plan.touches), notice };
}
