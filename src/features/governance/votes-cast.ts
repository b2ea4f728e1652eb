/**
 * Votes from the governor's logs, both kinds OpenZeppelin's Governor emits: `VoteCast`, and
 * `VoteCastWithParams` for a vote cast with parameters (which the simple counting counts the same).
 * Every reader of votes (a proposal's votes, a voter's history, participation) takes both from here.
 */
import { toEventSelector, type Address, type Hex } from 'viem';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import { decodeLogs } from '../../lib/logs/chain-logs.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import { cleanText } from '../../lib/format/clean-text.ts';

const events = altGovernorAbi.filter(
  (i) => i.type === 'event' && (i.name === 'VoteCast' || i.name === 'VoteCastWithParams'),
);

/** The two events' topic0s, for a log filter. */
export const VOTE_CAST_TOPICS = events.map((e) => toEventSelector(e as never));

export type VoteArgs = { voter: Address; proposalId: bigint; support: number; weight: bigint; reason: string };

/** Decodes vote logs of either kind (others are skipped). */
export const decodeVotes = (logs: IndexedLog[]) => decodeLogs<VoteArgs>(events, logs);

export interface CastVote {
  voter: Address;
  support: 0 | 1 | 2;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
  transactionHash: Hex;
}

/** The votes cast on `proposalId` among the governor's vote logs `select` returns, oldest first. */
export function votesCastOn(
  select: (filter: LogFilter) => IndexedLog[],
  governor: Address,
  proposalId: bigint,
): CastVote[] {
  return decodeVotes(select({ address: governor, topic0: VOTE_CAST_TOPICS }))
    .filter(({ args }) => args.proposalId === proposalId)
    .map(({ args, log }) => ({
      voter: args.voter,
      support: Number(args.support) as 0 | 1 | 2,
      weight: args.weight,
      reason: cleanText(args.reason, { multiline: true }),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    }));
}
