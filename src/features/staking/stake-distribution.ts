/** Where stake sits: per service, and across operators (the largest ten, then the rest together). */
import type { OperatorInfo } from '../../lib/staking/read-staking.ts';
import { SERVICES } from '../../lib/staking/operator-rows.ts';

export interface StakeDistribution {
  /** Active stake with the operators running each service (an operator running two counts in both). */
  services: { name: string; stake: bigint }[];
  /** The operators with the most active stake, largest first, then one entry for all the others. */
  operators: { operator: string; stake: bigint }[];
  total: bigint;
}

export function stakeDistribution(operators: OperatorInfo[], top = 10): StakeDistribution {
  const sorted = [...operators].sort((a, b) =>
    a.totalStake === b.totalStake ? a.operator.localeCompare(b.operator) : a.totalStake > b.totalStake ? -1 : 1,
  );
  const total = sorted.reduce((s, o) => s + o.totalStake, 0n);
  const largest = sorted.slice(0, top).map((o) => ({ operator: o.operator as string, stake: o.totalStake }));
  const rest = sorted.slice(top).reduce((s, o) => s + o.totalStake, 0n);
  return {
    services: SERVICES.map((s) => ({
      name: s.name,
      stake: operators.filter((o) => o.services & s.bit).reduce((sum, o) => sum + o.totalStake, 0n),
    })),
    operators: sorted.length > top ? [...largest, { operator: 'Others', stake: rest }] : largest,
    total,
  };
}
