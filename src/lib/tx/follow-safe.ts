/**
 * Follows a Safe transaction from the hash a Safe wallet returns (its `safeTxHash`, not a transaction
 * hash) to its execution, from the Safe contract alone: owners' on-chain confirmations and the
 * Safe's nonce each poll (one multicall), and, once the nonce moves, the block that moved it (a few
 * nonce reads at past blocks) and that block's `ExecutionSuccess`/`ExecutionFailure` logs. Where
 * the provider keeps no state that old (a node that is not an archive keeps about 128 blocks: a
 * page reopened hours later), the execution is looked for by its indexed hash in log windows the
 * provider accepts. It never calls a Safe transaction dropped: until the Safe's nonce passes it,
 * another owner may still confirm it.
 */
import { decodeEventLog, encodeEventTopics, type Address, type Hex, type Log, type TransactionReceipt } from 'viem';
import { getLogs, getTransactionReceipt, readContract } from 'viem/actions';
import { LearnedSize } from '../rpc/learned-size.ts';
import { readFilteredLogs, requestOf } from '../logs/window-read.ts';
import type { ReadClient } from '../web3/chains.ts';
import { readSafeProgress, safeAbi, safeWaitingNote, serviceConfirmations } from '../web3/safe.ts';
import { fetchJson } from '../net/fetch-text.ts';
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
  /**
   * A Safe Transaction Service origin (config.json's `safeTransactionService`): owners who confirmed
   * off chain, as Safe{Wallet} has them sign by default, count too.
   */
  service?: string;
}

/** Answers from a Transaction Service are small; anything larger is not one. */
const SERVICE_MAX_BYTES = 256 * 1024;

const executionEvents = safeAbi.filter((item) => item.type === 'event');
const notFound = (error: unknown) => /NotFound/.test((error as Error)?.name ?? '');

export async function followSafeTransaction(
  client: ReadClient,
  hash: Hex,
  tracking: SafeTracking,
  { interval = client.pollingInterval, signal, onProgress, service }: SafeFollowOptions = {},
): Promise<SafeFollowResult> {
  const { safe, owners } = tracking;
  let nonce = BigInt(tracking.nonce);
  let checked = BigInt(tracking.block);
  const txNonce = tracking.txNonce === undefined ? undefined : BigInt(tracking.txNonce);
  let reported = '';
  const nonceAt = async (blockNumber: bigint) =>
    Number(await readContract(client, { address: safe, abi: safeAbi, functionName: 'nonce', blockNumber }));
  const window = new LearnedSize();
  const settled = async (log: {
    data: Hex;
    topics: readonly Hex[];
    transactionHash: Hex | null;
  }): Promise<SafeFollowResult> => {
    const { eventName } = decodeEventLog({ abi: executionEvents, data: log.data, topics: log.topics as never });
    const receipt = await getTransactionReceipt(client, { hash: log.transactionHash! });
    return { kind: eventName === 'ExecutionSuccess' ? 'executed' : 'failed', receipt };
  };
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
      if (progress.nonce > nonce) {
        const found = await findByNonce(
          client,
          safe,
          hash,
          nonceAt,
          nonce,
          progress.nonce,
          checked,
          progress.blockNumber,
        )
          // No state at those blocks on this provider: look for the hash in the logs instead.
          .catch(async () => {
            const filter = { address: safe, topics: [executionTopics, hash] };
            return (await readFilteredLogs(requestOf(client), filter, checked + 1n, progress.blockNumber, window))[0];
          });
        if (found) return settled(found);
      }
      if (txNonce !== undefined && progress.nonce > txNonce) return { kind: 'replaced' };
      nonce = progress.nonce;
      checked = progress.blockNumber;
      const offChain = service
        ? await serviceConfirmations(service, hash, owners, (url) =>
            fetchJson(url, 'The Safe Transaction Service', { maxBytes: SERVICE_MAX_BYTES, timeoutMs: 10_000 }),
          )
        : undefined;
      const confirmed = new Set([...progress.approvers, ...(offChain ?? [])].map((a) => a.toLowerCase()));
      const note = safeWaitingNote(confirmed.size, progress.threshold);
      if (note !== reported) onProgress?.((reported = note));
    } catch (error) {
      if (signal?.aborted) throw error;
      // An unreachable or failing RPC says nothing about the Safe: keep waiting.
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The execution of `hash` among the executions that moved the nonce from `from` to `to`, found block by block. */
async function findByNonce(
  client: ReadClient,
  safe: Address,
  hash: Hex,
  nonceAt: (block: bigint) => Promise<number>,
  from: bigint,
  to: bigint,
  low: bigint,
  high: bigint,
): Promise<Log | undefined> {
  // Each execution moves the nonce by one: find the block of each and read only its logs.
  for (let n = from; n < to; n++) {
    const block = await blockUsingNonce(nonceAt, Number(n), low, high);
    if (block === undefined) continue;
    const logs = await getLogs(client, { address: safe, events: executionEvents, fromBlock: block, toBlock: block });
    const hit = logs.find((l) => (l.args as { txHash?: Hex }).txHash?.toLowerCase() === hash.toLowerCase());
    if (hit) return hit as Log;
    low = block;
  }
  return undefined;
}

const executionTopics = executionEvents.map((event) => encodeEventTopics({ abi: [event] })[0]);
