/**
 * The delegates list's participation from logs alone: the governor's proposals and votes and the
 * votes token's power changes, folded per delegate, with the few proposal-delegate pairs the logs
 * cannot settle set aside for a read (see participation-index.ts, which reads them).
 */
import { toEventSelector, type Address, type Hex } from 'viem';
import { altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { LogIndex } from '../../../lib/logs/log-index.ts';
import type { IndexedLog } from '../../../lib/logs/log-store.ts';
import { topicAddress } from '../../../lib/logs/chain-logs.ts';
import { proposalCreatedEvent } from '../../../lib/governance/proposal-description.ts';
import { participationOf, type Participation, type ProposalVoting } from './participation.ts';
import { VOTE_CAST_TOPICS } from '../votes-cast.ts';

const event = (abi: readonly { type: string; name?: string }[], name: string) =>
  toEventSelector(abi.find((i) => i.type === 'event' && i.name === name) as never);
const PROPOSAL_CREATED = toEventSelector(proposalCreatedEvent);
const VOTE_CAST = VOTE_CAST_TOPICS;
const VOTES_CHANGED = event(altVotesAbi, 'DelegateVotesChanged');

const word = (data: Hex, i: number) => BigInt(`0x${data.slice(2 + 64 * i, 2 + 64 * (i + 1)) || '0'}`);

export interface ProposalPoint {
  id: bigint;
  /** The snapshot timepoint (voteStart), in the governor's clock. */
  snapshot: bigint;
  createdBlock: bigint;
  /** The block of its first vote: every block from it on is past the snapshot. */
  firstVoteBlock?: bigint;
}

export interface PowerChange {
  block: bigint;
  /** Votes after the change. */
  votes: bigint;
}

export interface ParticipationLogs {
  /** Oldest first. */
  proposals: ProposalPoint[];
  /** Voter → proposal id → weight. */
  votes: Map<Address, Map<bigint, bigint>>;
  /** Delegate → its changes of votes, oldest first. */
  changes: Map<Address, PowerChange[]>;
  /**
   * Votes before the index's first block, where the build's history snapshot gave the standing at
   * its block (the index holds only what follows it, and so only proposals created after it).
   */
  base?: Map<Address, bigint>;
  /** Ids of the proposals created before the index's first block, oldest first (the snapshot's list). */
  olderIds?: bigint[];
}

/** Gathers the three kinds of logs of `governor` and `token` from the index. */
export function participationLogs(
  index: LogIndex,
  governor: Address,
  token: Address,
  base?: Map<Address, bigint>,
): ParticipationLogs {
  const proposals: ProposalPoint[] = [];
  const byId = new Map<bigint, ProposalPoint>();
  for (const log of index.select({ address: governor, topic0: [PROPOSAL_CREATED] })) {
    if (log.data.length < 2 + 64 * 9) continue;
    const point = { id: word(log.data, 0), snapshot: word(log.data, 6), createdBlock: log.blockNumber };
    proposals.push(point);
    byId.set(point.id, point);
  }
  const votes = new Map<Address, Map<bigint, bigint>>();
  for (const log of index.select({ address: governor, topic0: VOTE_CAST })) {
    if (!log.topics[1] || log.data.length < 2 + 64 * 3) continue;
    const voter = topicAddress(log.topics[1]);
    const id = word(log.data, 0);
    let mine = votes.get(voter);
    if (!mine) votes.set(voter, (mine = new Map()));
    mine.set(id, word(log.data, 2));
    const point = byId.get(id);
    if (point && (point.firstVoteBlock === undefined || log.blockNumber < point.firstVoteBlock))
      point.firstVoteBlock = log.blockNumber;
  }
  const changes = new Map<Address, PowerChange[]>();
  for (const log of index.select({ address: token, topic0: [VOTES_CHANGED] }) as IndexedLog[]) {
    if (!log.topics[1] || log.data.length < 2 + 64 * 2) continue;
    const delegate = topicAddress(log.topics[1]);
    let list = changes.get(delegate);
    if (!list) changes.set(delegate, (list = []));
    list.push({ block: log.blockNumber, votes: word(log.data, 1) });
  }
  return { proposals, votes, changes, base };
}

/** What the logs say of a delegate's votes at a proposal's snapshot: some, none, or it cannot tell. */
export type AtSnapshot = 'some' | 'none' | 'unknown';

/** The value after the last change at or before `block` (`before` if there is none). */
function valueAt(changes: PowerChange[], block: bigint, before: bigint): bigint {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].block <= block) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? before : changes[lo - 1].votes;
}

/** Whether `changes` (a delegate's, oldest first, starting from `start` votes) had votes at `p`'s snapshot. */
export function votesAtSnapshot(changes: PowerChange[] | undefined, p: ProposalPoint, start = 0n): AtSnapshot {
  const list = changes ?? [];
  const atCreation = valueAt(list, p.createdBlock, start) > 0n;
  for (const c of list) {
    if (c.block <= p.createdBlock) continue;
    if (p.firstVoteBlock !== undefined && c.block >= p.firstVoteBlock) break;
    if (c.votes > 0n !== atCreation) return 'unknown';
  }
  return atCreation ? 'some' : 'none';
}

/** A delegate's participation as far as the logs decide it, and the proposals they cannot. */
export function classify(logs: ParticipationLogs, delegate: Address, settled: (p: ProposalPoint) => boolean) {
  const mine = logs.votes.get(delegate);
  const changes = logs.changes.get(delegate);
  const known: { id: bigint; eligible: boolean; voted: boolean }[] = [];
  const unknown: ProposalPoint[] = [];
  for (const p of logs.proposals) {
    if (!settled(p)) continue;
    const weight = mine?.get(p.id);
    if (weight !== undefined) known.push({ id: p.id, eligible: weight > 0n, voted: true });
    else {
      const at = votesAtSnapshot(changes, p, logs.base?.get(delegate));
      if (at === 'unknown') unknown.push(p);
      else known.push({ id: p.id, eligible: at === 'some', voted: false });
    }
  }
  return { known, unknown };
}

/** Participation from a delegate's classified proposals and the read answers for the rest (proposal order kept). */
export function participationFrom(
  logs: ParticipationLogs,
  known: { id: bigint; eligible: boolean; voted: boolean }[],
  read: Map<bigint, bigint>,
  older: ProposalVoting[] = [],
): Participation {
  const byId = new Map(known.map((k) => [k.id, k]));
  return participationOf([
    ...older,
    ...logs.proposals.flatMap((p) => {
      const k = byId.get(p.id);
      if (k) return [{ id: p.id, snapshot: p.snapshot, settled: true, votes: k.eligible ? 1n : 0n, voted: k.voted }];
      const votes = read.get(p.id);
      return votes === undefined ? [] : [{ id: p.id, snapshot: p.snapshot, settled: true, votes, voted: false }];
    }),
  ]);
}
