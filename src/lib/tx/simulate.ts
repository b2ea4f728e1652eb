/**
 * Simulation before any signature: the block a write is simulated at, its gas for the next block,
 * and a batch simulated as the one sequence it will be.
 */
import type { Config } from '@wagmi/core';
import { BaseError, type Address } from 'viem';
import { estimateContractGas, getBlockNumber, simulateCalls, simulateContract } from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';
import { newestBlockOf } from '../rpc/pool.ts';
import type { TxCall } from './tx-call.ts';
import * as m from '../i18n/messages.ts';

/**
 * The block a write is simulated at: the head as the RPC reports it now, or the newest block any of
 * its answers showed lately if that is later (a backend a block behind would otherwise simulate a
 * vote one block after voting opened as if voting had not opened). A backend without that block
 * answers "header not found", which the pool retries elsewhere.
 */
export async function simulationBlock(client: ReadClient): Promise<bigint | undefined> {
  const seen = newestBlockOf(client);
  const head = await getBlockNumber(client, { cacheTime: 0 }).catch(() => undefined);
  if (head === undefined) return seen;
  return seen !== undefined && seen > head ? seen : head;
}

/**
 * The call's gas for the next block. The call was just simulated and passed at the newest block,
 * so a revert here is a backend behind that block: asked twice more, half a second apart.
 */
export async function estimatePending(client: ReadClient, request: TxCall & { account: Address }): Promise<bigint> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await estimateContractGas(client, { ...request, blockTag: 'pending' });
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Whether `error` says the provider has no such method (JSON-RPC -32601, or -32004 "not supported"). */
export function isMethodUnsupported(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown }).code;
  const matches = (e: unknown) =>
    codeOf(e) === -32601 ||
    codeOf(e) === -32004 ||
    /eth_simulateV1\b.*(not (found|supported|available)|does not exist|unsupported)/i.test(
      String((e as Error)?.message),
    );
  return error instanceof BaseError ? !!error.walk(matches) : matches(error);
}

/**
 * Simulates a batch as the one sequence it will be (a stake sees the approval before it), through
 * `eth_simulateV1`; the first call that would fail throws its revert. A provider without that method
 * gets the first call simulated alone, the most a plain `eth_call` can check; the receipts are
 * still checked when the batch lands.
 */
export async function simulateBatch(client: ReadClient, account: Address, calls: TxCall[]): Promise<void> {
  try {
    const { results } = await simulateCalls(client, {
      account,
      blockNumber: await simulationBlock(client),
      calls: calls.map((c) => ({
        to: c.address,
        abi: c.abi,
        functionName: c.functionName,
        args: c.args,
        value: c.value,
      })),
    });
    const failed = results.find((r) => r.status === 'failure');
    if (failed) throw failed.error ?? new Error(m.errors_simulate_batch_fails());
  } catch (error) {
    if (!isMethodUnsupported(error)) throw error;
    await simulateContract(client, { ...calls[0], account, blockNumber: await simulationBlock(client) });
  }
}

/** Whether the wallet reports EIP-5792 atomic batches on `chainId` (one prompt for several calls). */
export async function supportsAtomicBatch(walletConfig: Config, account: Address, chainId: number): Promise<boolean> {
  const { getCapabilities } = await import('../web3/wallet-actions.ts');
  try {
    // EIP-5792's `atomic` capability, or the `atomicBatch` of wallets from before it was renamed.
    const capabilities: { atomic?: { status?: string }; atomicBatch?: { supported?: boolean } } = await getCapabilities(
      walletConfig,
      { account, chainId },
    );
    const status = capabilities?.atomic?.status;
    return status === 'supported' || status === 'ready' || capabilities?.atomicBatch?.supported === true;
  } catch {
    return false;
  }
}
