/** Constructor and zero-address guards, checked by deploying with bad arguments. */
import { describe, expect, it } from 'vitest';
import { decodeErrorResult, encodeDeployData, zeroAddress, type Abi, type Hex } from 'viem';
import {
  altAirdropAbi,
  altAirdropBytecode,
  altStakingAbi,
  altStakingBytecode,
} from '../../src/lib/contracts/generated.ts';
import { ALT, DAY, revertName, tx, useChain } from './fixture.ts';

describe('constructor guards', () => {
  const chain = useChain();
  /** Runs the creation code with eth_call (nothing is sent) and returns the custom error it reverts with. */
  async function deployReverts(abi: Abi, bytecode: Hex, args: readonly unknown[]): Promise<string> {
    try {
      await chain.client.call({ account: chain.accounts[0], data: encodeDeployData({ abi, bytecode, args } as any) });
    } catch (error: any) {
      const data = error?.walk?.((e: any) => typeof e?.data === 'string')?.data as Hex | undefined;
      if (data) return decodeErrorResult({ abi, data }).errorName;
      throw error;
    }
    throw new Error('expected the constructor to revert');
  }

  it('AltStaking refuses zero addresses and out-of-range parameters', async () => {
    const { alt, timelock } = chain.deployment.contracts;
    const ok = [alt, timelock, timelock, BigInt(7 * DAY), BigInt(7 * DAY), 2_000n, ALT(1)] as const;
    const withArg = (i: number, value: unknown) => ok.map((v, j) => (j === i ? value : v));
    expect(await deployReverts(altStakingAbi, altStakingBytecode, withArg(0, zeroAddress))).toBe('InvalidAddress');
    expect(await deployReverts(altStakingAbi, altStakingBytecode, withArg(2, zeroAddress))).toBe('InvalidAddress');
    expect(await deployReverts(altStakingAbi, altStakingBytecode, withArg(3, BigInt(61 * DAY)))).toBe(
      'ParameterOutOfRange',
    );
    expect(await deployReverts(altStakingAbi, altStakingBytecode, withArg(4, BigInt(61 * DAY)))).toBe(
      'ParameterOutOfRange',
    );
    expect(await deployReverts(altStakingAbi, altStakingBytecode, withArg(5, 10_001n))).toBe('ParameterOutOfRange');
  });

  it('AltAirdrop refuses zero addresses and an empty window', async () => {
    const { alt, staking, timelock } = chain.deployment.contracts;
    const root = `0x${'11'.repeat(32)}`;
    expect(
      await deployReverts(altAirdropAbi, altAirdropBytecode, [zeroAddress, staking, timelock, root, 10n, 20n]),
    ).toBe('InvalidAddress');
    expect(await deployReverts(altAirdropAbi, altAirdropBytecode, [alt, staking, timelock, root, 20n, 20n])).toBe(
      'InvalidWindow',
    );
  });

  it('AltStaking refuses a zero beneficiary, operator calls from non-operators, and empty commission claims', async () => {
    const { staking } = chain.deployment.contracts;
    const S = { address: staking, abi: altStakingAbi } as const;
    const someone = chain.accounts[3];
    expect(
      await revertName(() =>
        tx(chain, someone, { ...S, functionName: 'stakeFor', args: [someone, ALT(5), zeroAddress] }),
      ),
    ).toBe('InvalidAddress');
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'setMetadataURI', args: ['x'] }))).toBe(
      'UnknownOperator',
    );
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'setServices', args: [1] }))).toBe(
      'UnknownOperator',
    );
    expect(
      await revertName(() => tx(chain, someone, { ...S, functionName: 'requestCommissionChange', args: [1] })),
    ).toBe('UnknownOperator');
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'claimCommission' }))).toBe(
      'NothingToClaim',
    );
    expect(
      await revertName(() => tx(chain, someone, { ...S, functionName: 'activateOperator', args: [someone] })),
    ).toBe('UnknownOperator');
  });
});
