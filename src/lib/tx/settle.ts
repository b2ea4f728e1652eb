/**
 * How a sent action ends, followed to the end: a transaction (mined, reverted, sped up, cancelled,
 * replaced, dropped), a Safe transaction (executed, failed, replaced) and an EIP-5792 batch. Also
 * what the transaction list uses to keep following after a reload.
 */
import type { Config } from '@wagmi/core';
import { BaseError, type Hex, type TransactionReceipt } from 'viem';
import type { ReadClient } from '../web3/chains.ts';
import { mapErrorWorded, type MappedError } from '../errors/map-error.ts';
import { followTransaction, type FollowOptions, type FollowResult, type Sent } from './follow-transaction.ts';
import { followSafeTransaction, type SafeFollowResult, type SafeTracking } from './follow-safe.ts';
import type { TxState } from './tx-call.ts';
import * as m from '../i18n/messages.ts';

export const fail = (message: string, kind: MappedError['kind'] = 'unknown'): TxState => ({
  status: 'error',
  error: { kind, message },
});

/** What a Safe transaction waits as before its first read of the Safe. */
export const safeProposed = () => m.errors_settle_safe_proposed();

/** Follows a Safe transaction to its end (see follow-safe.ts); `onProgress` gets the waiting state. */
export async function settleSafe(
  client: ReadClient,
  hash: Hex,
  tracking: SafeTracking,
  onProgress?: (note: string) => void,
  service?: string,
): Promise<TxState> {
  let result: SafeFollowResult;
  try {
    result = await followSafeTransaction(client, hash, tracking, { onProgress, service });
  } catch (error) {
    return { status: 'error', error: await mapErrorWorded(error) };
  }
  switch (result.kind) {
    case 'executed':
      return {
        status: 'success',
        hash: result.receipt.transactionHash,
        receipt: result.receipt,
        note: m.errors_settle_safe_executed(),
      };
    case 'failed':
      return {
        status: 'error',
        hash: result.receipt.transactionHash,
        error: {
          kind: 'contract',
          message: m.errors_settle_safe_failed({ block: result.receipt.blockNumber }),
        },
      };
    case 'replaced':
      return {
        status: 'error',
        error: {
          kind: 'replaced',
          message: m.errors_settle_safe_replaced(),
        },
      };
  }
}

/** What a sent transaction the network does not show, whose nonce is still unused, is waiting as. */
export const unseen = () => m.errors_settle_unseen();

/** Follows a sent transaction to its end: mined, reverted, sped up, cancelled, replaced or dropped. */
export async function settle(
  client: ReadClient,
  hash: Hex,
  expected?: Sent,
  wallet: Pick<FollowOptions, 'walletNonce' | 'onUnseen'> = {},
): Promise<TxState> {
  try {
    return settled(hash, await followTransaction(client, hash, { expected, ...wallet }));
  } catch (error) {
    return { status: 'error', hash, error: await mapErrorWorded(error) };
  }
}

/** The final state for how a transaction ended. */
export function settled(hash: Hex, result: FollowResult): TxState {
  const reverted = (receipt: TransactionReceipt, sentence: (i: { block: bigint }) => string): TxState => ({
    status: 'error',
    hash: receipt.transactionHash,
    error: { kind: 'contract', message: sentence({ block: receipt.blockNumber }) },
  });
  const gone = (message: string): TxState => ({ status: 'error', hash, error: { kind: 'dropped', message } });
  switch (result.kind) {
    case 'mined':
      return result.receipt.status === 'reverted'
        ? reverted(result.receipt, m.errors_settle_reverted)
        : { status: 'success', hash, receipt: result.receipt };
    case 'replaced': {
      const { receipt, reason } = result;
      if (reason === 'repriced' && receipt) {
        if (receipt.status === 'reverted') return reverted(receipt, m.errors_settle_sped_up_reverted);
        return { status: 'success', hash: receipt.transactionHash, receipt, note: m.errors_settle_sped_up() };
      }
      const message = reason === 'cancelled' ? m.errors_settle_cancelled() : m.errors_settle_replaced();
      return { status: 'error', hash, error: { kind: 'replaced', message } };
    }
    case 'dropped':
      return gone(m.errors_settle_dropped());
    case 'vanished':
      return gone(m.errors_settle_vanished());
  }
}

/**
 * Waits for a batch's status from the wallet; it succeeded only if every receipt did. After a
 * reload the wallet may still be loading or reconnecting (`walletConfig` throws, or the connector is
 * not connected yet): that is waited out for a minute. A wallet that does not know the batch says so.
 */
export async function settleBatch(walletConfig: Config | (() => Config), id: string): Promise<TxState> {
  const { waitForCallsStatus } = await import('../web3/wallet-actions.ts');
  for (let attempt = 0; ; attempt++) {
    try {
      const config = typeof walletConfig === 'function' ? walletConfig() : walletConfig;
      const result = await waitForCallsStatus(config, { id, timeout: 30 * 60_000 });
      const receipts = (result.receipts ?? []) as unknown as TransactionReceipt[];
      const last = receipts.at(-1);
      if (result.status !== 'success' || !last || receipts.some((r) => r.status !== 'success'))
        return fail(m.errors_settle_batch_failed(), 'contract');
      return { status: 'success', hash: last.transactionHash, receipt: last };
    } catch (error) {
      // EIP-5792's "unknown bundle id", or a wallet without the method: waiting will not help.
      const final =
        error instanceof BaseError && !!error.walk((e) => [5730, 4200].includes((e as { code?: number }).code!));
      if (final || attempt >= 30) return { status: 'error', error: await mapErrorWorded(error) };
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
