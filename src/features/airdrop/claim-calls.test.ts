import { describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { claimNeedsSignature } from './claim-calls.ts';

const me = getAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const them = getAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const third = getAddress('0x90F79bf6EB2c4f870365E785982E1f101E93b906');

describe('claimNeedsSignature', () => {
  it('needs none for a claimant without a delegate claiming to itself', () => {
    expect(claimNeedsSignature(me, me, undefined)).toBe(false);
  });
  it('needs none to keep the current delegate, whatever the case of the address', () => {
    expect(claimNeedsSignature(me, them, them)).toBe(false);
    expect(claimNeedsSignature(me, them.toLowerCase() as typeof them, them)).toBe(false);
    expect(claimNeedsSignature(me, me, me)).toBe(false);
  });
  it('needs one to take the votes back from a delegate to the claimant itself', () => {
    expect(claimNeedsSignature(me, me, them)).toBe(true);
  });
  it('needs one for anyone else', () => {
    expect(claimNeedsSignature(me, third, them)).toBe(true);
    expect(claimNeedsSignature(me, third, undefined)).toBe(true);
  });
});
