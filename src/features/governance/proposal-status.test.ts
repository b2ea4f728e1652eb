import { describe, expect, it } from 'vitest';
import { STATUS_CALL_COUNT, statusCalls, toStatus } from './proposal-status.ts';

const governor = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';

describe('proposal status', () => {
  it('reads the six figures for one proposal and names the state', () => {
    const calls = statusCalls(governor, 7n);
    expect(calls).toHaveLength(STATUS_CALL_COUNT);
    expect(calls.map((c) => c.functionName)).toEqual([
      'state',
      'proposalVotes',
      'proposalSnapshot',
      'proposalDeadline',
      'proposalEta',
      'proposalProposer',
    ]);
    expect(toStatus([5, [1n, 2n, 3n], 10n, 20n, 30n, governor.toLowerCase()])).toEqual({
      state: 'Queued',
      votes: { against: 1n, for: 2n, abstain: 3n },
      snapshot: 10n,
      deadline: 20n,
      eta: 30n,
      proposer: governor,
    });
  });

  it('treats an unknown state number as Pending', () => {
    expect(toStatus([42, [0n, 0n, 0n], 0n, 0n, 0n, governor]).state).toBe('Pending');
  });
});
