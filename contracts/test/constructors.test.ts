/** Constructor and zero-address guards, checked by deploying with bad arguments. */
import { describe, expect, it } from 'vitest';
import { decodeErrorResult, encodeDeployData, zeroAddress, type Abi, type Hex } from 'viem';
import { altAirdropAbi, altStakingAbi } from '../../src/lib/contracts/generated.ts';
import { altAirdropBytecode, altStakingBytecode } from '../../devnet/bytecode.ts';
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

  it('AltStaking refuses zero addresses, out-of-range parameters and a votes contract that does not name it', async () => {
    const { alt, votes, timelock } = chain.deployment.contracts;
    const ok = [
      alt,
      votes,
      timelock,
      timelock,
      BigInt(21 * DAY),
      BigInt(7 * DAY),
      2_000n,
      ALT(1),
      zeroAddress,
    ] as const;
    const withArg = (i: number, value: unknown) => ok.map((v, j) => (j === i ? value : v));
    const reverts = (i: number, value: unknown) => deployReverts(altStakingAbi, altStakingBytecode, withArg(i, value));
    expect(await reverts(0, zeroAddress)).toBe('InvalidAddress');
    expect(await reverts(2, zeroAddress)).toBe('InvalidAddress');
    expect(await reverts(3, zeroAddress)).toBe('InvalidAddress');
    expect(await reverts(4, BigInt(61 * DAY))).toBe('ParameterOutOfRange');
    expect(await reverts(4, BigInt(13 * DAY))).toBe('ParameterOutOfRange');
    expect(await reverts(5, BigInt(61 * DAY))).toBe('ParameterOutOfRange');
    expect(await reverts(6, 10_001n)).toBe('ParameterOutOfRange');
    expect(await reverts(7, 0n)).toBe('ParameterOutOfRange');
    // The deployed AltVotes names the deployed AltStaking, not this new one.
    expect(await deployReverts(altStakingAbi, altStakingBytecode, ok)).toBe('InvalidAddress');
  });

  it('AltAirdrop refuses zero addresses and an empty window', async () => {
    const { alt, staking, votes, timelock } = chain.deployment.contracts;
    const root = `0x${'11'.repeat(32)}`;
    const args = (token: string, start: bigint, end: bigint) => [
      token,
      staking,
      votes,
      timelock,
      timelock,
      root,
      start,
      end,
      0n,
    ];
    expect(await deployReverts(altAirdropAbi, altAirdropBytecode, args(zeroAddress, 10n, 20n))).toBe('InvalidAddress');
    expect(await deployReverts(altAirdropAbi, altAirdropBytecode, args(alt, 20n, 20n))).toBe('InvalidWindow');
  });

  it('AltStaking refuses stakes for others from anyone but its stake agent, operator calls from non-operators, and empty commission claims', async () => {
    const { staking } = chain.deployment.contracts;
    const S = { address: staking, abi: altStakingAbi } as const;
    const someone = chain.accounts[3];
    expect(
      await revertName(() =>
        tx(chain, someone, { ...S, functionName: 'stakeFor', args: [someone, ALT(5), zeroAddress] }),
      ),
    ).toBe('NotStakeAgent');
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'setMetadataURI', args: ['x'] }))).toBe(
      'UnknownOperator',
    );
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'setServices', args: [1] }))).toBe(
      'UnknownOperator',
    );
    expect(
      await revertName(() => tx(chain, someone, { ...S, functionName: 'requestCommissionChange', args: [1] })),
    ).toBe('OperatorNotAllowlisted');
    expect(await revertName(() => tx(chain, someone, { ...S, functionName: 'claimCommission' }))).toBe(
      'NothingToClaim',
    );
    expect(
      await revertName(() => tx(chain, someone, { ...S, functionName: 'activateOperator', args: [someone] })),
    ).toBe('UnknownOperator');
  });
});
