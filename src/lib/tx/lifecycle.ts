/**
 * The one way every write goes, one call or several: check → simulate → sign → pending → end.
 * Features supply the calls and their wording; this module supplies the order, the checks and the
 * error mapping. One call is a transaction (gas for the next block, the wallet's nonce, followed to
 * its receipt); several are one EIP-5792 batch (simulated as one sequence, followed by the wallet's
 * status). A Safe answers either with its Safe transaction's hash, followed on the Safe.
 */
import type { Config } from '@wagmi/core';
import { encodeFunctionData, type Address, type Hex } from 'viem';
import { getBlockNumber, getTransactionCount, simulateContract } from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';
import { mapErrorWorded } from '../errors/map-error.ts';
import type { Sent } from './follow-transaction.ts';
import type { SafeTracking } from './follow-safe.ts';
import { findSafeTxNonce, readSafe, type PlainCall, type SafeInfo } from '../web3/safe.ts';
import { estimatePending, simulateBatch, simulationBlock } from './simulate.ts';
import { fail, safeProposed, settle, settleBatch, settleSafe, unseen } from './settle.ts';
import type { TxCall, TxState } from './tx-call.ts';
import * as m from '../i18n/messages.ts';

export interface TxContext {
  walletConfig: Config;
  client: ReadClient;
  chainId: number;
  /** The address the app is acting for; the wallet's account must still be this one at signing time. */
  account: Address;
  /**
   * Called as soon as the wallet returns a hash, so the transaction survives a reload: with how to
   * follow it when it is not a transaction hash (a Safe transaction's hash, an EIP-5792 batch's id).
   */
  onSent?: (hash: Hex, follow?: Following) => void;
  /** The chain's Safe Transaction Service, when config.json names one (off-chain confirmations). */
  safeService?: string;
}

/** How a sent action is followed when the wallet's answer is not a transaction hash. */
export type Following = { safe: SafeTracking } | { batch: true };

/**
 * anvil (and some nodes) estimate against the latest block, which undercounts ERC20Votes checkpoint
 * writes in the next one: estimate on `pending` and add a margin.
 */
const GAS_MARGIN_PERCENT = 125n;
/**
 * And room for checkpoints the estimate updated in place but the including block writes anew: on a
 * timestamp clock, a pending block can share the latest block's second (anvil mines several blocks
 * a second) while the block that includes the call falls in the next one. A call writes at most
 * three (its delegate's votes, the votable supply, the delegated supply), each a new slot instead of
 * an update: about 19,200 gas more apiece. Unused gas is not charged.
 */
const CHECKPOINT_HEADROOM = 3n * 20_000n;

/** The refusal when the wallet is not connected as `ctx.account` on `ctx.chainId`, else undefined. */
function checkWallet(
  wallet: { status: string; address?: Address; chainId?: number },
  ctx: TxContext,
): TxState | undefined {
  if (wallet.status !== 'connected' || !wallet.address) return fail(m.errors_tx_flow_connect());
  if (wallet.address.toLowerCase() !== ctx.account.toLowerCase()) {
    return fail(m.errors_lifecycle_account_switched());
  }
  if (wallet.chainId !== ctx.chainId) {
    return fail(m.errors_map_error_wrong_network(), 'wrong-chain');
  }
  return undefined;
}

/** The call as the chain sees it: target, value and calldata (what a Safe and a batch carry). */
const plainOf = (call: TxCall): PlainCall => ({
  to: call.address,
  value: call.value ?? 0n,
  data: encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args }),
});

/** A single call checked for the next block: simulated at the newest block, its gas and the nonce it will take. */
async function prepareOne(
  ctx: TxContext,
  call: TxCall,
  safe: SafeInfo | undefined,
  walletNonce: () => Promise<number>,
) {
  // Gas is estimated for the next block ('pending'), never at a past one: a votes checkpoint
  // written in the block estimated at costs less than the new one the next block writes.
  const [estimate, nonce] = await Promise.all([
    estimatePending(ctx.client, { ...call, account: ctx.account }),
    safe
      ? Promise.resolve(0)
      : walletNonce().catch(() => getTransactionCount(ctx.client, { address: ctx.account, blockTag: 'pending' })),
  ]);
  const expected: Sent = {
    from: ctx.account,
    nonce,
    to: call.address,
    value: call.value ?? 0n,
    input: plainOf(call).data,
  };
  return { gas: (estimate * GAS_MARGIN_PERCENT) / 100n + CHECKPOINT_HEADROOM, expected };
}

/**
 * Sends `calls` through the whole lifecycle, reporting each state; resolves with the last. As a
 * transaction (one call), or as one atomic EIP-5792 batch (`asBatch`, the default for several calls;
 * the caller has checked the wallet takes batches, see supportsAtomicBatch).
 */
export async function send(
  ctx: TxContext,
  calls: TxCall[],
  onState: (state: TxState) => void,
  asBatch = calls.length > 1,
): Promise<TxState> {
  const report = (state: TxState) => (onState(state), state);
  // wagmi's actions load on the first write, not with the first screen.
  const { getAccount, getConnectorClient, writeContract, sendCalls } = await import('../web3/wallet-actions.ts');
  const refused = checkWallet(getAccount(ctx.walletConfig), ctx);
  if (refused) return report(refused);
  const one = asBatch ? undefined : calls[0];

  // The wallet's own count, its pending transactions included: never the app's RPC's, which does not
  // see what the wallet sent privately (the RPC's count only when the wallet cannot say).
  const walletNonce = async () => {
    const wallet = await getConnectorClient(ctx.walletConfig, { account: ctx.account, chainId: ctx.chainId });
    return Number(await wallet.request({ method: 'eth_getTransactionCount', params: [ctx.account, 'pending'] }));
  };

  report({ status: 'simulating' });
  let safe: SafeInfo | undefined;
  let prepared: Awaited<ReturnType<typeof prepareOne>> | undefined;
  try {
    // At the newest block there is, not at whatever a lagging backend calls latest: a vote one block
    // after voting opened is simulated where voting is open (see simulationBlock).
    const simulated = one
      ? simulationBlock(ctx.client).then((blockNumber) =>
          simulateContract(ctx.client, { ...one, account: ctx.account, blockNumber }),
        )
      : simulateBatch(ctx.client, ctx.account, calls);
    [, safe] = await Promise.all([simulated, readSafeOrNone(ctx.client, ctx.account)]);
    if (one) prepared = await prepareOne(ctx, one, safe, walletNonce);
  } catch (error) {
    return report({ status: 'error', error: await mapErrorWorded(error) });
  }

  report({ status: 'signing' });
  let id: Hex;
  try {
    // Re-check right before signing: the account or network may have changed during simulation.
    const now = getAccount(ctx.walletConfig);
    if (now.address?.toLowerCase() !== ctx.account.toLowerCase() || now.chainId !== ctx.chainId) {
      return report(fail(m.errors_lifecycle_changed_while_preparing(), 'wallet-changed'));
    }
    id = one
      ? await writeContract(ctx.walletConfig, {
          ...one,
          account: ctx.account,
          chainId: ctx.chainId,
          gas: prepared!.gas,
        })
      : ((await sendCalls(ctx.walletConfig, { account: ctx.account, chainId: ctx.chainId, calls: calls.map(plainOf) }))
          .id as Hex);
  } catch (error) {
    return report({ status: 'error', error: await mapErrorWorded(error) });
  }
  // A Safe answers with its Safe transaction's hash (a batch's is one Safe transaction, a MultiSend):
  // the owners confirm, then one executes it.
  if (safe && /^0x[0-9a-fA-F]{64}$/.test(id))
    return report(await sentToSafe(ctx, safe, id, calls.map(plainOf), report));
  if (!one) {
    ctx.onSent?.(id, { batch: true });
    report({ status: 'pending' });
    return report(await settleBatch(ctx.walletConfig, id));
  }
  ctx.onSent?.(id);
  report({ status: 'pending', hash: id });
  return report(
    await settle(ctx.client, id, prepared!.expected, {
      walletNonce,
      onUnseen: () => report({ status: 'pending', hash: id, note: unseen() }),
    }),
  );
}

/** `account` as a Safe, or undefined (an EOA, another contract, or a read that failed). */
const readSafeOrNone = (client: ReadClient, account: Address) => readSafe(client, account).catch(() => undefined);

/** Tracks a Safe transaction from the moment the wallet returns its hash, and follows it to its end. */
async function sentToSafe(
  ctx: TxContext,
  safe: SafeInfo,
  hash: Hex,
  calls: PlainCall[],
  report: (state: TxState) => TxState,
): Promise<TxState> {
  const txNonce = findSafeTxNonce(safe.address, ctx.chainId, calls, hash, safe.nonce);
  const tracking: SafeTracking = {
    safe: safe.address,
    owners: safe.owners,
    nonce: safe.nonce.toString(),
    txNonce: txNonce?.toString(),
    block: (await getBlockNumber(ctx.client, { cacheTime: 0 }).catch(() => 0n)).toString(),
  };
  ctx.onSent?.(hash, { safe: tracking });
  report({ status: 'pending', note: safeProposed() });
  return settleSafe(ctx.client, hash, tracking, (note) => report({ status: 'pending', note }), ctx.safeService);
}
