import { describe, expect, it } from 'vitest';
import { formatRate, streamRateBps } from './rate.ts';

const ALT = 10n ** 18n;

describe('streamRateBps', () => {
  it('is the stream per staked ALT a year, less what an operator keeps', () => {
    const p = { rewardRate: ALT, totalEarningStake: 100_000_000n * ALT, undistributedRewards: ALT };
    expect(streamRateBps(p)).toBe(3_153n);
    expect(streamRateBps(p, 9_000n)).toBe(2_838n);
  });
  it('is undefined with no stream or no stake, and 0 once the reserve is empty', () => {
    expect(streamRateBps({ rewardRate: 0n, totalEarningStake: ALT, undistributedRewards: ALT })).toBeUndefined();
    expect(streamRateBps({ rewardRate: ALT, totalEarningStake: 0n, undistributedRewards: ALT })).toBeUndefined();
    expect(streamRateBps({ rewardRate: ALT, totalEarningStake: ALT, undistributedRewards: 0n })).toBe(0n);
  });
  it('formats as a percentage', () => expect(formatRate(3_153n)).toBe('31.53%'));
});
