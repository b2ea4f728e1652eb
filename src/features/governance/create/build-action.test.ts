import { describe, expect, it } from 'vitest';
import { decodeFunctionData, parseEther } from 'viem';
import { altStakingAbi, altLayerTokenAbi } from '../../../lib/contracts/generated.ts';
import { buildAction, proposalDescription } from './build-action.ts';

const contracts = {
  alt: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  staking: '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853',
} as const;
const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('buildAction', () => {
  it('builds a treasury transfer', () => {
    const r = buildAction({ kind: 'transfer', recipient: to.toLowerCase(), amount: '1,250.5' }, contracts);
    if (!r.ok) throw new Error(r.message);
    expect(r.action.target).toBe(contracts.alt);
    expect(decodeFunctionData({ abi: altLayerTokenAbi, data: r.action.calldata }).args).toEqual([
      to,
      parseEther('1250.5'),
    ]);
  });

  it('converts parameter units: days to seconds, percent to basis points', () => {
    const days = buildAction({ kind: 'parameter', parameter: 'setUnbondingPeriod', value: '21.5' }, contracts);
    if (!days.ok) throw new Error(days.message);
    expect(decodeFunctionData({ abi: altStakingAbi, data: days.action.calldata }).args).toEqual([1_857_600n]);
    const pct = buildAction({ kind: 'parameter', parameter: 'setMaxCommission', value: '12.5' }, contracts);
    if (!pct.ok) throw new Error(pct.message);
    expect(decodeFunctionData({ abi: altStakingAbi, data: pct.action.calldata }).args).toEqual([1_250n]);
    expect(buildAction({ kind: 'parameter', parameter: 'setMaxCommission', value: '101' }, contracts)).toEqual({
      ok: false,
      message: 'Maximum commission (%): That is above the highest value the staking contract accepts.',
    });
    expect(buildAction({ kind: 'parameter', parameter: 'setUnbondingPeriod', value: '3' }, contracts)).toMatchObject({
      message: 'Unbonding period (days): That is below the lowest value the staking contract accepts.',
    });
  });

  it('accepts zero where the staking contract does, and says what it means', () => {
    const stop = buildAction({ kind: 'parameter', parameter: 'setRewardRate', value: '0' }, contracts);
    if (!stop.ok) throw new Error(stop.message);
    expect(decodeFunctionData({ abi: altStakingAbi, data: stop.action.calldata }).args).toEqual([0n]);
    expect(stop.confirm).toMatch(/stops staking rewards/);
    expect(buildAction({ kind: 'parameter', parameter: 'setCommissionDelay', value: '0.0' }, contracts)).toMatchObject({
      ok: true,
      confirm: expect.stringContaining('at once'),
    });
    expect(buildAction({ kind: 'parameter', parameter: 'setMinStake', value: '0' }, contracts)).toEqual({
      ok: false,
      message: 'Minimum stake (ALT): The staking contract does not accept 0 here.',
    });
    expect(buildAction({ kind: 'parameter', parameter: 'setRewardRate', value: '0.5' }, contracts)).not.toHaveProperty(
      'confirm',
      expect.anything(),
    );
  });

  it('builds allowlisting and raw calls', () => {
    const allow = buildAction({ kind: 'allowlist', operator: to, allowed: false }, contracts);
    if (!allow.ok) throw new Error(allow.message);
    expect(decodeFunctionData({ abi: altStakingAbi, data: allow.action.calldata }).args).toEqual([to, false]);
    expect(buildAction({ kind: 'raw', target: to, value: '', calldata: '0xABCD' }, contracts)).toEqual({
      ok: true,
      action: { target: to, value: 0n, calldata: '0xabcd' },
    });
  });

  it('explains what is wrong', () => {
    expect(buildAction({ kind: 'transfer', recipient: '0x123', amount: '1' }, contracts)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Recipient'),
    });
    expect(buildAction({ kind: 'transfer', recipient: to, amount: '-1' }, contracts)).toMatchObject({
      message: 'Amount: The amount cannot be negative.',
    });
    expect(buildAction({ kind: 'raw', target: to, value: '0', calldata: '0xabc' }, contracts)).toMatchObject({
      message: 'Calldata: enter hex bytes starting with 0x.',
    });
  });

  it('writes the title as the first line of the description', () => {
    expect(proposalDescription(' AIP-10: Grants ', 'Body')).toBe('# AIP-10: Grants\n\nBody\n');
  });
});
