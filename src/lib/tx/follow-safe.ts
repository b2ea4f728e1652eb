/**
 * Follows a Safe transaction from the hash a Safe wallet returns (its `safeTxHash`, not a transaction
 * hash) to its execution, from the Safe contract alone: owners' on-chain confirmations and the
 * Safe's nonce each poll (one multicall), and, once the nonce moves, the block that moved it (a few
 * batched nonce reads) and that block's `ExecutionSuccess`/`ExecutionFailure` logs. It never calls a
 * Safe transaction dropped: until the Safe's nonce passes it, another owner may still confirm it.
 */
import type { Address, Hex, TransactionReceipt } from 'viem';
import { getLogs, getTransactionReceipt, readContract } from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';
import { readSafeProgress, safeAbi, safeWaitingNote } from '../web3/safe.ts';
import { blockUsingNonce } from './follow-transaction.ts';

/** What the app remembers of a Safe transaction it is following (kept with the pending list). */
export interface SafeTracking {
  safe: Address;
  owners: Address[];
  /** The Safe's nonce when the transaction was proposed (decimal string: it is stored as JSON). */
  nonce: string;
  /** The transaction's own nonce, when the app could tell it from the hash. */
  txNonce?: string;
  /** A block at which the Safe's nonce was `nonce`: executions are looked for after it. */
  block: string;
}

export type SafeFollowResult =
  | { kind: 'executed'; receipt: TransactionReceipt }
  | { kind: 'failed'; receipt: TransactionReceipt }
  /** The Safe's nonce moved past this transaction's without executing it. */
  | { kind: 'replaced' };

export interface SafeFollowOptions {
  interval?: number;
  signal?: AbortSignal;
  /** Called with the waiting state in words whenever it changes (confirmations so far). */
  onProgress?: (note: string) => void;
}

const executionEvents = safeAbi.filter((item) => item.type === 'event');
const notFound = (error: unknown) => /NotFound/.test((error as Error)?.name ?? '');

export async function followSafeTransaction(
  client: ReadClient,
  hash: Hex,
  tracking: SafeTracking,
  { interval = client.pollingInterval, signal, onProgress }: SafeFollowOptions = {},
): Promise<SafeFollowResult> {
  const { safe, owners } = tracking;
  let nonce = BigInt(tracking.nonce);
  let checked = BigInt(tracking.block);
  const txNonce = tracking.txNonce === undefined ? undefined : BigInt(tracking.txNonce);
  let reported = '';
  const nonceAt = async (blockNumber: bigint) =>
    Number(await readContract(client, { address: safe, abi: safeAbi, functionName: 'nonce', blockNumber }));
  for (;;) {
    signal?.throwIfAborted();
    try {
      // A Safe of one owner, or a wallet that executes at once, may hand back the execution's own hash.
      const direct = await getTransactionReceipt(client, { hash }).catch((e) => {
        if (notFound(e)) return undefined;
        throw e;
      });
      if (direct) return { kind: direct.status === 'success' ? 'executed' : 'failed', receipt: direct };
      const progress = await readSafeProgress(client, safe, owners, hash);
      // Each execution moves the nonce by one: find the block of each and read only its logs.
      for (let n = nonce; n < progress.nonce; n++) {
        const block = await blockUsingNonce(nonceAt, Number(n), checked, progress.blockNumber);
        if (block === undefined) continue;
        const logs = await getLogs(client, {
          address: safe,
          events: executionEvents,
          fromBlock: block,
          toBlock: block,
        });
        const hit = logs.find((l) => (l.args as { txHash?: Hex }).txHash?.toLowerCase() === hash.toLowerCase());
        if (hit) {
          const receipt = await getTransactionReceipt(client, { hash: hit.transactionHash! });
          return { kind: hit.eventName === 'ExecutionSuccess' ? 'executed' : 'failed', receipt };
        }
        checked = block;
      }
      if (txNonce !== undefined && progress.nonce > txNonce) return { kind: 'replaced' };
      nonce = progress.nonce;
      checked = progress.blockNumber;
      const note = safeWaitingNote(progress.confirmations, progress.threshold);
      if (note !== reported) onProgress?.((reported = note));
    } catch (error) {
      if (signal?.aborted) throw error;
      // An unreachable or failing RPC says nothing about the Safe: keep waiting.
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
