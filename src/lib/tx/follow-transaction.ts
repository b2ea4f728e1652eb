/**
 * Follows a sent transaction to its final state. A wallet's hash is not a promise: the user may
 * speed it up or cancel it (a new transaction with the same nonce), or the network may drop it.
 * viem's receipt watcher only notices a replacement in the block it polls, and waits out its whole
 * timeout for a dropped transaction; this one checks the sender's nonce, and asks the wallet before
 * calling a transaction the network does not show dropped: one sent privately is only waited for.
 */
import type { Address, Hex, Transaction, TransactionReceipt } from 'viem';
import { getBlock, getBlockNumber, getTransaction, getTransactionCount, getTransactionReceipt } from 'viem/actions';
import type { ReadClient } from '../web3/chains.ts';

export type ReplacementReason = 'repriced' | 'cancelled' | 'replaced';

export type FollowResult =
  | { kind: 'mined'; receipt: TransactionReceipt }
  | { kind: 'replaced'; reason: ReplacementReason; receipt?: TransactionReceipt }
  | { kind: 'dropped' }
  /** Never seen by the node this app reads: dropped, or replaced before it could be followed. */
  | { kind: 'vanished' };

export interface Sent {
  from: Address;
  nonce: number;
  to: Address | null;
  value: bigint;
  input: Hex;
}

/** How many blocks back a replacement is looked for once the sender's nonce has moved past ours. */
const REPLACEMENT_SEARCH_BLOCKS = 64n;

const notFound = (error: unknown) => /NotFound/.test((error as Error)?.name ?? '');

/** Why a mined transaction took the place of `sent`, as wallets word it. */
export function replacementReason(
  sent: Sent,
  mined: { from: Address; to: Address | null; value: bigint; input: Hex },
): ReplacementReason {
  const same = (a: string | null, b: string | null) => a?.toLowerCase() === b?.toLowerCase();
  if (same(mined.to, sent.to) && mined.value === sent.value && mined.input === sent.input) return 'repriced';
  if (same(mined.to, mined.from) && mined.value === 0n && (mined.input === '0x' || mined.input === undefined))
    return 'cancelled';
  return 'replaced';
}

export interface FollowOptions {
  /** Polls with no trace of the transaction, and its nonce still unused, before it counts as dropped. */
  dropAfterPolls?: number;
  interval?: number;
  signal?: AbortSignal;
  /**
   * What the app asked the wallet to send, with the nonce it expected: if the transaction is
   * replaced before the first poll sees it, this still tells a cancellation from a drop.
   */
  expected?: Sent;
  /**
   * The sender's next nonce as the wallet counts it, its own pending transactions included. A
   * transaction the network does not show while the chain has not used its nonce is dropped only if
   * the wallet no longer counts it either; without a wallet to ask it is never called dropped.
   */
  walletNonce?: () => Promise<number>;
  /**
   * Called once when the transaction has gone unseen for `dropAfterPolls` polls while its nonce is
   * unused and the wallet still holds it: sent privately (a protected RPC, a wallet's "smart
   * transactions"), or not yet propagated. Following goes on.
   */
  onUnseen?: () => void;
}

/**
 * Resolves once the transaction is mined, replaced or dropped. RPC errors are waited out, never
 * taken for a verdict: an unreachable node says nothing about the transaction.
 */
export async function followTransaction(
  client: ReadClient,
  hash: Hex,
  {
    dropAfterPolls = 6,
    interval = client.pollingInterval,
    signal,
    expected,
    walletNonce,
    onUnseen,
  }: FollowOptions = {},
): Promise<FollowResult> {
  let sent: Sent | undefined = expected;
  let since: bigint | undefined;
  let missing = 0;
  let unseenReported = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      since ??= await getBlockNumber(client, { cacheTime: 0 });
      const receipt = await getTransactionReceipt(client, { hash }).catch((e) => {
        if (notFound(e)) return undefined;
        throw e;
      });
      if (receipt) return { kind: 'mined', receipt };
      const tx = await getTransaction(client, { hash }).catch((e) => {
        if (notFound(e)) return undefined;
        throw e;
      });
      if (tx) {
        sent = { from: tx.from, nonce: tx.nonce, to: tx.to, value: tx.value, input: tx.input };
        missing = 0;
      } else if (sent) {
        const used = await getTransactionCount(client, { address: sent.from, blockTag: 'latest' });
        if (used > sent.nonce) return await findReplacement(client, sent, since);
        if (++missing >= dropAfterPolls) {
          // The chain has not used the nonce: only the wallet can say it no longer holds the transaction.
          const nonce = sent.nonce;
          const held = walletNonce
            ? await walletNonce().then(
                (next) => next > nonce,
                () => true,
              )
            : true;
          if (!held) return { kind: 'dropped' };
          if (!unseenReported) {
            unseenReported = true;
            onUnseen?.();
          }
        }
      } else if (++missing >= dropAfterPolls) {
        return { kind: 'vanished' };
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      // Unreachable or failing RPC: keep waiting; the app's banner says the chain is down.
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Probes per round when looking for the block that used the nonce: one JSON-RPC batch each. */
const PROBES = 8;

/**
 * The block in `(low, high]` where `address`'s transaction count first exceeds `nonce` (the block
 * that mined the transaction with that nonce), found with a few batched rounds of nonce reads
 * instead of reading every block's transactions; undefined if the count had already passed it at `low`.
 */
export async function blockUsingNonce(
  countAt: (block: bigint) => Promise<number>,
  nonce: number,
  low: bigint,
  high: bigint,
): Promise<bigint | undefined> {
  if ((await countAt(low)) > nonce) return undefined;
  while (high - low > 1n) {
    const span = high - low;
    const step = span / BigInt(PROBES + 1) > 0n ? span / BigInt(PROBES + 1) : 1n;
    const points: bigint[] = [];
    for (let p = low + step; p < high && points.length < PROBES; p += step) points.push(p);
    const counts = await Promise.all(points.map(countAt));
    const first = counts.findIndex((c) => c > nonce);
    if (first === -1) low = points.at(-1)!;
    else {
      high = points[first];
      if (first > 0) low = points[first - 1];
    }
  }
  return high;
}

async function findReplacement(client: ReadClient, sent: Sent, since: bigint): Promise<FollowResult> {
  const head = await getBlockNumber(client, { cacheTime: 0 });
  const floor = head - REPLACEMENT_SEARCH_BLOCKS > since - 1n ? head - REPLACEMENT_SEARCH_BLOCKS : since - 1n;
  const low = floor < 0n ? 0n : floor;
  const isOurs = (t: { from: Address; nonce: number }) =>
    t.from.toLowerCase() === sent.from.toLowerCase() && t.nonce === sent.nonce;
  let mined: Transaction | undefined;
  let at: bigint | undefined;
  try {
    at = await blockUsingNonce(
      (blockNumber) => getTransactionCount(client, { address: sent.from, blockNumber }),
      sent.nonce,
      low,
      head,
    );
    if (at === undefined) return { kind: 'replaced', reason: 'replaced' };
    mined = (await getBlock(client, { blockNumber: at, includeTransactions: true })).transactions.find(isOurs);
  } catch (error) {
    // A node without the state of past blocks (a pruned node past its window, a devnet loaded from a
    // dump) cannot count nonces there: the blocks' own transactions are read instead, a few at a time.
    // Any other failure (a rate limit, an outage) is waited out by the caller, as every RPC error is.
    if (!isStateUnavailable(error)) throw error;
    mined = await scanForTransaction(client, low + 1n, head, isOurs);
  }
  if (!mined) return { kind: 'replaced', reason: 'replaced' };
  const receipt = await getTransactionReceipt(client, { hash: mined.hash });
  return { kind: 'replaced', reason: replacementReason(sent, mined), receipt };
}

/** Nodes' ways of saying they no longer hold (or never held) the state of a past block. */
const STATE_UNAVAILABLE =
  /block ?out ?of ?range|missing trie node|header not found|state (is )?(not available|unavailable|pruned)|historical state|not an archive|old data not available/i;

/** Whether `error` says the node lacks a past block's state, as opposed to failing for another reason. */
export function isStateUnavailable(error: unknown): boolean {
  for (let e = error as { message?: string; details?: string; cause?: unknown } | undefined; e; e = e.cause as never)
    if (STATE_UNAVAILABLE.test(`${e.message ?? ''} ${e.details ?? ''}`)) return true;
  return false;
}

/** The first transaction matching `isOurs` in blocks `from..to`, newest first, eight blocks a round. */
export async function scanForTransaction(
  client: ReadClient,
  from: bigint,
  to: bigint,
  isOurs: (tx: Transaction) => boolean,
): Promise<Transaction | undefined> {
  for (let top = to; top >= from; top -= BigInt(PROBES)) {
    const numbers: bigint[] = [];
    for (let n = top; n >= from && numbers.length < PROBES; n--) numbers.push(n);
    const blocks = await Promise.all(
      numbers.map((blockNumber) => getBlock(client, { blockNumber, includeTransactions: true })),
    );
    for (const block of blocks) {
      const found = block.transactions.find(isOurs);
      if (found) return found;
    }
  }
  return undefined;
}
