import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { filterRows, netRewardRateBps, rewardRunway, sortRows, toRows } from './operator-rows.ts';
import type { OperatorInfo, StakingParameters } from './read-staking.ts';

const ALT = 10n ** 18n;
const parameters = {
  rewardRate: 3n * ALT,
  totalEarningStake: 100_000_000n * ALT,
  undistributedRewards: 1_000_000n * ALT,
} as StakingParameters;
const operator = (n: number, over: Partial<OperatorInfo> = {}): OperatorInfo =>
  ({
    operator: `0x${n.toString(16).padStart(40, '0')}` as Address,
    status: 1,
    services: 1,
    commissionBps: 1_000,
    totalStake: BigInt(n) * ALT,
    selfStake: 0n,
    totalSlashed: 0n,
    metadataURI: '',
    ...over,
  }) as OperatorInfo;

describe('netRewardRateBps', () => {
  it('is rate × year × (1 − commission) ÷ earning stake', () => {
    // 3 ALT/s × 31,536,000 s × 90% ÷ 100M ALT = 85.1472% → 8514 bps (rounded down).
    expect(netRewardRateBps(parameters, operator(1))).toBe(8_514n);
    expect(netRewardRateBps(parameters, operator(1, { commissionBps: 0 }))).toBe(9_460n);
  });

  it('is undefined for inactive operators or no stream, and zero when the reserve is empty', () => {
    expect(netRewardRateBps(parameters, operator(1, { status: 2 }))).toBeUndefined();
    expect(netRewardRateBps({ ...parameters, rewardRate: 0n }, operator(1))).toBeUndefined();
    expect(netRewardRateBps({ ...parameters, totalEarningStake: 0n }, operator(1))).toBeUndefined();
    expect(netRewardRateBps({ ...parameters, undistributedRewards: 0n }, operator(1))).toBe(0n);
  });

  it('gives the reserve runway in seconds', () => {
    expect(rewardRunway(parameters)).toBe(333_333n);
  });
});

describe('filter and sort', () => {
  const names: Record<number, string> = { 1: 'Kiln', 2: 'Ottie Labs', 3: 'Northstar' };
  const rows = toRows(
    [operator(1, { services: 3 }), operator(2, { services: 4, status: 2 }), operator(3, { commissionBps: 500 })],
    parameters,
    (info) => names[Number(BigInt(info.operator))],
    [{ operator: operator(3).operator, stake: 5n, principal: 5n, pendingRewards: 0n }],
  );

  it('filters by name, address, service, status and my delegations', () => {
    const base = { query: '', service: '', status: '', mineOnly: false };
    expect(filterRows(rows, { ...base, query: 'otti' }).map((r) => r.name)).toEqual(['Ottie Labs']);
    expect(filterRows(rows, { ...base, query: '0000003' }).map((r) => r.name)).toEqual(['Northstar']);
    expect(filterRows(rows, { ...base, service: 'MACH' }).map((r) => r.name)).toEqual(['Kiln']);
    expect(filterRows(rows, { ...base, status: 'Deactivated' }).map((r) => r.name)).toEqual(['Ottie Labs']);
    expect(filterRows(rows, { ...base, mineOnly: true }).map((r) => r.name)).toEqual(['Northstar']);
  });

  it('sorts by any column both ways, keeping ties in registration order', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Kiln', 'Northstar', 'Ottie Labs']);
    expect(sortRows(rows, 'totalStake', 'desc').map((r) => r.name)).toEqual(['Northstar', 'Ottie Labs', 'Kiln']);
    expect(sortRows(rows, 'netRate', 'desc').map((r) => r.name)).toEqual(['Northstar', 'Kiln', 'Ottie Labs']);
    expect(sortRows(rows, 'slashes', 'asc').map((r) => r.name)).toEqual(['Kiln', 'Ottie Labs', 'Northstar']);
  });
});
