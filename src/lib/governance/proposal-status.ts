/**
 * The governor reads that give one proposal's status, shared by the list (per row, in one batch)
 * and the proposal page (inside its batch), so both read and interpret them the same way.
 */
import { getAddress, type Address } from 'viem';
import type { RowValues } from '../web3/read-batch.ts';
import { altGovernorAbi } from '../contracts/generated.ts';
import { STATES, type ProposalStateName } from './proposal-text.ts';

export interface ProposalStatus {
  state: ProposalStateName;
  votes: { against: bigint; for: bigint; abstain: bigint };
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  proposer: Address;
}

export const statusCalls = (governor: Address, id: bigint) => {
  const gov = { address: governor, abi: altGovernorAbi } as const;
  return {
    state: { ...gov, functionName: 'state', args: [id] },
    votes: { ...gov, functionName: 'proposalVotes', args: [id] },
    snapshot: { ...gov, functionName: 'proposalSnapshot', args: [id] },
    deadline: { ...gov, functionName: 'proposalDeadline', args: [id] },
    eta: { ...gov, functionName: 'proposalEta', args: [id] },
    proposer: { ...gov, functionName: 'proposalProposer', args: [id] },
  } as const;
};

/** The results of `statusCalls`, by name. */
export function toStatus({
  state,
  votes,
  snapshot,
  deadline,
  eta,
  proposer,
}: RowValues<ReturnType<typeof statusCalls>>): ProposalStatus {
  return {
    state: STATES[state] ?? 'Pending',
    votes: { against: votes[0], for: votes[1], abstain: votes[2] },
    snapshot,
    deadline,
    eta,
    proposer: getAddress(proposer),
  };
}
