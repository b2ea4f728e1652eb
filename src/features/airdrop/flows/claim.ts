/**
 * The airdrop writes: a claim as plain ALT, into a stake, or as voting power (with the claimant's
 * delegation signature when the delegate changes), and the sweep of what is unclaimed once the
 * window has closed. Each names itself in the transaction list and refreshes what it changes.
 */
import type { Address } from 'viem';
import { zeroAddress } from 'viem';
import { readContract } from 'viem/actions';
import { altLayerTokenAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import { mapErrorWorded } from '../../../lib/errors/map-error.ts';
import { formatToken } from '../../../lib/format/amount.ts';
import { STAKING_TOUCHES } from '../../../lib/staking/stake-calls.ts';
import { stakeSpend, type StakeSpend } from '../../../lib/staking/stake-spend.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { readBatch } from '../../../lib/web3/read-batch.ts';
import type { SpendContext, SpendResult } from '../../../lib/tx/spend-flow.ts';
import type { TxState } from '../../../lib/tx/tx-call.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import type { DelegationSignature } from '../../../lib/votes/delegation-signature.ts';
import { CLAIM_TOUCHES, claimCall, claimToVotesCall, type ClaimTarget } from '../claim-calls.ts';
import {
  claimToStakePlan,
  type ClaimToStakePlan,
  type ClaimToStakeRequest,
  type ClaimToStakeStep,
} from '../claim-to-stake.ts';
import * as m from '../../../lib/i18n/messages.ts';

/** Claims the allocation as plain ALT (`amountText` names it in the list). */
export const claim = (flow: TxFlow, target: ClaimTarget, amountText: string) =>
  flow.run(claimCall(target), m.airdrop_claim_panel_claim_amount({ amount: amountText }), CLAIM_TOUCHES);

/**
 * Claims the allocation as voting power delegated to `to` (`yourself` when it is the claimant);
 * `sign` asks the wallet for the delegation signature first when the delegate changes.
 */
export const claimToVotes = (
  flow: TxFlow,
  target: ClaimTarget,
  to: { address: Address; yourself: boolean },
  amountText: string,
  sign?: () => Promise<DelegationSignature>,
) =>
  flow.run(
    sign ? async () => claimToVotesCall(target, to.address, await sign()) : claimToVotesCall(target, to.address),
    to.yourself
      ? m.airdrop_claim_flow_votes_self({ amount: amountText })
      : m.airdrop_claim_flow_votes_to({ amount: amountText, address: to.address }),
    CLAIM_TOUCHES,
  );

export interface ClaimToStakeContext extends SpendContext {
  chain: ChainConfig;
  alt: StakeSpend['alt'];
  operatorName: string;
}

/**
 * Claims and stakes as `request` asks (claim-to-stake.ts): one batch where the wallet takes EIP-5792
 * batches (a Safe included), else the plan's steps in order, the whole sequence simulated first so
 * that nothing is asked of the wallet for a plan that would fail part way. The delegate a claim keeps
 * is read again here, not taken from when the page loaded. A "no" or a failure at any step ends it;
 * the notice says what has already happened.
 */
export async function claimToStake(ctx: ClaimToStakeContext, request: ClaimToStakeRequest): Promise<SpendResult> {
  const { flow, client, account } = ctx;
  const fail = async (error: unknown): Promise<SpendResult> => {
    const state: TxState = { status: 'error', error: await mapErrorWorded(error) };
    flow.state = state;
    return { state };
  };
  let plan: ClaimToStakePlan;
  try {
    const current =
      request.votes &&
      (await readContract(client, {
        address: request.votes.address,
        abi: altVotesAbi,
        functionName: 'delegates',
        args: [account],
      }));
    plan = claimToStakePlan(
      request.votes
        ? { ...request, votes: { ...request.votes, current: current === zeroAddress ? undefined : current } }
        : request,
    );
  } catch (error) {
    return fail(error);
  }
  const { simulateBatch, supportsAtomicBatch } = await import('../../../lib/tx/simulate.ts');
  const touches = [...new Set([...CLAIM_TOUCHES, ...STAKING_TOUCHES])];
  if (await supportsAtomicBatch(ctx.walletConfig, account, ctx.chainId))
    return {
      state: await flow.runBatch(plan.calls, m.airdrop_claim_flow_batch({ operator: ctx.operatorName }), touches),
    };
  try {
    await simulateBatch(client, account, plan.calls);
  } catch (error) {
    return fail(error);
  }
  const done: ClaimToStakeStep[] = [];
  let state: TxState = { status: 'idle' };
  let notice: string | undefined;
  const count = plan.steps.length;
  for (const [i, step] of plan.steps.entries()) {
    const of = count > 1 ? m.airdrop_claim_flow_step({ step: i + 1, count }) : '';
    if (step.kind === 'send') {
      state = await flow.run(step.call, `${step.what} ${of}`.trim(), touches);
    } else {
      // Read now, after the claim: the allowance and permit nonce the stake's own prompt depends on,
      // with the chain time its permit counts from, in one Multicall3 call.
      const alt = { address: ctx.alt.address, abi: altLayerTokenAbi } as const;
      let read;
      try {
        read = await readBatch(client, ctx.chain, {
          allowance: { ...alt, functionName: 'allowance', args: [account, request.staking] },
          nonce: { ...alt, functionName: 'nonces', args: [account] },
        });
      } catch (error) {
        state = (await fail(error)).state;
        break;
      }
      const result = await stakeSpend(ctx, {
        alt: ctx.alt,
        staking: request.staking,
        operator: request.operator,
        operatorName: ctx.operatorName,
        amount: step.amount,
        allowance: read.values.allowance,
        nonce: read.values.nonce,
        chainTime: read.chainTime,
        step: of,
        touches,
      });
      state = result.state;
      notice = result.notice;
    }
    if (state.status !== 'success') break;
    done.push(step);
  }
  if (state.status === 'success' || done.length === 0) return { state, notice };
  // Stopped part way: what has happened stays, and is said.
  const symbol = ctx.alt.symbol;
  const stopped = done.some((step) => step.kind === 'stake' || step.call.functionName === 'claimAndStake')
    ? m.airdrop_claim_flow_stopped_delegate()
    : done.some((step) => step.kind === 'send' && step.call.functionName === 'withdrawTo')
      ? m.airdrop_claim_flow_stopped_unwrapped({ amount: formatToken(plan.staked, symbol), symbol })
      : plan.rest.as === 'votes'
        ? m.airdrop_claim_flow_stopped_votes()
        : m.airdrop_claim_flow_stopped_plain({ symbol });
  return { state, notice: notice ? `${stopped} ${notice}` : stopped };
}
