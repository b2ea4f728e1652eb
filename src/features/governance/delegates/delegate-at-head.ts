/**
 * A delegate's page at the latest block from what the contracts record, not from the logs since the
 * stored history: its power (`getVotes`), its delegators (`AltVotes.delegatorsOf`) and its votes
 * (`AltGovernor.votesOf`: proposal, choice, weight, block) in one batch. A vote the stored history
 * does not hold gets its reason and transaction from its own block's log (one single-block read
 * each, sent together), and a proposal created since, its title from its creation block. Behind a
 * provider that caps log ranges at 10 blocks, a week of history costs a handful of requests instead
 * of one per window. Null when the contracts keep no such records (another governor or votes token):
 * the page reads the logs instead.
 */
import { getAddress, pad, type Address } from 'viem';
import { altGovernorAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { pageStarts, readAll, readAllInBatches } from '../../../lib/web3/eth-call.ts';
import { readBatch } from '../../../lib/web3/read-batch.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { readFilteredLogs, requestOf } from '../../../lib/logs/window-read.ts';
import { LearnedSize } from '../../../lib/rpc/learned-size.ts';
import { cleanText } from '../../../lib/format/clean-text.ts';
import { findCreated } from '../../../lib/governance/created-index.ts';
import { proposalTitle } from '../../../lib/governance/proposal-text.ts';
import { decodeVotes, VOTE_CAST_TOPICS } from '../votes-cast.ts';
import type { VoteRecord } from '../read-vote-history.ts';
import * as m from '../../../lib/i18n/messages.ts';

/**
 * Records per page: a delegator costs about 2,300 gas to read, a vote about 4,500, so a page stays
 * near 2.3M gas and four pages an eth_call under 10M, the lowest cap for calls a provider is known
 * to set (one that refuses it as too big splits it further: `aggregateInBatches`). Anyone can join a
 * delegate's set, so however long it grows it is read in such calls, never in one.
 */
export const DELEGATORS_PAGE = 1_000n;
export const VOTES_PAGE = 500n;
const PAGES_PER_CALL = 4;

/** What a delegate's page shows, at `blockNumber`. */
export interface DelegateView {
  blockNumber: bigint;
  power: bigint;
  delegators: Address[];
  /** Newest first. */
  history: VoteRecord[];
}

/** The contracts' record of one vote, as `votesOf` answers it. */
interface RecordedVote {
  proposalId: bigint;
  support: number;
  weight: bigint;
  blockNumber: bigint;
}

/**
 * Joins the contract's records of `voter`'s votes (oldest first) with what is already known of each
 * (the stored history's votes, by proposal): a known vote in the same block keeps its reason,
 * transaction and title; the rest are returned to be read. Newest first.
 */
export function joinVotes(
  records: readonly RecordedVote[],
  known: readonly VoteRecord[],
): { history: (VoteRecord | undefined)[]; missing: RecordedVote[] } {
  const byProposal = new Map(known.map((v) => [v.proposalId, v]));
  const missing: RecordedVote[] = [];
  const history = records.map((r) => {
    const stored = byProposal.get(r.proposalId);
    if (stored && stored.blockNumber === r.blockNumber) return stored;
    missing.push(r);
    return undefined;
  });
  return { history: history.reverse(), missing };
}

/** Vote logs are read from their own block only: a window of one block suits every provider. */
const oneBlock = new LearnedSize(1n);

export async function readDelegateAtHead(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  delegate: Address,
  /** The stored history's view of the delegate (its votes with reasons and titles), if any. */
  stored: { history: VoteRecord[] } | null,
  /** Titles known without a read: the snapshot's list and the stored index's creation logs. */
  knownTitle: (id: bigint) => string | undefined,
): Promise<DelegateView | null> {
  const governor = caps.governor?.address;
  // Without a governor there are no votes to list, and the logs say the rest as well.
  if (!governor) return null;
  const token = caps.votes!.address;
  const votesToken = { address: token, abi: altVotesAbi } as const;
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const { blockNumber, chainTime, values, errors } = await readBatch(
    client,
    chain,
    {
      power: { ...votesToken, functionName: 'getVotes', args: [delegate] },
      delegators: { ...votesToken, functionName: 'delegatorsOf', args: [delegate, 0n, DELEGATORS_PAGE] },
      votes: { ...gov, functionName: 'votesOf', args: [delegate, 0n, VOTES_PAGE] },
      votingDelay: { ...gov, functionName: 'votingDelay' },
    },
    { allowFailure: true },
  );
  // A votes token or governor without the records: the page reads the logs.
  if (errors.delegators || errors.power || errors.votes || errors.votingDelay) return null;
  const [firstDelegators, delegatorTotal] = values.delegators!;
  const [firstVotes, voteTotal] = values.votes!;
  // Beyond the first page, the rest at the same block.
  const [moreDelegators, moreVotes] = await Promise.all([
    delegatorTotal > DELEGATORS_PAGE
      ? readAllInBatches(
          client,
          multicall3Of(chain),
          pageStarts(DELEGATORS_PAGE, delegatorTotal, DELEGATORS_PAGE).map(
            (start) =>
              ({ ...votesToken, functionName: 'delegatorsOf', args: [delegate, start, DELEGATORS_PAGE] }) as const,
          ),
          blockNumber,
          PAGES_PER_CALL,
        )
      : [],
    voteTotal > VOTES_PAGE
      ? readAllInBatches(
          client,
          multicall3Of(chain),
          pageStarts(VOTES_PAGE, voteTotal, VOTES_PAGE).map(
            (start) => ({ ...gov, functionName: 'votesOf', args: [delegate, start, VOTES_PAGE] }) as const,
          ),
          blockNumber,
          PAGES_PER_CALL,
        )
      : [],
  ]);
  const delegators = [...firstDelegators, ...moreDelegators.flatMap(([page]) => page)].map((a) => getAddress(a));
  const records: RecordedVote[] = [...firstVotes, ...moreVotes.flatMap(([page]) => page)].map((v) => ({
    proposalId: v.proposalId,
    support: v.support,
    weight: v.weight,
    blockNumber: BigInt(v.blockNumber),
  }));
  const { history, missing } = joinVotes(records, stored?.history ?? []);
  if (!missing.length) {
    return { blockNumber, power: values.power!, delegators, history: history.filter((v) => v !== undefined) };
  }
  // The votes the stored history does not hold: their logs from their own blocks, and the titles
  // of proposals it has never seen from their creation blocks, together.
  const request = requestOf(client);
  const voter = pad(delegate);
  const untitled = [...new Set(missing.map((r) => r.proposalId))].filter((id) => knownTitle(id) === undefined);
  const [logs, created] = await Promise.all([
    Promise.all(
      [...new Set(missing.map((r) => r.blockNumber))].map((block) =>
        readFilteredLogs(request, { address: governor, topics: [VOTE_CAST_TOPICS, voter] }, block, block, oneBlock),
      ),
    ),
    untitled.length ? titlesOf(client, chain, caps, untitled, blockNumber, chainTime, values.votingDelay!) : new Map(),
  ]);
  const cast = new Map(decodeVotes(logs.flat()).map(({ args, log }) => [args.proposalId, { args, log }]));
  // A recorded vote whose block shows no log: a node behind the one that answered the batch. The
  // read fails and is tried again, rather than show a vote without its reason and transaction.
  if (missing.some((r) => !cast.has(r.proposalId))) throw new Error(m.errors_history_query_failed());
  const read = missing.map((r): VoteRecord => {
    const { args, log } = cast.get(r.proposalId)!;
    return {
      proposalId: r.proposalId,
      title: proposalTitle(
        knownTitle(r.proposalId) ?? created.get(r.proposalId),
        m.gov_read_proposals_untitled({ number: r.proposalId }),
      ),
      support: r.support as 0 | 1 | 2,
      weight: r.weight,
      reason: cleanText(args.reason, { multiline: true }),
      blockNumber: r.blockNumber,
      transactionHash: log.transactionHash,
    };
  });
  // Back in place: `missing` is oldest first, the history newest first.
  let next = read.length;
  return {
    blockNumber,
    power: values.power!,
    delegators,
    history: history.map((v) => v ?? read[--next]),
  };
}

/** The descriptions of proposals `ids` from their creation logs, found from their voting snapshots. */
async function titlesOf(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  ids: bigint[],
  blockNumber: bigint,
  chainTime: bigint,
  votingDelay: bigint,
): Promise<Map<bigint, string>> {
  const governor = caps.governor!;
  const snapshots = await readAll(
    client,
    multicall3Of(chain),
    ids.map(
      (id) =>
        ({ address: governor.address, abi: altGovernorAbi, functionName: 'proposalSnapshot', args: [id] }) as const,
    ),
    blockNumber,
  );
  const found = await findCreated(
    client,
    chain.id,
    ids.map((id, i) => ({ id, snapshot: snapshots[i] })),
    {
      governor: governor.address,
      deployBlock: BigInt(chain.deployBlock),
      clockMode: governor.clockMode,
      votingDelay,
      head: { number: blockNumber, timestamp: chainTime },
    },
  );
  return new Map([...found].map(([id, created]) => [id, created.description]));
}
