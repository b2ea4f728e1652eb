import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Address } from 'viem';
import { firstScreen, PREVIEW_ROWS, rememberPreview, storedPreview } from './directory-preview.ts';
import type { OperatorInfo, StakingState } from '../../lib/staking/read-staking.ts';
import { refuseStorage, stubStorage } from '../../lib/storage/stub-storage.ts';

const STAKING = '0x00000000000000000000000000000000000000aa' as Address;
const operator = (i: number, totalStake: bigint): OperatorInfo => ({
  operator: `0x${(i + 1).toString(16).padStart(40, '0')}` as Address,
  status: 1,
  services: 3,
  commissionBps: 500,
  pendingCommissionBps: 0,
  commissionEffectiveAt: 0,
  slashCount: 0,
  stakerCount: 2,
  slashing: false,
  totalStake,
  unbondingStake: 0n,
  selfStake: 10n ** 18n,
  totalSlashed: 0n,
  commissionAccrued: 0n,
  metadataURI: 'data:application/json,{"name":"<b>x</b>"}',
});
const state = (blockNumber: bigint, operators: OperatorInfo[]): StakingState =>
  ({
    blockNumber,
    chainTime: 1_700_000_000n,
    parameters: {
      operatorCount: BigInt(operators.length),
      rewardRate: 1n,
      totalEarningStake: 5n,
      undistributedRewards: 9n,
    },
    operators,
  }) as unknown as StakingState;

describe('directory preview', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the most delegated first, ties in registration order, as the directory sorts', () => {
    const ops = Array.from({ length: 60 }, (_, i) => operator(i, BigInt(i % 7) * 10n ** 21n));
    const first = firstScreen(ops);
    expect(first).toHaveLength(PREVIEW_ROWS);
    for (let i = 1; i < first.length; i++) {
      expect(first[i - 1].totalStake >= first[i].totalStake).toBe(true);
      if (first[i - 1].totalStake === first[i].totalStake)
        expect(ops.indexOf(first[i - 1]) < ops.indexOf(first[i])).toBe(true);
    }
  });

  it('reads back exactly what it kept, amounts as bigint, per chain and contract', () => {
    stubStorage();
    const ops = Array.from({ length: 40 }, (_, i) => operator(i, BigInt(i) * 10n ** 30n + 1n));
    rememberPreview(31337, STAKING, state(100n, ops));
    const kept = storedPreview(31337, STAKING)!;
    expect(kept.blockNumber).toBe(100n);
    expect(kept.parameters.operatorCount).toBe(40n);
    expect(kept.operators).toEqual(firstScreen(ops));
    expect(storedPreview(1, STAKING)).toBeUndefined();
    expect(storedPreview(31337, '0x00000000000000000000000000000000000000bb')).toBeUndefined();
  });

  it('is rewritten only once the chain has moved on, not by a backend behind it, and after a restart', () => {
    stubStorage();
    const ops = [operator(0, 5n)];
    rememberPreview(31337, STAKING, state(100n, ops));
    rememberPreview(31337, STAKING, state(110n, [operator(0, 6n)]));
    expect(storedPreview(31337, STAKING)!.blockNumber).toBe(100n);
    rememberPreview(31337, STAKING, state(130n, [operator(0, 7n)]));
    expect(storedPreview(31337, STAKING)!.operators[0].totalStake).toBe(7n);
    rememberPreview(31337, STAKING, state(129n, [operator(0, 1n)]));
    expect(storedPreview(31337, STAKING)!.blockNumber).toBe(130n);
    rememberPreview(31337, STAKING, state(3n, [operator(0, 1n)]));
    expect(storedPreview(31337, STAKING)!.blockNumber).toBe(3n);
  });

  it('ignores a malformed or tampered record, and refused storage', () => {
    const items = stubStorage();
    const key = `alt-gov:v1:directory-preview:31337:${STAKING}`;
    for (const raw of [
      'not json',
      '{}',
      JSON.stringify({ blockNumber: 1, chainTime: 1, parameters: {}, operators: [] }),
      JSON.stringify({
        blockNumber: { $big: '1' },
        chainTime: { $big: '1' },
        parameters: {
          operatorCount: { $big: '1' },
          rewardRate: { $big: '1' },
          totalEarningStake: { $big: '1' },
          undistributedRewards: { $big: '1' },
        },
        operators: [{ operator: 'javascript:alert(1)' }],
      }),
    ]) {
      items.set(key, raw);
      expect(storedPreview(31337, STAKING)).toBeUndefined();
    }
    refuseStorage();
    expect(storedPreview(31337, STAKING)).toBeUndefined();
    expect(() => rememberPreview(31337, STAKING, state(1n, [operator(0, 1n)]))).not.toThrow();
  });
});
