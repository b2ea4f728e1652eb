import { describe, expect, it } from 'vitest';
import { splitPower, type DelegatorWeight } from './delegator-weights.ts';

const D = '0x00000000000000000000000000000000000000dd';
const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';
const w = (address: `0x${string}`, wrapped: bigint, staked: bigint): DelegatorWeight => ({
  address,
  wrapped,
  staked,
  total: wrapped + staked,
});

describe('splitPower', () => {
  it("tells the delegate's own wrapped and staked ALT from what others delegate, largest delegator first", () => {
    const split = splitPower(D, 175n, [w(A, 10n, 5n), w(D, 100n, 20n), w(B, 40n, 0n)]);
    expect(split).toMatchObject({ ownWrapped: 100n, ownStaked: 20n, fromOthers: 55n });
    expect(split.delegators.map((d) => d.address)).toEqual([B, A]);
  });

  it('counts nothing as its own when the delegate delegates elsewhere', () => {
    expect(splitPower(D, 40n, [w(B, 40n, 0n)])).toMatchObject({ ownWrapped: 0n, ownStaked: 0n, fromOthers: 40n });
  });
});
