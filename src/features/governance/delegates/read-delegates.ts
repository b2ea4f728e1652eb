/**
 * Delegates ranked by voting power with their delegator counts, with no indexer: the governor's votes
 * token's `DelegateChanged` and `DelegateVotesChanged` logs, selected from the chain's log index,
 * folded into a table once per change of the index, on top of the standing the build's history
 * snapshot recorded at its block (when there is one).
 */
import { getAddress, numberToHex, pad, toEventSelector, zeroAddress, type Address, type Hex } from 'viem';
import { altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { readAll } from '../../../lib/web3/eth-call.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { LogIndex } from '../../../lib/logs/log-index.ts';
import type { IndexedLog } from '../../../lib/logs/log-store.ts';
import type { HistorySnapshot } from '../../../lib/logs/history-snapshot.ts';
import { SNAPSHOT_PARTS } from '../../../lib/logs/snapshot-parts.ts';
import { headerAnswer } from '../../../lib/rpc/history-answers.ts';
import {
  chainHistory,
  decodeLogs,
  rejectSnapshot,
  historyUpTo,
  type HistoryUpTo,
} from '../../../lib/logs/chain-logs.ts';

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
export interface DelegatesRead {
  index: DelegatesIndex;
  blockNumber: bigint;
  logs: LogIndex;
  snapshot?: HistorySnapshot;
}

export async function readDelegates(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  upTo: HistoryUpTo,
): Promise<DelegatesRead | null> {
  const token = caps.votes!.address;
  // Up to the head, the snapshot's word is checked beside the log read (and the head's read), not after it.
  const agrees =
    upTo === 'head'
      ? chainHistory(client, chain, caps).then(({ snapshot }) =>
          snapshot ? snapshotAgrees(client, chain, caps, snapshot) : true,
        )
      : undefined;
  // Awaited once the logs are read; a failed check fails this read then, not as an unhandled rejection.
  agrees?.catch(() => undefined);
  const history = await historyUpTo(client, chain, caps, upTo);
  if (!history) return null;
  const verdict = agrees && (await agrees);
  if (verdict === false) return setAside(client, chain, caps, upTo);
  const { index: logs, snapshot, blockNumber } = history;
  const base = await snapshot?.delegates(token);
  let hit = folds.get(logs);
  if (!hit || hit.version !== logs.version || hit.token !== token) {
    const value = foldDelegates(token, logs.select({ address: token, topic0: DELEGATION_TOPICS }), base?.rows);
    folds.set(logs, (hit = { version: logs.version, token, value }));
  }
  if (verdict === 'after-the-logs' && !verifiedAfter.has(logs)) {
    // The snapshot's timepoint does not single out its block: the largest delegates, folded on to
    // the block the index reached, are checked against the contract there instead.
    const top = rankDelegates(hit.value).slice(0, VERIFIED_DELEGATES);
    const onChain = await readAll(
      client,
      multicall3Of(chain),
      top.map((row) => ({ address: token, abi: altVotesAbi, functionName: 'getVotes', args: [row.address] }) as const),
      logs.scannedTo ?? blockNumber,
    );
    if (top.some((row, i) => onChain[i] !== row.votes)) return setAside(client, chain, caps, upTo);
    verifiedAfter.add(logs);
  }
  return { index: hit.value, blockNumber, logs, snapshot };
}

/** The snapshot's figures are not what the contract says: it is set aside and the history read from the chain. */
function setAside(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  upTo: HistoryUpTo,
): Promise<DelegatesRead | null> {
  rejectSnapshot(chain);
  return readDelegates(client, chain, caps, upTo);
}

/** Delegates whose power is checked against the contract before the snapshot's standing is trusted. */
export const VERIFIED_DELEGATES = 25;
const checks = new WeakMap<HistorySnapshot, Promise<boolean | 'after-the-logs'>>();
const verifiedAfter = new WeakSet<LogIndex>();

/**
 * Whether the snapshot's largest delegates had, at its block, the power it says: the votes token's
 * own checkpoints (`getPastVotes` at the snapshot's timepoint), read in one call at the latest block,
 * so a node that keeps no state that old answers it and it goes out beside the log read. On a
 * timestamp clock the timepoint is the block's time (checked against the chain when the snapshot
 * loaded), and it names the block's state only if the next block is later: on a chain with several
 * blocks a second it may not, and the check is made after the logs instead ('after-the-logs'). Once
 * per snapshot; a failed read is asked again by the next page.
 */
export function snapshotAgrees(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  snapshot: HistorySnapshot,
): Promise<boolean | 'after-the-logs'> {
  let check = checks.get(snapshot);
  if (!check) {
    const token = caps.votes!.address;
    const { block, timestamp } = snapshot.head;
    const byTime = caps.votes!.clockMode === 'timestamp';
    check = (async () => {
      const base = await snapshot.delegates(token);
      if (!base) return true;
      const top = rankDelegates(foldDelegates(token, [], base.rows)).slice(0, VERIFIED_DELEGATES);
      const [onChain, next] = await Promise.all([
        readAll(
          client,
          multicall3Of(chain),
          top.map(
            (row) =>
              ({
                address: token,
                abi: altVotesAbi,
                functionName: 'getPastVotes',
                args: [row.address, byTime ? timestamp : block],
              }) as const,
          ),
        ),
        byTime
          ? client
              .request({ method: 'eth_getBlockByNumber', params: [numberToHex(block + 1n), false] })
              .then((answer) => headerAnswer('eth_getBlockByNumber', answer))
          : undefined,
      ]);
      if (byTime && (!next?.timestamp || BigInt(next.timestamp) <= timestamp)) return 'after-the-logs';
      return top.every((row, i) => onChain[i] === row.votes);
    })();
    check.catch(() => checks.delete(snapshot));
    checks.set(snapshot, check);
  }
  return check;
}

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
