import { describe, expect, it } from 'vitest';
import { concat, encodeFunctionData, parseEther, type Address } from 'viem';
import { altStakingAbi, altLayerTokenAbi, altGovernorAbi, altTimelockAbi } from '../../lib/contracts/generated.ts';
import { decodeAction, lookalikes } from './decode-action.ts';

const known = {
  contracts: {
    alt: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    staking: '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853',
    governor: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    timelock: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  } as Record<string, Address>,
};
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('decodeAction', () => {
  it('describes an ALT transfer in words, paid by the executor', () => {
    const data = encodeFunctionData({
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [recipient, parseEther('5000000')],
    });
    const action = decodeAction(known.contracts.alt, 0n, data, known);
    expect(action.targetName).toBe('ALT token');
    expect(action.call?.signature).toBe('transfer(address,uint256)');
    expect(action.summary).toEqual([
      'Transfer 5,000,000 ALT from ',
      { address: known.contracts.timelock },
      ' to ',
      { address: recipient },
    ]);
  });

  it('names the governor as the payer when it has no timelock, and the token by its own symbol', () => {
    const data = encodeFunctionData({
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [recipient, 1n * 10n ** 18n],
    });
    const noTimelock = {
      contracts: { alt: known.contracts.alt, governor: known.contracts.governor },
      symbols: { alt: 'TKN' },
    };
    expect(decodeAction(known.contracts.alt, 0n, data, noTimelock).summary).toEqual([
      'Transfer 1 TKN from ',
      { address: known.contracts.governor },
      ' to ',
      { address: recipient },
    ]);
  });

  it('says what a zero reward rate means', () => {
    const stop = encodeFunctionData({ abi: altStakingAbi, functionName: 'setRewardRate', args: [0n] });
    expect(decodeAction(known.contracts.staking, 0n, stop, known).summary).toEqual([
      'Stop staking rewards (set the reward rate to 0 per second)',
    ]);
  });

  it('describes staking parameter changes and allowlisting', () => {
    const rate = encodeFunctionData({ abi: altStakingAbi, functionName: 'setRewardRate', args: [parseEther('0.5')] });
    expect(decodeAction(known.contracts.staking, 0n, rate, known).summary).toEqual([
      'Set the staking reward rate to 0.5 ALT per second',
    ]);
    const allow = encodeFunctionData({
      abi: altStakingAbi,
      functionName: 'setOperatorAllowlisted',
      args: [recipient, true],
    });
    expect(decodeAction(known.contracts.staking, 0n, allow, known).summary[1]).toEqual({ address: recipient });
  });

  it("shows a slash reason and any string argument, the proposer's text, as chain text", () => {
    const slash = encodeFunctionData({
      abi: altStakingAbi,
      functionName: 'slash',
      args: [recipient, 500n, 'double sign\u202E at block 5\u200B'],
    });
    const action = decodeAction(known.contracts.staking, 0n, slash, known);
    expect(action.summary.join('')).toContain('double sign[U+202E] at block 5[U+200B]');
    expect(action.call?.args.find((a) => a.type === 'string')?.value).toBe('double sign[U+202E] at block 5[U+200B]');
  });

  it('describes the paged slash, the paged ceiling and the timelock delay', () => {
    const page = encodeFunctionData({ abi: altStakingAbi, functionName: 'continueSlash', args: [recipient, 64n] });
    expect(decodeAction(known.contracts.staking, 0n, page, known).summary).toEqual([
      'Apply up to 64 more positions and requests of the slash of operator ',
      { address: recipient },
    ]);
    const ceiling = encodeFunctionData({ abi: altStakingAbi, functionName: 'applyCeiling', args: [64n] });
    expect(decodeAction(known.contracts.staking, 0n, ceiling, known).summary).toEqual([
      'Bring up to 64 more operators under the commission ceiling',
    ]);
    const delay = encodeFunctionData({ abi: altTimelockAbi, functionName: 'updateDelay', args: [3n * 86_400n] });
    expect(decodeAction(known.contracts.timelock, 0n, delay, known).summary[0]).toMatch(/^Set the timelock delay to 3/);
    const quorum = encodeFunctionData({ abi: altGovernorAbi, functionName: 'updateQuorumNumerator', args: [5n] });
    expect(decodeAction(known.contracts.governor, 0n, quorum, known).summary).toEqual([
      'Set the quorum to 5% of the delegated voting power',
    ]);
  });

  it('picks the right overload', () => {
    const data = encodeFunctionData({ abi: altGovernorAbi, functionName: 'queue', args: [42n] });
    expect(decodeAction(known.contracts.governor, 0n, data, known).call?.signature).toBe('queue(uint256)');
  });

  it('refuses a decoding that does not reproduce the calldata', () => {
    const data = encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [recipient, 1n] });
    const padded = concat([data, '0xdeadbeef']);
    const action = decodeAction(known.contracts.alt, 0n, padded, known);
    expect(action.call).toBeUndefined();
    expect(action.summary.join('')).toContain('cannot decode');
  });

  it('shows unknown targets and selectors raw', () => {
    const action = decodeAction(recipient, 0n, '0x12345678', known);
    expect(action.call).toBeUndefined();
    expect(action.targetName).toBeUndefined();
    expect(decodeAction(recipient, parseEther('1'), '0x', known).summary[0]).toBe('Send 1 of the native coin to ');
  });

  it('flags addresses that imitate a known one', () => {
    const fake = '0x5FbD000000000000000000000000000000000aa3';
    expect(lookalikes(fake, known)).toEqual(['ALT token']);
    expect(lookalikes(known.contracts.alt, known)).toEqual([]);
    expect(lookalikes(recipient, known)).toEqual([]);
  });
});
