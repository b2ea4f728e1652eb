/**
 * Participation for every delegate at once (the delegates list's column and its sort), from the log
 * index alone but for a few reads: the same figures the delegate's page reads per proposal
 * (participation.ts), worked out from logs the list already holds.
 *
 * - The proposals and their snapshots: the governor's `ProposalCreated` logs (the snapshot is a
 *   fixed word of the log's data, so nothing else is decoded).
 * - Who voted, with what weight: `VoteCast` logs. A vote's weight is the voter's votes at the
 *   snapshot, so a voter's eligibility is in its own log.
 * - Everyone else's votes at a snapshot: the votes token's `DelegateVotesChanged` logs. A change in a
 *   block up to the proposal's creation came before the snapshot; a change in or after the block of
 *   the proposal's first vote came after it (voting opens only once the snapshot has passed). Only a
 *   change in between is ambiguous, and only when it crosses zero; those few pairs are read with
 *   `getPastVotes`, in one batch at the page's block, with the governor's clock deciding which
 *   snapshots have passed.
 */
import { getAddress, type Address } from 'viem';
import { altGovernorAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { LogIndex } from '../../../lib/logs/log-index.ts';
import { aggregate, readAllInBatches } from '../../../lib/web3/eth-call.ts';
import { readRows } from '../../../lib/web3/read-batch.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { syncedHistory } from '../../../lib/logs/chain-logs.ts';
import type { Participation, ProposalVoting } from './participation.ts';
import {
  classify,
  participationFrom,
  participationLogs,
  type ParticipationLogs,
  type ProposalPoint,
} from './participation-logs.ts';

/** Proposals older than the index read per round when only the last 10 are wanted. */
const ROUND = 10;
/** How far back the last-10 window looks among proposals older than the index. */
export const LAST10_LOOKBACK = 100;

/**
 * Participation of each of `delegates`, at `blockNumber`. First batch: the governor's clock and
 * proposal count. The index's proposals need only the ambiguous `getPastVotes` (one batch).
 * Proposals the index does not hold (created before a build's history snapshot) are read as the
 * delegate's page reads them (ids and snapshots, then each delegate's `getPastVotes` and
 * `hasVoted`): for `window` 'all' every one of them, in batches of 500 reads sent together; for
 * 'last10', newest first, in rounds of 10, 30 and 90 proposals, only for the delegates that have
 * not yet found 10 they could vote on, and no further back than LAST10_LOOKBACK (a thousand-proposal
 * history costs a page of delegates a few round trips, not fifty thousand reads). The 'all' figures
 * of a 'last10' read cover only what it looked at.
 */
export async function readParticipations(
  client: ReadClient,
  multicall3: Address,
  governor: Address,
  token: Address,
  logs: ParticipationLogs,
  delegates: Address[],
  blockNumber: bigint,
  window: 'last10' | 'all' = 'all',
): Promise<Map<Address, Participation>> {
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const snapshotCall = (id: bigint) => ({ ...gov, functionName: 'proposalSnapshot', args: [id] }) as const;
  const pastVotes = (delegate: Address, snapshot: bigint) =>
    ({ address: token, abi: altVotesAbi, functionName: 'getPastVotes', args: [delegate, snapshot] }) as const;
  // Where the build's history snapshot listed the older proposals, the first round's snapshots ride
  // with the clock and the count (the count confirms the list is whole).
  const known = logs.olderIds ?? [];
  const firstIds = window === 'all' ? known : known.slice(-ROUND);
  const [clockResult, countResult, ...firstSnapshots] = await aggregate(
    client,
    multicall3,
    [{ ...gov, functionName: 'clock' }, { ...gov, functionName: 'proposalCount' }, ...firstIds.map(snapshotCall)],
    blockNumber,
  );
  if (clockResult.status !== 'success') throw clockResult.error;
  const clock = clockResult.result;
  // A governor without proposal storage: the index's proposals are all there is to count.
  const count = countResult.status === 'success' ? Number(countResult.result) : logs.proposals.length;
  const missing = Math.max(0, count - logs.proposals.length);
  const prefetched = new Map<bigint, bigint>();
  firstSnapshots.forEach((r, i) => r.status === 'success' && prefetched.set(firstIds[i], r.result));
  const idsKnown = known.length === missing && prefetched.size === firstIds.length;
  if (!idsKnown) prefetched.clear();

  // The index's proposals: only the ambiguous pairs need a read (sent with the first older round's).
  const settled = (p: ProposalPoint) => p.firstVoteBlock !== undefined || p.snapshot < clock;
  const classified = delegates.map((d) => ({ delegate: d, ...classify(logs, d, settled) }));
  const pairs = classified.flatMap(({ delegate, unknown }) => unknown.map((p) => ({ delegate, p })));
  const read = new Map<Address, Map<bigint, bigint>>();
  const olderOf = new Map<Address, ProposalVoting[]>(delegates.map((d) => [d, []]));
  /** Eligible proposals per delegate among the index's and the older ones read so far (set after the first pass). */
  const eligible = new Map<Address, number>();
  let pending: typeof pairs | undefined = pairs;

  // Older proposals, newest first.
  let end = missing;
  // Rounds of 10, 30, 90…: a delegate that seldom held votes then costs a few round trips, not ten.
  let size = ROUND;
  const stop = window === 'all' ? 0 : Math.max(0, end - LAST10_LOOKBACK);
  while (end > stop || pending) {
    const start = end > stop ? (window === 'all' ? stop : Math.max(stop, end - size)) : end;
    let round: { id: bigint; snapshot: bigint }[] = [];
    if (end > start) {
      let ids: bigint[];
      if (idsKnown) ids = known.slice(start, end);
      else {
        const details = await readAllInBatches(
          client,
          multicall3,
          Array.from(
            { length: end - start },
            (_, i) => ({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(start + i)] }) as const,
          ),
          blockNumber,
        );
        ids = details.map((d) => d[0]);
      }
      const missingSnapshots = ids.filter((id) => !prefetched.has(id));
      const snaps = await readAllInBatches(client, multicall3, missingSnapshots.map(snapshotCall), blockNumber);
      missingSnapshots.forEach((id, i) => prefetched.set(id, snaps[i]));
      round = ids.map((id) => ({ id, snapshot: prefetched.get(id)! })).filter((p) => p.snapshot < clock);
    }
    // The first pass reads the index's ambiguous pairs too; the delegates still short are known after it.
    const waiting = window === 'all' || pending ? delegates : delegates.filter((d) => (eligible.get(d) ?? 0) < 10);
    const roundPairs = round.length ? waiting.flatMap((delegate) => round.map((p) => ({ delegate, p }))) : [];
    const indexPairs = pending ?? [];
    // Sent together: one JSON-RPC batch where the provider takes batches.
    const [indexVotes, roundVotes] = await Promise.all([
      readAllInBatches(
        client,
        multicall3,
        indexPairs.map(({ delegate, p }) => pastVotes(delegate, p.snapshot)),
        blockNumber,
      ),
      readRows(
        client,
        multicall3,
        roundPairs,
        ({ delegate, p }) =>
          ({
            votes: pastVotes(delegate, p.snapshot),
            voted: { ...gov, functionName: 'hasVoted', args: [p.id, delegate] },
          }) as const,
        blockNumber,
        true,
      ),
    ]);
    indexPairs.forEach(({ delegate, p }, k) => {
      let mine = read.get(delegate);
      if (!mine) read.set(delegate, (mine = new Map()));
      mine.set(p.id, indexVotes[k]);
    });
    const perDelegate = new Map<Address, ProposalVoting[]>();
    roundPairs.forEach(({ delegate, p }, k) => {
      const list = perDelegate.get(delegate) ?? [];
      list.push({ ...p, settled: true, ...roundVotes[k] });
      perDelegate.set(delegate, list);
    });
    // This round is older than what was read before it: it goes in front.
    for (const [d, list] of perDelegate) olderOf.set(d, [...list, ...olderOf.get(d)!]);
    if (pending)
      for (const { delegate, known } of classified)
        eligible.set(delegate, participationFrom(logs, known, read.get(delegate) ?? new Map()).eligible);
    for (const [d, list] of perDelegate)
      eligible.set(d, (eligible.get(d) ?? 0) + list.filter((p) => p.votes > 0n).length);
    pending = undefined;
    end = start;
    size *= 3;
    if (window === 'last10' && delegates.every((d) => (eligible.get(d) ?? 0) >= 10)) break;
  }
  return new Map(
    classified.map(({ delegate, known }) => [
      delegate,
      participationFrom(logs, known, read.get(delegate) ?? new Map(), olderOf.get(delegate)),
    ]),
  );
}

/** Sorts rows by participation rate over `window`, then by how many proposals count, then by voting power. */
export function byParticipation<T extends { address: Address; votes: bigint }>(
  rows: T[],
  participation: Map<Address, Participation>,
  window: 'last10' | 'all',
): T[] {
  const rate = (p: Participation | undefined) => {
    if (!p) return [-1, 0] as const;
    const [voted, eligible] = window === 'last10' ? [p.votedLast10, p.eligibleLast10] : [p.voted, p.eligible];
    return [eligible === 0 ? -1 : voted / eligible, eligible] as const;
  };
  return [...rows].sort((a, b) => {
    const [ra, ea] = rate(participation.get(a.address));
    const [rb, eb] = rate(participation.get(b.address));
    if (ra !== rb) return rb - ra;
    if (ea !== eb) return eb - ea;
    return a.votes === b.votes ? 0 : a.votes > b.votes ? -1 : 1;
  });
}

const gathered = new WeakMap<LogIndex, { version: number; key: string; value: ParticipationLogs }>();

/**
 * The participation of `delegates` (the list's page, or every delegate to sort by it) from the
 * chain's log index brought up to `blockNumber`, and the build's history snapshot's standing.
 */
export async function readDelegateParticipation(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  delegates: Address[],
  blockNumber: bigint,
  window: 'last10' | 'all' = 'all',
): Promise<Map<Address, Participation>> {
  const governor = caps.governor?.address;
  const token = caps.votes?.address;
  if (!governor || !token) return new Map();
  // The votes and proposals up to the block asked: the list reads its ranking from the votes token's
  // directory, not the logs, so the log index is brought there here (a no-op when a page already did).
  const history = await syncedHistory(client, chain, caps, blockNumber);
  const key = `${governor}:${token}`;
  let hit = gathered.get(history.index);
  if (!hit || hit.version !== history.index.version || hit.key !== key) {
    const standing = await history.snapshot?.delegates(token);
    const base = standing && new Map(standing.rows.map((r) => [getAddress(r.address), r.votes]));
    // The proposals created before the index's first block, oldest first, as the snapshot lists them.
    const titles = await history.snapshot?.titles().catch(() => undefined);
    const olderIds = titles
      ? [...titles].sort(([, a], [, b]) => (a.block < b.block ? -1 : a.block > b.block ? 1 : 0)).map(([id]) => id)
      : undefined;
    hit = {
      version: history.index.version,
      key,
      value: { ...participationLogs(history.index, governor, token, base), olderIds },
    };
    gathered.set(history.index, hit);
  }
  return readParticipations(client, multicall3Of(chain), governor, token, hit.value, delegates, blockNumber, window);
}
