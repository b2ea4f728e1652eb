/**
 * An address's votes from the governor's vote logs (`VoteCast` and `VoteCastWithParams`; voter is
 * indexed), newest first, with titles, from the build's snapshot and the index alike.
 */
import { cleanText } from '../../lib/format/clean-text.ts';
import { pad, type Address, type Hex } from 'viem';
import type { LogIndex } from '../../lib/logs/log-index.ts';
import { decodeVotes, VOTE_CAST_TOPICS } from './votes-cast.ts';
import type { HistorySnapshot } from '../../lib/logs/history-snapshot.ts';
import { SNAPSHOT_PARTS } from '../../lib/logs/snapshot-parts.ts';
import { createdOf } from '../../lib/governance/created-index.ts';
import { proposalTitle } from '../../lib/governance/proposal-text.ts';
import * as m from '../../lib/i18n/messages.ts';

export interface VoteRecord {
  proposalId: bigint;
  title: string;
  support: 0 | 1 | 2;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
  transactionHash: Hex;
}

/** `voter`'s vote logs on `governor`, oldest first, decoded. */
export const voteLogsOf = (index: LogIndex, governor: Address, voter: Address) =>
  decodeVotes(index.select({ address: governor, topic0: VOTE_CAST_TOPICS, topics: [pad(voter)] }));

/** `voter`'s `VoteCast` logs on `governor` in the build's snapshot (its shard of votes), oldest first, decoded. */
export const snapshotVoteLogsOf = async (snapshot: HistorySnapshot, governor: Address, voter: Address) =>
  decodeVotes(
    (await snapshot.logsOf('votes', SNAPSHOT_PARTS.votes, voter)).filter((l) => l.address === governor.toLowerCase()),
  );

/**
 * `voter`'s votes, newest first: the build's snapshot's shard of them (when there is one), then the
 * index's, already synced to the screen's block. Titles from the proposals' creation logs in the
 * index, else from the snapshot.
 */
export async function voteHistory(
  index: LogIndex,
  snapshot: HistorySnapshot | undefined,
  governor: Address,
  voter: Address,
): Promise<VoteRecord[]> {
  const earlier = snapshot ? await snapshotVoteLogsOf(snapshot, governor, voter) : [];
  const titles = await snapshot?.titles();
  return [...earlier, ...voteLogsOf(index, governor, voter)]
    .map(({ args, log }) => ({
      proposalId: args.proposalId,
      title: proposalTitle(
        createdOf(index, governor, args.proposalId)?.description ?? titles?.get(args.proposalId)?.title,
        m.gov_read_proposals_untitled({ number: args.proposalId }),
      ),
      support: Number(args.support) as 0 | 1 | 2,
      weight: args.weight,
      reason: cleanText(args.reason, { multiline: true }),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    }))
    .reverse();
}
