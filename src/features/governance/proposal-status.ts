/**
 * The governor reads that give one proposal's status, shared by the list (per row, in one batch)
 * and the proposal page (inside its batch), so both read and interpret them the same way.
 */
import { getAddress, type Address } from 'viem';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import { STATES, type ProposalStateName } from '../../lib/governance/proposal-text.ts';

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
  return [
    { ...gov, functionName: 'state', args: [id] },
    { ...gov, functionName: 'proposalVotes', args: [id] },
    { ...gov, functionName: 'proposalSnapshot', args: [id] },
    { ...gov, functionName: 'proposalDeadline', args: [id] },
    { ...gov, functionName: 'proposalEta', args: [id] },
    { ...gov, functionName: 'proposalProposer', args: [id] },
  ] as const;
};

export const STATUS_CALL_COUNT = 6;

/** The results of `statusCalls`, in order. */
export function toStatus(results: readonly unknown[]): ProposalStatus {
  const [state, votes, snapshot, deadline, eta, proposer] = results as [
    number,
    readonly [bigint, bigint, bigint],
    bigint,
    bigint,
    bigint,
    Address,
  ];
  return {
    state: STATES[state] ?? 'Pending',
    votes: { against: votes[0], for: votes[1], abstain: votes[2] },
    snapshot,
    deadline,
    eta,
    proposer: getAddress(proposer),
  };
}
