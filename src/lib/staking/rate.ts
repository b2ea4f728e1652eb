import type { StakingParameters } from './read-staking.ts';

export const SECONDS_PER_YEAR = 31_536_000n;

/**
 * The stream pays `rewardRate` ALT/s across all actively earning stake, pro rata, while the funded
 * reserve lasts. So one staked ALT earns, per year, keeping `keepBps` of it (10,000 less a commission):
 * rewardRate × seconds per year × keep ÷ total earning stake. Undefined when nothing streams; 0 when
 * the reserve is empty.
 */
export function streamRateBps(
  parameters: Pick<StakingParameters, 'rewardRate' | 'totalEarningStake' | 'undistributedRewards'>,
  keepBps = 10_000n,
): bigint | undefined {
  if (parameters.totalEarningStake === 0n || parameters.rewardRate === 0n) return undefined;
  if (parameters.undistributedRewards === 0n) return 0n;
  return (parameters.rewardRate * SECONDS_PER_YEAR * keepBps) / parameters.totalEarningStake;
}

/** A rate in basis points as a percentage with two decimals, or a dash when none is paid. */
export function formatRate(bps: bigint | undefined): string {
  if (bps === undefined) return '—';
  return `${(Number(bps) / 100).toFixed(2)}%`;
}
