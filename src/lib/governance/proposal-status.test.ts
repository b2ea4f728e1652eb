import { describe, expect, it } from 'vitest';
import { statusCalls, toStatus } from './proposal-status.ts';

const governor = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';

describe('proposal status', () => {
  it('reads the six figures for one proposal, by name, and names the state', () => {
    const calls = statusCalls(governor, 7n);
    expect(Object.fromEntries(Object.entries(calls).map(([name, c]) => [name, [c.functionName, c.args]]))).toEqual({
      state: ['state', [7n]],
      votes: ['proposalVotes', [7n]],
      snapshot: ['proposalSnapshot', [7n]],
      deadline: ['proposalDeadline', [7n]],
      eta: ['proposalEta', [7n]],
      proposer: ['proposalProposer', [7n]],
    });
    expect(
      toStatus({
        state: 5,
        votes: [1n, 2n, 3n],
        snapshot: 10n,
        deadline: 20n,
        eta: 30n,
        proposer: governor.toLowerCase() as `0x${string}`,
      }),
    ).toEqual({
      state: 'Queued',
      votes: { against: 1n, for: 2n, abstain: 3n },
      snapshot: 10n,
      deadline: 20n,
      eta: 30n,
      proposer: governor,
    });
  });

  it('treats an unknown state number as Pending', () => {
    expect(
      toStatus({ state: 42, votes: [0n, 0n, 0n], snapshot: 0n, deadline: 0n, eta: 0n, proposer: governor }).state,
    ).toBe('Pending');
  });
});
