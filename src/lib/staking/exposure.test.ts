import { describe, expect, it } from 'vitest';
import { zeroAddress, type Address } from 'viem';
import { exposureOf, slashCut } from './exposure.ts';
import type { OperatorInfo, Position, UnbondingRequest } from './read-staking.ts';

const A = '0x00000000000000000000000000000000000000Aa' as Address;
const B = '0x00000000000000000000000000000000000000bB' as Address;
const NOW = 1_000_000n;
const operator = (address: Address, over: Partial<OperatorInfo> = {}): OperatorInfo =>
  ({
    operator: address,
    status: 1,
    services: 1,
    commissionBps: 1_000,
    pendingCommissionBps: 0,
    commissionEffectiveAt: 0,
    slashCount: 0,
    stakerCount: 1,
    slashing: false,
    totalStake: 0n,
    unbondingStake: 0n,
    selfStake: 0n,
    totalSlashed: 0n,
    commissionAccrued: 0n,
    metadataURI: '',
    ...over,
  }) as OperatorInfo;
const position = (op: Address, stake: bigint): Position => ({
  operator: op,
  stake,
  principal: stake,
  pendingRewards: 0n,
});
const request = (op: Address, amount: bigint, unlockTime: bigint, to: Address = zeroAddress): UnbondingRequest => ({
  id: 1n,
  operator: op,
  redelegateTo: to,
  unlockTime: Number(unlockTime),
  requestedAmount: amount,
  amount,
});

describe('exposureOf', () => {
  it('rounds each part up against the staker, as the contract does', () => {
    expect(slashCut(1n, 5_000n)).toBe(1n);
    expect(slashCut(10_000n, 5_000n)).toBe(5_000n);
    expect(slashCut(10_001n, 5_000n)).toBe(5_001n);
  });

  it('counts the active stake and the requests still locked from that operator, at the maximum fraction', () => {
    const { positions, total } = exposureOf(
      [position(A, 1_001n), position(B, 0n)],
      [request(A, 301n, NOW + 1n), request(A, 999n, NOW), request(A, 7n, NOW + 5n, B)],
      [operator(A), operator(B)],
      5_000n,
      NOW,
    );
    // 1,001 active, 301 and 7 still locked (a redelegation away from A stays A's to slash); 999 unlocked.
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ operator: A, active: 1_001n, unbonding: 308n, reasons: [] });
    expect(positions[0].maxLoss).toBe(501n + 151n + 4n);
    expect(total).toEqual({ active: 1_001n, unbonding: 308n, maxLoss: 656n, slashingUpTo: 0n });
  });

  it('says why a position may be better moved: a commission rise, a slash being applied, an inactive operator', () => {
    const { positions } = exposureOf(
      [position(A, 100n), position(B, 100n)],
      [],
      [
        operator(A, { pendingCommissionBps: 1_500, commissionEffectiveAt: Number(NOW + 60n), slashing: true }),
        operator(B, { status: 2, pendingCommissionBps: 500, commissionEffectiveAt: Number(NOW + 60n) }),
      ],
      5_000n,
      NOW,
      new Map([[A.toLowerCase(), 1_000n]]),
    );
    expect(positions[0]).toMatchObject({
      reasons: ['commission-rise', 'slashing'],
      commission: { now: 1_000, pending: { bps: 1_500, effectiveAt: NOW + 60n } },
      slashing: { fractionBps: 1_000n, upTo: 10n },
    });
    // A commission cut is shown, but is no reason to move.
    expect(positions[1].reasons).toEqual(['inactive']);
  });

  it('names a slash proposed to governance and still in play as a reason to move', () => {
    const proposed = { id: 7n, operator: B, fractionBps: 2_000n, state: 'Active' as const };
    const { positions } = exposureOf(
      [position(A, 100n), position(B, 100n)],
      [],
      [operator(A), operator(B)],
      5_000n,
      NOW,
      new Map(),
      new Map([[B.toLowerCase(), [proposed]]]),
    );
    expect(positions[0]).toMatchObject({ reasons: [], proposedSlashes: [] });
    expect(positions[1]).toMatchObject({ reasons: ['slash-proposed'], proposedSlashes: [proposed] });
  });
});
