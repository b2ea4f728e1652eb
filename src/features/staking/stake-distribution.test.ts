import { describe, expect, it } from 'vitest';
import type { OperatorInfo } from '../../lib/staking/read-staking.ts';
import { stakeDistribution } from './stake-distribution.ts';

const op = (n: number, services: number, totalStake: bigint) =>
  ({ operator: `0x${n.toString(16).padStart(40, '0')}`, services, totalStake }) as unknown as OperatorInfo;

describe('stakeDistribution', () => {
  it('adds stake per service, counting an operator in each service it runs', () => {
    const d = stakeDistribution([op(1, 1, 10n), op(2, 3, 20n), op(3, 4, 5n)]);
    expect(d.services).toEqual([
      { name: 'VITAL', stake: 30n },
      { name: 'MACH', stake: 20n },
      { name: 'SQUAD', stake: 5n },
    ]);
    expect(d.total).toBe(35n);
  });

  it('lists the largest operators and puts the rest together', () => {
    const d = stakeDistribution([op(1, 1, 1n), op(2, 1, 5n), op(3, 1, 3n), op(4, 1, 2n)], 2);
    expect(d.operators.map((o) => o.stake)).toEqual([5n, 3n, 3n]);
    expect(d.operators.at(-1)!.operator).toBe('Others');
    expect(stakeDistribution([op(1, 1, 1n)], 2).operators).toHaveLength(1);
  });
});
