import { describe, expect, it } from 'vitest';
import { altTokenAbi } from '../../src/lib/contracts/generated.ts';
import { ALT, revertName, tx, useChain } from './fixture.ts';

describe('AltToken', () => {
  const chain = useChain();
  const T = () => ({ address: chain.deployment.contracts.alt, abi: altTokenAbi }) as const;
  const read = (functionName: any, args: readonly unknown[] = []) =>
    chain.client.readContract({ ...T(), functionName, args } as any) as Promise<any>;

  it('is ALT with 18 decimals and 10 billion minted once to the deployer', async () => {
    expect([await read('name'), await read('symbol'), await read('decimals')]).toEqual(['AltLayer Token', 'ALT', 18]);
    expect(await read('totalSupply')).toBe(ALT(10_000_000_000));
    expect(await read('balanceOf', [chain.accounts[0]])).toBe(ALT(10_000_000_000));
    expect(await read('CLOCK_MODE')).toBe('mode=timestamp');
    expect(await read('clock')).toBe(await chain.now());
  });

  it('counts votes only once delegated, and follows transfers', async () => {
    const [deployer, alice, bob] = chain.accounts;
    await chain.fund(alice, ALT(1_000));
    expect(await read('getVotes', [alice])).toBe(0n);
    await tx(chain, alice, { ...T(), functionName: 'delegate', args: [bob] });
    expect(await read('getVotes', [bob])).toBe(ALT(1_000));
    await tx(chain, deployer, { ...T(), functionName: 'transfer', args: [alice, ALT(500)] });
    expect(await read('getVotes', [bob])).toBe(ALT(1_500));
    expect(await read('delegates', [alice])).toBe(bob);
  });

  it('accepts an EIP-2612 permit and refuses an expired one', async () => {
    const [, alice, bob] = chain.accounts;
    const sign = (deadline: bigint) => chain.signPermit(alice, bob, ALT(7), deadline);
    const past = BigInt((await chain.now()) - 1);
    const expired = await sign(past);
    expect(
      await revertName(() =>
        tx(chain, bob, {
          ...T(),
          functionName: 'permit',
          args: [alice, bob, ALT(7), past, expired.v, expired.r, expired.s],
        }),
      ),
    ).toBe('ERC2612ExpiredSignature');
    const deadline = BigInt((await chain.now()) + 600);
    const { v, r, s } = await sign(deadline);
    await tx(chain, bob, { ...T(), functionName: 'permit', args: [alice, bob, ALT(7), deadline, v, r, s] });
    expect(await read('allowance', [alice, bob])).toBe(ALT(7));
  });
});
