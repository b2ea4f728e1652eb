/**
 * Proposals' `ProposalCreated` logs (the only place their descriptions live), selected from the
 * chain's log index and decoded only when a proposal is shown: a thousand proposals cost ten
 * decodes for a page of ten.
 */
import { toEventSelector, type Address } from 'viem';
import type { LogIndex } from '../../lib/logs/log-index.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import { memoByVersion } from '../../lib/logs/chain-logs.ts';
import { decodeProposalCreated, proposalCreatedEvent, type CreatedProposal } from './proposal-description.ts';

const TOPIC = toEventSelector(proposalCreatedEvent);

/** `ProposalCreated` logs by proposal id (its first data word), per governor. */
const createdLogs = memoByVersion((index: LogIndex) => {
  const byGovernor = new Map<string, Map<bigint, IndexedLog>>();
  for (const log of index.select({ topic0: TOPIC })) {
    if (log.data.length < 66) continue;
    let ids = byGovernor.get(log.address);
    if (!ids) byGovernor.set(log.address, (ids = new Map()));
    ids.set(BigInt(log.data.slice(0, 66)), log);
  }
  return byGovernor;
});

/** Decoded once per log object: a reorg brings new objects, so nothing stale is served. */
const decoded = new WeakMap<IndexedLog, CreatedProposal | null>();

/** The decoded creation log of proposal `id`, or undefined (not in the index, or not the standard layout). */
export function createdOf(index: LogIndex, governor: Address, id: bigint): CreatedProposal | undefined {
  const log = createdLogs(index).get(governor.toLowerCase())?.get(id);
  if (!log) return undefined;
  if (!decoded.has(log)) {
    let created: CreatedProposal | null = null;
    try {
      created = { ...decodeProposalCreated(log.data), blockNumber: log.blockNumber, transactionHash: log.transactionHash };
      // The first word claimed the id; only a log whose decoded id agrees counts.
      if (created.proposalId !== id) created = null;
    } catch {
      created = null;
    }
    decoded.set(log, created);
  }
  return decoded.get(log) ?? undefined;
}
