/**
 * The app's log index per chain: one stream over the protocol's contracts (governor, its votes
 * token, staking, airdrop), stored in IndexedDB, with the window learned from the chain's RPC kept
 * between visits so a capped provider is not probed again.
 */
import { decodeEventLog, getAddress, type Abi, type Address, type Hex } from 'viem';
import { getBlockNumber } from 'viem/actions';
import type { ChainConfig } from '../config/app-config.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { ChainCaps } from '../web3/capabilities.ts';
import { LogIndex } from './log-index.ts';
import { requestOf } from './window-read.ts';
import { loadHistorySnapshot, type HistorySnapshot } from './history-snapshot.ts';
import { browserLogStore, type IndexedLog, type LogStore } from './log-store.ts';
import { LearnedSize } from '../rpc/learned-size.ts';
import { rememberInteger, rememberedInteger } from '../storage/remembered.ts';
import { storageKey } from '../storage/keys.ts';
import { chainProfile } from '../web3/chain-profile.ts';

/** Blocks after which a log on `chainId` is treated as final (see chain-profile.ts). */
export const finalityDepth = (chainId: number) => chainProfile(chainId).finalityDepth;

type ProgressListener = (chainId: number, scannedTo: bigint, target: bigint, fromBlock: bigint) => void;
const progressListeners = new Set<ProgressListener>();

/** Calls `listen` after each committed segment of any chain's log index; returns an unsubscribe. */
export function onLogProgress(listen: ProgressListener) {
  progressListeners.add(listen);
  return () => progressListeners.delete(listen);
}
let store: LogStore | undefined;

const windowKey = (chainId: number) => storageKey('log-window', chainId);

function windowFor(chainId: number) {
  const saved = rememberedInteger(windowKey(chainId));
  return new LearnedSize(10_000n, saved ?? 10_000n, 4, saved !== undefined);
}

/** The protocol contracts whose logs the app reads on `chain`. */
function streamAddresses(chain: ChainConfig, votesToken?: Address): Address[] {
  const { governor, staking, airdrop } = chain.contracts;
  return [...new Set([governor, votesToken, staking, airdrop].filter((a): a is Address => !!a))];
}

const histories = new Map<string, Promise<ChainHistory>>();

export interface ChainHistory {
  /** The chain's log index: from the snapshot's next block when there is one, else from the deployment. */
  index: LogIndex;
  /** The shipped history before the index's first block, vouched for by the chain. */
  snapshot?: HistorySnapshot;
}

/**
 * The chain's history: the build's snapshot if the chain vouches for it, and the log index over
 * what follows (one per chain and set of contracts, shared by every page).
 */
export function chainHistory(client: ReadClient, chain: ChainConfig, caps: ChainCaps): Promise<ChainHistory> {
  const addresses = streamAddresses(chain, caps.votes?.address);
  const streamId = `${chain.id}:${chain.deployBlock}:${addresses.join(',').toLowerCase()}`;
  let history = histories.get(streamId);
  if (!history) {
    const request = requestOf(client);
    const baseUrl = globalThis.document?.baseURI;
    const load = baseUrl && !rejected.has(chain.id);
    history = (load ? loadHistorySnapshot(chain.id, addresses, request, baseUrl) : Promise.resolve(undefined)).then(
      (snapshot) => {
        const fromBlock = snapshot ? snapshot.head.block + 1n : BigInt(chain.deployBlock);
        const index = new LogIndex({
          // The stream's storage is per starting block: a newer build's snapshot starts a new one.
          stream: snapshot ? `${streamId}:from:${fromBlock}` : streamId,
          addresses,
          fromBlock,
          finalityDepth: finalityDepth(chain.id),
          request,
          store: (store ??= browserLogStore()),
          window: windowFor(chain.id),
          onProgress: (scannedTo, target) =>
            progressListeners.forEach((listen) => listen(chain.id, scannedTo, target, fromBlock)),
        });
        return { index, snapshot };
      },
    );
    histories.set(streamId, history);
  }
  return history;
}

/**
 * Sets aside the chain's snapshot after a page found it disagreeing with the chain (a figure it
 * folded from the snapshot is not what the contract says): from now on the history is read from the
 * deployment block, as if the build had shipped none.
 */
export function rejectSnapshot(chain: ChainConfig) {
  rejected.add(chain.id);
  for (const key of histories.keys()) if (key.startsWith(`${chain.id}:`)) histories.delete(key);
}
const rejected = new Set<number>();

/** How far a page reads history: what the app already has (snapshot and stored logs), or up to the head. */
export type HistoryUpTo = 'stored' | 'head';

/**
 * The chain's history as the app already has it, reading nothing new from the chain beyond the
 * snapshot's check: the build's snapshot and the logs stored by earlier visits, with the block they
 * reach; null when there is neither (a first visit to a site without a snapshot).
 */
export async function storedHistory(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
): Promise<(ChainHistory & { blockNumber: bigint }) | null> {
  const history = await chainHistory(client, chain, caps);
  await history.index.ready();
  const blockNumber = history.index.scannedTo ?? history.snapshot?.head.block;
  return blockNumber === undefined ? null : { ...history, blockNumber };
}

/** The chain's history with its log index brought up to `head` (never moved back by a lower one). */
export async function syncedHistory(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  head: bigint,
): Promise<ChainHistory> {
  const history = await chainHistory(client, chain, caps);
  await history.index.syncTo(head);
  rememberInteger(windowKey(chain.id), history.index.window.size);
  return history;
}

/**
 * The chain's history as far as `upTo` asks: as stored (null when nothing is), or brought to the
 * latest block; `blockNumber` is the block the index reached (or the snapshot's).
 */
export async function historyUpTo(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  upTo: HistoryUpTo,
): Promise<(ChainHistory & { blockNumber: bigint }) | null> {
  if (upTo === 'stored') return storedHistory(client, chain, caps);
  // The head and the snapshot's check (its block's header) go out together.
  const [head] = await Promise.all([getBlockNumber(client, { cacheTime: 0 }), chainHistory(client, chain, caps)]);
  const synced = await syncedHistory(client, chain, caps, head);
  return { ...synced, blockNumber: synced.index.scannedTo ?? head };
}

/** The chain's log index brought up to `head`. */
export const syncedLogs = async (client: ReadClient, chain: ChainConfig, caps: ChainCaps, head: bigint) =>
  (await syncedHistory(client, chain, caps, head)).index;

export interface DecodedLog<T = Record<string, any>> {
  eventName: string;
  args: T;
  log: IndexedLog;
}

/** Decodes logs with `abi`, skipping any that do not match it (a foreign event with the same selector). */
export function decodeLogs<T = Record<string, any>>(
  abi: Abi | readonly unknown[],
  logs: IndexedLog[],
): DecodedLog<T>[] {
  const out: DecodedLog<T>[] = [];
  for (const log of logs) {
    try {
      const decoded = decodeEventLog({ abi: abi as Abi, data: log.data, topics: log.topics as never });
      out.push({ eventName: String(decoded.eventName), args: decoded.args as T, log });
    } catch {
      // Not this ABI's event.
    }
  }
  return out;
}

/** The address in an indexed topic (the last 20 of its 32 bytes), checksummed. */
export const topicAddress = (topic: Hex) => getAddress(`0x${topic.slice(26)}`);

/** A projection of the index recomputed only when its logs changed. */
export function memoByVersion<T>(compute: (index: LogIndex) => T): (index: LogIndex) => T {
  const memo = new WeakMap<LogIndex, { version: number; value: T }>();
  return (index) => {
    const hit = memo.get(index);
    if (hit && hit.version === index.version) return hit.value;
    const value = compute(index);
    memo.set(index, { version: index.version, value });
    return value;
  };
}
