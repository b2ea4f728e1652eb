/**
 * The one way every transaction goes: check → simulate → sign → pending → receipt. Features supply
 * the call and its wording; this module supplies the order, the checks and the error mapping.
 */
import type { Config } from '@wagmi/core';
import { BaseError, encodeFunctionData, type Abi, type Address, type Hex, type TransactionReceipt } from 'viem';
import { estimateContractGas, getTransactionCount, simulateCalls, simulateContract } from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';
import { mapError, type MappedError } from './map-error.ts';
import { followTransaction, type FollowOptions, type FollowResult, type Sent } from './follow-transaction.ts';

export type TxState =
  | { status: 'idle' }
  | { status: 'simulating' }
  | { status: 'signing' }
  /** A batch (EIP-5792) has no transaction hash until it lands. */
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
  /** Called as soon as the wallet returns a hash, so the transaction survives a reload. */
  onSent?: (hash: Hex) => void;
}

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

  report({ status: 'simulating' });
  let gas: bigint;
  let expected: Sent;
  try {
    const request = { ...call, account: ctx.account } as any;
    await simulateContract(ctx.client, request);
    const [estimate, nonce] = await Promise.all([
      estimateContractGas(ctx.client, { ...request, blockTag: 'pending' }),
      getTransactionCount(ctx.client, { address: ctx.account, blockTag: 'pending' }),
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
  ctx.onSent?.(hash);
  report({ status: 'pending', hash });
  return report(
    await settle(ctx.client, hash, expected, {
      // The wallet's own count, its pending transactions included: never the app's RPC's.
      walletNonce: async () => {
        const wallet = await getConnectorClient(ctx.walletConfig, { account: ctx.account, chainId: ctx.chainId });
        return Number(
          await wallet.request({ method: 'eth_getTransactionCount', params: [ctx.account, 'pending'] } as never),
        );
      },
      onUnseen: () => report({ status: 'pending', hash, note: UNSEEN }),
    }),
  );
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
    await simulateContract(client, { ...calls[0], account } as any);
  }
}

/** Runs several calls as one atomic EIP-5792 batch, simulated as a whole first (see simulateBatch). */
export async function runBatch(ctx: TxContext, calls: TxCall[], onState: (state: TxState) => void): Promise<TxState> {
  const report = (state: TxState) => (onState(state), state);
  const { getAccount, sendCalls, waitForCallsStatus } = await import('../web3/wallet-runtime.ts');
  const refused = checkWallet(getAccount(ctx.walletConfig), ctx);
  if (refused) return report(refused);
  report({ status: 'simulating' });
  try {
    await simulateBatch(ctx.client, ctx.account, calls);
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
  report({ status: 'signing' });
  let id: string;
  try {
    ({ id } = await sendCalls(ctx.walletConfig, {
      account: ctx.account,
      chainId: ctx.chainId,
      calls: calls.map((c) => ({
        to: c.address,
        value: c.value,
        data: encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args } as any),
      })),
    }));
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
  report({ status: 'pending' });
  try {
    const result = await waitForCallsStatus(ctx.walletConfig, { id, timeout: 30 * 60_000 });
    const last = result.receipts?.at(-1);
    if (result.status !== 'success' || !last) return report(fail('The batch did not go through on-chain.', 'contract'));
    const receipt = last as unknown as TransactionReceipt;
    ctx.onSent?.(receipt.transactionHash);
    return report({ status: 'success', hash: receipt.transactionHash, receipt });
  } catch (error) {
    return report({ status: 'error', error: mapError(error) });
  }
}
