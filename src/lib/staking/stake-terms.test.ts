import { describe, expect, it } from 'vitest';
import { zeroAddress } from 'viem';
import { commissionOutlook, needsRiskAcknowledgement, slashCeilingText } from './stake-terms.ts';
import type { OperatorInfo, StakingParameters } from './read-staking.ts';

const parameters = {
  rewardRate: 10n ** 18n,
  totalEarningStake: 100_000_000n * 10n ** 18n,
  undistributedRewards: 10n ** 24n,
} as StakingParameters;
const info = (commissionBps: number, pending?: [number, number]): OperatorInfo =>
  ({
    operator: zeroAddress,
    status: 1,
    commissionBps,
    pendingCommissionBps: pending?.[0] ?? 0,
    commissionEffectiveAt: pending?.[1] ?? 0,
  }) as unknown as OperatorInfo;

describe('needsRiskAcknowledgement', () => {
  it('asks a staker with no active stake, and nobody else', () => {
    expect(needsRiskAcknowledgement(undefined)).toBe(true);
    expect(needsRiskAcknowledgement([])).toBe(true);
    expect(needsRiskAcknowledgement([{ stake: 0n }])).toBe(true);
    expect(needsRiskAcknowledgement([{ stake: 0n }, { stake: 1n }])).toBe(false);
  });
});

describe('slashCeilingText', () => {
  it('names the contract ceiling', () => {
    expect(slashCeilingText(5_000n)).toBe('half');
    expect(slashCeilingText(2_500n)).toBe('25%');
    expect(slashCeilingText(10_000n)).toBe('all');
  });
});

describe('commissionOutlook', () => {
  it('gives the rate now and, for a pending rise, the lower rate after it', () => {
    const o = commissionOutlook(parameters, info(1_200, [1_500, 1_765_000_000]));
    // 1 ALT/s × 31,536,000 s × 88% ÷ 100M ALT = 27.75% a year; 85% after: 26.81%.
    expect(o.rateBps).toBe(2_775n);
    expect(o.pending).toEqual({ commissionBps: 1_500, effectiveAt: 1_765_000_000, rateBps: 2_680n });
  });
  it('has no pending part without a pending change', () => {
    expect(commissionOutlook(parameters, info(500)).pending).toBeUndefined();
  });
});
