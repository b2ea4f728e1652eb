/**
 * The one way every transaction goes: check → simulate → sign → pending → receipt. Features supply
 * the call and its wording; this module supplies the order, the checks and the error mapping.
 */
import type { Config } from '@wagmi/core';
import { BaseError, encodeFunctionData, type Abi, type Address, type Hex, type TransactionReceipt } from 'viem';
import {
  estimateContractGas,
  getBlockNumber,
  getTransactionCount,
  simulateCalls,
  simulateContract,
} from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';
import { newestBlockOf } from '../rpc/pool.ts';
import { mapError, type MappedError } from './map-error.ts';
import { followTransaction, type FollowOptions, type FollowResult, type Sent } from './follow-transaction.ts';
import { followSafeTransaction, type SafeFollowResult, type SafeTracking } from './follow-safe.ts';
import { findSafeTxNonce, readSafe, type PlainCall, type SafeInfo } from '../web3/safe.ts';

export type TxState =
  | { status: 'idle' }
  | { status: 'simulating' }
  | { status: 'signing' }
  /** A batch (EIP-5792) and a Safe transaction have no transaction hash until they land. */
  | { status: 'pending'; hash?: Hex; note?: string }
  /** `hash` is the transaction that was mined: a sped-up replacement's, when `note` says so. */
  | { status: 'success'; hash: Hex; receipt: TransactionReceipt; note?: string }
  | { status: 'error'; error: MappedError; hash?: Hex };

export interface TxCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

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

function fail(message: string, kind: MappedError['kind'] = 'unknown'): TxState {
  return { status: 'error', error: { kind, message } };
}

/** The refusal when the wallet is not connected as `ctx.account` on `ctx.chainId`, else undefined. */
function checkWallet(
  wallet: { status: string; address?: Address; chainId?: number },
  ctx: TxContext,
): TxState | undefined {
  if (wallet.status !== 'connected' || !wallet.address) return fail('Connect a wallet first.');
  if (wallet.address.toLowerCase() !== ctx.account.toLowerCase()) {
    return fail('The wallet switched to another account. Check the details and try again.');
  }
  if (wallet.chainId !== ctx.chainId) {
    return fail('Your wallet is on a different network. Switch network and try again.', 'wrong-chain');
  }
  return undefined;
}

/**
 * The block a write is simulated at: the head as the RPC reports it now, or the newest block any of
 * its answers showed lately if that is later (a backend a block behind would otherwise simulate a
 * vote one block after voting opened as if voting had not opened). A backend without that block
 * answers "header not found", which the pool retries elsewhere.
 */
async function simulationBlock(client: ReadClient): Promise<bigint | undefined> {
  const seen = newestBlockOf(client);
  const head = await getBlockNumber(client, { cacheTime: 0 }).catch(() => undefined);
  if (head === undefined) return seen;
  return seen !== undefined && seen > head ? seen : head;
}

/**
 * The call's gas for the next block. The call was just simulated and passed at the newest block,
 * so a revert here is a backend behind that block: asked twice more, half a second apart.
 */
async function estimatePending(client: ReadClient, request: any): Promise<bigint> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await estimateContractGas(client, { ...request, blockTag: 'pending' });
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Runs one contract write through the whole lifecycle, reporting each state; resolves with the last. */
export async function runTransaction(
  ctx: TxContext,
  call: TxCall,
  onState: (state: TxState) => void,
): Promise<TxState> {
  const report = (state: TxState) => (onState(state), state);
  // wagmi's actions load on the first write, not with the first screen.
  const { getAccount, getConnectorClient, writeContract } = await import('../web3/wallet-runtime.ts');
  const refused = checkWallet(getAccount(ctx.walletConfig), ctx);
  if (refused) return report(refused);

  // The wallet's own count, its pending transactions included: never the app's RPC's, which does not
  // see what the wallet sent privately (the RPC's count only when the wallet cannot say).
  const walletNonce = async () => {
    const wallet = await getConnectorClient(ctx.walletConfig, { account: ctx.account, chainId: ctx.chainId });
    return Number(
      await wallet.request({ method: 'eth_getTransactionCount', params: [ctx.account, 'pending'] } as never),
    );
  };

  report({ status: 'simulating' });
  let gas: bigint;
  let expected: Sent;
  let safe: SafeInfo | undefined;
  try {
    const request = { ...call, account: ctx.account } as any;
    // At the newest block there is, not at whatever a lagging backend calls latest: a vote one block
    // after voting opened is simulated where voting is open (see simulationBlock).
    const blockNumber = await simulationBlock(ctx.client);
    [, safe] = await Promise.all([
      simulateContract(ctx.client, { ...request, blockNumber }),
      readSafeOrNone(ctx.client, ctx.account),
    ]);
    // Gas is estimated for the next block ('pending'), never at a past one: a votes checkpoint
    // written in the block estimated at costs less than the new one the next block writes.
    const [estimate, nonce] = await Promise.all([
      estimatePending(ctx.client, request),
      safe
        ? Promise.resolve(0)
        : walletNonce().catch(() => getTransactionCount(ctx.client, { address: ctx.account, blockTag: 'pending' })),
    ]);
    gas = (estimate * GAS_MARGIN_PERCENT) / 100n;
    expected = {
      from: ctx.account,
      nonce,
      to: call.address,
      value: call.value ?? 0n,
      input: encodeFunctionData(call as any),
    };
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }

  report({ status: 'signing' });
  let hash: Hex;
  try {
    // Re-check right before signing: the account or network may have changed during simulation.
    const now = getAccount(ctx.walletConfig);
    if (now.address?.toLowerCase() !== ctx.account.toLowerCase() || now.chainId !== ctx.chainId) {
      return report(
        fail('The wallet changed account or network while preparing. Nothing was sent; try again.', 'wallet-changed'),
      );
    }
    hash = await writeContract(ctx.walletConfig, { ...(call as any), account: ctx.account, chainId: ctx.chainId, gas });
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
  if (safe) {
    // A Safe answers with its Safe transaction's hash: the owners confirm, then one executes it.
    const safeCall = { to: call.address, value: call.value ?? 0n, data: expected.input };
    return report(await sentToSafe(ctx, safe, hash, [safeCall], report));
  }
  ctx.onSent?.(hash);
  report({ status: 'pending', hash });
  return report(
    await settle(ctx.client, hash, expected, {
      walletNonce,
      onUnseen: () => report({ status: 'pending', hash, note: UNSEEN }),
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
  report({ status: 'pending', note: SAFE_PROPOSED });
  return settleSafe(ctx.client, hash, tracking, (note) => report({ status: 'pending', note }), ctx.safeService);
}

/** What a Safe transaction waits as before its first read of the Safe. */
export const SAFE_PROPOSED = 'Proposed to your Safe: waiting for its owners to confirm it.';

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
    return { status: 'error', error: mapError(error) };
  }
  switch (result.kind) {
    case 'executed':
      return {
        status: 'success',
        hash: result.receipt.transactionHash,
        receipt: result.receipt,
        note: 'Executed by your Safe',
      };
    case 'failed':
      return {
        status: 'error',
        hash: result.receipt.transactionHash,
        error: {
          kind: 'contract',
          message: `Your Safe executed it in block ${result.receipt.blockNumber}, but the call failed, so nothing changed. Check the Safe app.`,
        },
      };
    case 'replaced':
      return {
        status: 'error',
        error: {
          kind: 'replaced',
          message:
            'Your Safe executed another transaction with the same nonce (a rejection, or another transaction in its place), so this one can never execute.',
        },
      };
  }
}

/** What a sent transaction the network does not show, whose nonce is still unused, is waiting as. */
export const UNSEEN =
  'Sent, but the network does not show it yet: your wallet may have sent it privately. Waiting for it to be mined; your account has sent nothing else in its place.';

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
    return { status: 'error', hash, error: mapError(error) };
  }
}

/** The final state for how a transaction ended. */
export function settled(hash: Hex, result: FollowResult): TxState {
  const reverted = (receipt: TransactionReceipt, what: string): TxState => ({
    status: 'error',
    hash: receipt.transactionHash,
    error: { kind: 'contract', message: `${what} was mined in block ${receipt.blockNumber} but reverted.` },
  });
  const gone = (message: string): TxState => ({ status: 'error', hash, error: { kind: 'dropped', message } });
  switch (result.kind) {
    case 'mined':
      return result.receipt.status === 'reverted'
        ? reverted(result.receipt, 'The transaction')
        : { status: 'success', hash, receipt: result.receipt };
    case 'replaced': {
      const { receipt, reason } = result;
      if (reason === 'repriced' && receipt) {
        if (receipt.status === 'reverted') return reverted(receipt, 'The sped-up transaction');
        return { status: 'success', hash: receipt.transactionHash, receipt, note: 'Sped up in your wallet' };
      }
      const message =
        reason === 'cancelled'
          ? 'You cancelled this transaction in your wallet: the cancellation was mined instead, so nothing else happened.'
          : 'Another transaction from your account took its place (same nonce), so this one will never be mined. Check your wallet.';
      return { status: 'error', hash, error: { kind: 'replaced', message } };
    }
    case 'dropped':
      return gone(
        'The network dropped this transaction: it will not be mined and nothing was spent. You can submit it again.',
      );
    case 'vanished':
      return gone(
        'The network does not know this transaction: it was dropped, or replaced in your wallet. Check your wallet before submitting again.',
      );
  }
}

/** Whether the wallet reports EIP-5792 atomic batches on `chainId` (one prompt for several calls). */
export async function supportsAtomicBatch(walletConfig: Config, account: Address, chainId: number): Promise<boolean> {
  const { getCapabilities } = await import('../web3/wallet-runtime.ts');
  try {
    const capabilities = (await getCapabilities(walletConfig, { account, chainId })) as Record<string, any>;
    const status = capabilities?.atomic?.status;
    return status === 'supported' || status === 'ready' || capabilities?.atomicBatch?.supported === true;
  } catch {
    return false;
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
    } as never);
    const failed = (results as readonly { status: string; error?: Error }[]).find((r) => r.status === 'failure');
    if (failed) throw failed.error ?? new Error('The batch would fail.');
  } catch (error) {
    if (!isMethodUnsupported(error)) throw error;
    await simulateContract(client, { ...calls[0], account, blockNumber: await simulationBlock(client) } as any);
  }
}

/**
 * Runs several calls as one atomic EIP-5792 batch, simulated as a whole first (see simulateBatch),
 * tracked from the moment the wallet accepts it. A Safe's batch is one Safe transaction (a
 * MultiSend), followed on the Safe like any other; another wallet's is followed by its call status.
 */
export async function runBatch(ctx: TxContext, calls: TxCall[], onState: (state: TxState) => void): Promise<TxState> {
  const report = (state: TxState) => (onState(state), state);
  const { getAccount, sendCalls } = await import('../web3/wallet-runtime.ts');
  const refused = checkWallet(getAccount(ctx.walletConfig), ctx);
  if (refused) return report(refused);
  report({ status: 'simulating' });
  const plain = calls.map((c) => ({
    to: c.address,
    value: c.value ?? 0n,
    data: encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args } as any),
  }));
  let safe: SafeInfo | undefined;
  try {
    [, safe] = await Promise.all([
      simulateBatch(ctx.client, ctx.account, calls),
      readSafeOrNone(ctx.client, ctx.account),
    ]);
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
  report({ status: 'signing' });
  let id: string;
  try {
    ({ id } = await sendCalls(ctx.walletConfig, { account: ctx.account, chainId: ctx.chainId, calls: plain }));
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
  // Safe wallets name a batch by its Safe transaction's hash.
  if (safe && /^0x[0-9a-fA-F]{64}$/.test(id)) return report(await sentToSafe(ctx, safe, id as Hex, plain, report));
  ctx.onSent?.(id as Hex, { batch: true });
  report({ status: 'pending' });
  return report(await settleBatch(ctx.walletConfig, id));
}

/**
 * Waits for a batch's status from the wallet; it succeeded only if every receipt did. After a
 * reload the wallet may still be loading or reconnecting (`walletConfig` throws, or the connector is
 * not connected yet): that is waited out for a minute. A wallet that does not know the batch says so.
 */
export async function settleBatch(walletConfig: Config | (() => Config), id: string): Promise<TxState> {
  const { waitForCallsStatus } = await import('../web3/wallet-runtime.ts');
  for (let attempt = 0; ; attempt++) {
    try {
      const config = typeof walletConfig === 'function' ? walletConfig() : walletConfig;
      const result = await waitForCallsStatus(config, { id, timeout: 30 * 60_000 });
      const receipts = (result.receipts ?? []) as unknown as TransactionReceipt[];
      const last = receipts.at(-1);
      if (result.status !== 'success' || !last || receipts.some((r) => r.status !== 'success'))
        return fail('The batch did not go through on-chain.', 'contract');
      return { status: 'success', hash: last.transactionHash, receipt: last };
    } catch (error) {
      // EIP-5792's "unknown bundle id", or a wallet without the method: waiting will not help.
      const final =
        error instanceof BaseError && !!error.walk((e) => [5730, 4200].includes((e as { code?: number }).code!));
      if (final || attempt >= 30) return { status: 'error', error: mapError(error) };
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
