/**
 * How often a delegate votes: of the proposals whose snapshot fell while the delegate held voting
 * power (its votes at the snapshot, as the governor counts them), how many it voted on, over the
 * last 10 and over all. Read from the chain, pinned to one block: the proposals and their snapshots
 * (GovernorStorage), then the delegate's votes at each snapshot and whether it voted, in one batch.
 */
import type { Address } from 'viem';
import { altGovernorAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import { readAll } from '../../../lib/web3/eth-call.ts';
import { readRows } from '../../../lib/web3/read-batch.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';
import * as m from '../../../lib/i18n/messages.ts';

export interface ProposalVoting {
  id: bigint;
  /** The snapshot timepoint, in the governor's clock. */
  snapshot: bigint;
  /** Whether the snapshot has passed (only then are votes at it known). */
  settled: boolean;
  /** The delegate's votes at the snapshot. */
  votes: bigint;
  voted: boolean;
}

export interface Participation {
  /** Proposals whose snapshot fell while the delegate held voting power, and those it voted on. */
  eligible: number;
  voted: number;
  /** The same, over the last 10 such proposals. */
  eligibleLast10: number;
  votedLast10: number;
}

/** Participation from each proposal's figures, `proposals` oldest first. */
export function participationOf(proposals: ProposalVoting[]): Participation {
  const eligible = proposals.filter((p) => p.settled && p.votes > 0n);
  const last10 = eligible.slice(-10);
  return {
    eligible: eligible.length,
    voted: eligible.filter((p) => p.voted).length,
    eligibleLast10: last10.length,
    votedLast10: last10.filter((p) => p.voted).length,
  };
}

/** "7 of 9 (78%)", or "No proposal yet" when none counts. */
export function participationText(voted: number, eligible: number): string {
  if (eligible === 0) return m.delegates_participation_none();
  return m.delegates_participation_text({ voted, eligible, percent: Math.round((voted * 100) / eligible) });
}

/** Reads `delegate`'s figures for every proposal of `governor`, at `blockNumber`. */
export async function readParticipation(
  client: ReadClient,
  multicall3: Address,
  governor: Address,
  votesToken: Address,
  delegate: Address,
  blockNumber: bigint,
): Promise<Participation> {
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const [{ count, clock }] = await readRows(
    client,
    multicall3,
    [gov],
    (g) => ({ count: { ...g, functionName: 'proposalCount' }, clock: { ...g, functionName: 'clock' } }) as const,
    blockNumber,
  );
  const indices = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const details = await readRows(
    client,
    multicall3,
    indices,
    (i) => ({ details: { ...gov, functionName: 'proposalDetailsAt', args: [i] } }) as const,
    blockNumber,
  );
  const ids = details.map((d) => d.details[0]);
  const perProposal = await readRows(
    client,
    multicall3,
    ids,
    (id) =>
      ({
        snapshot: { ...gov, functionName: 'proposalSnapshot', args: [id] },
        voted: { ...gov, functionName: 'hasVoted', args: [id, delegate] },
      }) as const,
    blockNumber,
  );
  const snapshots = perProposal.map((p) => p.snapshot);
  const settled = snapshots.map((s) => s < clock);
  // Votes at a snapshot are known only once it has passed (getPastVotes refuses the present).
  const pastVotes = await readAll(
    client,
    multicall3,
    ids.flatMap((_, k) =>
      settled[k]
        ? [
            {
              address: votesToken,
              abi: altVotesAbi,
              functionName: 'getPastVotes',
              args: [delegate, snapshots[k]],
            } as const,
          ]
        : [],
    ),
    blockNumber,
  );
  let next = 0;
  return participationOf(
    ids.map((id, k) => ({
      id,
      snapshot: snapshots[k],
      settled: settled[k],
      votes: settled[k] ? pastVotes[next++] : 0n,
      voted: perProposal[k].voted,
    })),
  );
}
