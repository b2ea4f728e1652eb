import { describe, expect, it } from 'vitest';
import { encodeFunctionData, getAddress, type Hex } from 'viem';
import { altLayerTokenAbi, altStakingAbi } from '../contracts/generated.ts';
import { slashActionsOf } from './proposed-slashes.ts';

const staking = getAddress('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
const alt = getAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');
const op = getAddress('0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9');

const slash = (operator = op, bps = 1_500n) =>
  encodeFunctionData({ abi: altStakingAbi, functionName: 'slash', args: [operator, bps, 'late attestations'] });

describe('slashActionsOf', () => {
  it('finds a slash call on the staking contract, among other actions, with its operator and fraction', () => {
    const transfer = encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [op, 1n] });
    const found = slashActionsOf(
      [
        { id: 1n, targets: [alt, staking], values: [0n, 0n], calldatas: [transfer, slash()] },
        { id: 2n, targets: [alt], values: [0n], calldatas: [transfer] },
      ],
      staking,
    );
    expect(found).toEqual([{ id: 1n, operator: op, fractionBps: 1_500n }]);
  });

  it('ignores the same call sent to another contract, and calldata that does not decode', () => {
    const broken = (slash().slice(0, 10) + '00') as Hex;
    expect(
      slashActionsOf(
        [
          { id: 3n, targets: [alt], values: [0n], calldatas: [slash()] },
          { id: 4n, targets: [staking.toLowerCase() as typeof staking], values: [0n], calldatas: [broken] },
        ],
        staking,
      ),
    ).toEqual([]);
  });
});
