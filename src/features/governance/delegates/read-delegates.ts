/**
 * Delegates ranked by voting power with their delegator counts, with no indexer: the governor's votes
 * token's `DelegateChanged` and `DelegateVotesChanged` logs, selected from the chain's log index,
 * folded into a table once per change of the index, on top of the standing the build's history
 * snapshot recorded at its block (when there is one).
 */
import { getAddress, pad, toEventSelector, zeroAddress, type Address, type Hex } from 'viem';
import { altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { readAll } from '../../../lib/web3/eth-call.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { LogIndex } from '../../../lib/logs/log-index.ts';
import type { IndexedLog } from '../../../lib/logs/log-store.ts';
import type { HistorySnapshot } from '../../../lib/logs/history-snapshot.ts';
import { SNAPSHOT_PARTS } from '../../../lib/logs/snapshot-parts.ts';
import { decodeLogs, rejectSnapshot, historyUpTo, type HistoryUpTo } from '../../../lib/logs/chain-logs.ts';

const EVENTS = altVotesAbi.filter(
  (i) => i.type === 'event' && (i.name === 'DelegateChanged' || i.name === 'DelegateVotesChanged'),
);
/** `DelegateChanged` and `DelegateVotesChanged`. */
export const DELEGATION_TOPICS = EVENTS.map((e) => toEventSelector(e as never));
const DELEGATE_CHANGED = SNAPSHOT_PARTS.delegations.topic0;

export interface DelegatesIndex {
  token: Address;
  /** Latest voting power per delegate. */
  votes: Map<Address, bigint>;
  /** Current delegators per delegate. */
  delegators: Map<Address, number>;
}

export interface DelegateRow {
  address: Address;
  votes: bigint;
  delegators: number;
}

/** A token's standing: the snapshot's rows (or nothing), then the index's logs of `token` folded on top. */
export function foldDelegates(token: Address, logs: IndexedLog[], base?: DelegateRow[]): DelegatesIndex {
  const index: DelegatesIndex = { token, votes: new Map(), delegators: new Map() };
  for (const row of base ?? []) {
    index.votes.set(row.address, row.votes);
    if (row.delegators) index.delegators.set(row.address, row.delegators);
  }
  applyLogs(index, decodeLogs(EVENTS, logs));
  return index;
}

const folds = new WeakMap<LogIndex, { version: number; token: string; value: DelegatesIndex }>();

/**
 * The delegates of the governor's votes token, from the build's snapshot and the chain's log index:
 * as stored (null if nothing is), or brought to the latest block. `blockNumber` is the block the
 * index has read to (never lower than on an earlier call), or the snapshot's.
 */
export async function readDelegates(client: ReadClient, chain: ChainConfig, caps: ChainCaps, upTo: HistoryUpTo) {
  const token = caps.votes!.address;
  const history = await historyUpTo(client, chain, caps, upTo);
  if (!history) return null;
  const { index: logs, snapshot, blockNumber } = history;
  const base = await snapshot?.delegates();
  let hit = folds.get(logs);
  if (!hit || hit.version !== logs.version || hit.token !== token) {
    const value = foldDelegates(
      token,
      logs.select({ address: token, topic0: DELEGATION_TOPICS }),
      base && base.token.toLowerCase() === token.toLowerCase() ? base.rows : undefined,
    );
    folds.set(logs, (hit = { version: logs.version, token, value }));
  }
  // The block the fold reached: logs change only with the version, so a later tip adds nothing.
  const foldedTo = logs.scannedTo ?? blockNumber;
  if (upTo === 'head' && snapshot && !verified.has(logs)) {
    // The snapshot's figures are the build's word; the largest delegates' power is checked against
    // the contract at the block the index reached. A snapshot that disagrees is set aside and the
    // history read from the chain.
    const top = rankDelegates(hit.value).slice(0, VERIFIED_DELEGATES);
    const onChain = await readAll(
      client,
      multicall3Of(chain),
      top.map((row) => ({ address: token, abi: altVotesAbi, functionName: 'getVotes', args: [row.address] }) as const),
      foldedTo,
    );
    if (top.some((row, i) => onChain[i] !== row.votes)) {
      rejectSnapshot(chain);
      return readDelegates(client, chain, caps, upTo);
    }
    verified.add(logs);
  }
  return { index: hit.value, blockNumber, logs, snapshot };
}

/** Delegates whose power is checked against the contract before the snapshot's standing is trusted. */
const VERIFIED_DELEGATES = 25;
const verified = new WeakSet<LogIndex>();

/** Folds logs (oldest first) into the index. */
export function applyLogs(index: DelegatesIndex, logs: { eventName: string; args: Record<string, any> }[]) {
  const count = (delegate: Address, by: number) => {
    if (delegate === zeroAddress) return;
    const n = (index.delegators.get(delegate) ?? 0) + by;
    if (n > 0) index.delegators.set(delegate, n);
    else index.delegators.delete(delegate);
  };
  for (const log of logs) {
    // Decoded addresses are already checksummed.
    if (log.eventName === 'DelegateVotesChanged') index.votes.set(log.args.delegate, log.args.newVotes);
    else if (log.eventName === 'DelegateChanged') {
      count(log.args.fromDelegate, -1);
      count(log.args.toDelegate, +1);
    }
  }
}

/** Delegates with voting power, largest first. */
export function rankDelegates(index: DelegatesIndex): DelegateRow[] {
  return [...index.votes]
    .filter(([, votes]) => votes > 0n)
    .map(([address, votes]) => ({ address, votes, delegators: index.delegators.get(address) ?? 0 }))
    .sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : a.address.localeCompare(b.address)));
}

/** Every delegate's standing, for a snapshot: the rows with power or delegators. */
export const delegateStandings = (index: DelegatesIndex): DelegateRow[] =>
  [...new Set([...index.votes.keys(), ...index.delegators.keys()])]
    .map((address) => ({
      address,
      votes: index.votes.get(address) ?? 0n,
      delegators: index.delegators.get(address) ?? 0,
    }))
    .filter((r) => r.votes > 0n || r.delegators > 0)
    .sort((a, b) => a.address.localeCompare(b.address));

/** Who delegates to `delegate`, from its `DelegateChanged` logs oldest first (those naming it as either side). */
export function delegatorsFrom(logs: IndexedLog[], delegate: Address): Address[] {
  const current = new Set<Address>();
  for (const { args } of decodeLogs<{ delegator: Address; toDelegate: Address }>(EVENTS, logs)) {
    if (args.toDelegate === delegate) current.add(args.delegator);
    else current.delete(args.delegator);
  }
  return [...current];
}

/**
 * The current delegators of `delegate` on `token`: the snapshot's shard of its delegations, then
 * the index's, both selected by the delegate's topic (it is indexed on either side).
 */
export async function delegatorsOf(
  logs: LogIndex,
  snapshot: HistorySnapshot | undefined,
  token: Address,
  delegate: Address,
): Promise<Address[]> {
  const checksummed = getAddress(delegate);
  const word = pad(delegate).toLowerCase() as Hex;
  // A move from the delegate to itself names it on both sides: one log, selected twice.
  const recent = [
    ...new Map(
      [
        ...logs.select({ address: token, topic0: DELEGATE_CHANGED, topics: [null, word] }),
        ...logs.select({ address: token, topic0: DELEGATE_CHANGED, topics: [null, null, word] }),
      ].map((l) => [`${l.blockNumber}:${l.logIndex}`, l]),
    ).values(),
  ].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  const earlier = snapshot
    ? (await snapshot.logsOf('delegations', SNAPSHOT_PARTS.delegations, delegate)).filter(
        (l) => l.address === token.toLowerCase(),
      )
    : [];
  return delegatorsFrom([...earlier, ...recent], checksummed);
}
