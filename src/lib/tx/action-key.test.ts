import { describe, expect, it } from 'vitest';
import { altGovernorAbi } from '../contracts/generated.ts';
import { actionKey } from './action-key.ts';

const governor = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const vote = (id: bigint, support: number, reason: string) =>
  ({
    address: governor,
    abi: altGovernorAbi,
    functionName: 'castVoteWithReason',
    args: [id, support, reason],
  }) as const;

describe('actionKey', () => {
  it('is the same for the same action, whatever the choice, reason or address case', () => {
    const me = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    expect(actionKey(31337, me, vote(7n, 1, 'yes'))).toBe(actionKey(31337, me.toLowerCase(), vote(7n, 0, 'no')));
  });

  it('differs by chain, account, proposal and function', () => {
    const me = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    const keys = new Set([
      actionKey(31337, me, vote(7n, 1, '')),
      actionKey(1, me, vote(7n, 1, '')),
      actionKey(31337, '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', vote(7n, 1, '')),
      actionKey(31337, me, vote(8n, 1, '')),
      actionKey(31337, me, { address: governor, abi: altGovernorAbi, functionName: 'execute', args: [] }),
    ]);
    expect(keys.size).toBe(5);
  });
});
