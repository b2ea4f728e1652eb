/** ALT on the devnet is the mainnet token, at the mainnet address, with permits that verify there. */
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, type Hex } from 'viem';
import { altLayerTokenAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { ALT_MAINNET_ADDRESS } from '../../devnet/alt-token.ts';
import { ALT, revertName, tx, useChain } from './fixture.ts';

describe('AltLayerToken', () => {
  const chain = useChain();
  const T = () => ({ address: chain.deployment.contracts.alt, abi: altLayerTokenAbi }) as const;
  const read = (functionName: any, args: readonly unknown[] = []) =>
    chain.client.readContract({ ...T(), functionName, args } as any) as Promise<any>;
  const owner = () => chain.deployment.altOwner;

  it('lives at the mainnet address with the mainnet name, symbol, decimals, cap and EIP-712 domain', async () => {
    expect(chain.deployment.contracts.alt).toBe(ALT_MAINNET_ADDRESS);
    expect([await read('name'), await read('symbol'), await read('decimals')]).toEqual(['AltLayer Token', 'ALT', 18]);
    expect(await read('cap')).toBe(ALT(10_000_000_000));
    expect(await read('owner')).toBe(owner());
    const [, name, version, chainId, verifyingContract] = await read('eip712Domain');
    expect([name, version, chainId, verifyingContract]).toEqual(['AltLayer Token', '1', 31337n, ALT_MAINNET_ADDRESS]);
  });

  it('has no votes: delegate, getVotes, delegates and CLOCK_MODE do not exist on it', async () => {
    const [, alice] = chain.accounts;
    for (const data of [
      encodeFunctionData({ abi: altVotesAbi, functionName: 'getVotes', args: [alice] }),
      encodeFunctionData({ abi: altVotesAbi, functionName: 'delegates', args: [alice] }),
      encodeFunctionData({ abi: altVotesAbi, functionName: 'CLOCK_MODE' }),
      encodeFunctionData({ abi: altVotesAbi, functionName: 'delegate', args: [alice] }),
    ]) {
      await expect(chain.client.call({ to: ALT_MAINNET_ADDRESS, data, account: alice })).rejects.toThrow();
    }
  });

  it('accepts a permit signed for its mainnet address and refuses an expired one', async () => {
    const [, alice, bob] = chain.accounts;
    const sign = (deadline: bigint) => chain.signPermit(alice, bob, ALT(7), deadline);
    const past = BigInt((await chain.now()) - 1);
    const expired = await sign(past);
    const permit = (deadline: bigint, sig: { v: number; r: Hex; s: Hex }) =>
      tx(chain, bob, { ...T(), functionName: 'permit', args: [alice, bob, ALT(7), deadline, sig.v, sig.r, sig.s] });
    expect(await revertName(() => permit(past, expired))).toBe('ERC2612ExpiredSignature');
    const deadline = BigInt((await chain.now()) + 600);
    await permit(deadline, await sign(deadline));
    expect(await read('allowance', [alice, bob])).toBe(ALT(7));
  });

  it('mints only by its owner and only up to the cap', async () => {
    const [, alice] = chain.accounts;
    expect(await revertName(() => tx(chain, alice, { ...T(), functionName: 'mint', args: [alice, 1n] }))).toBe(
      'OwnableUnauthorizedAccount',
    );
    const room = ALT(10_000_000_000) - (await read('totalSupply'));
    expect(await revertName(() => tx(chain, owner(), { ...T(), functionName: 'mint', args: [alice, room + 1n] }))).toBe(
      'ERC20ExceededCap',
    );
  });

  it('stops every transfer while its owner pauses it, and only its owner can', async () => {
    const [, alice, bob] = chain.accounts;
    await chain.fund(alice, ALT(10));
    expect(await revertName(() => tx(chain, alice, { ...T(), functionName: 'pause' }))).toBe(
      'OwnableUnauthorizedAccount',
    );
    await tx(chain, owner(), { ...T(), functionName: 'pause' });
    expect(await read('paused')).toBe(true);
    expect(await revertName(() => tx(chain, alice, { ...T(), functionName: 'transfer', args: [bob, ALT(1)] }))).toBe(
      'EnforcedPause',
    );
    await tx(chain, owner(), { ...T(), functionName: 'unpause' });
    await tx(chain, alice, { ...T(), functionName: 'transfer', args: [bob, ALT(1)] });
    await tx(chain, alice, { ...T(), functionName: 'burn', args: [ALT(1)] });
    expect(await chain.altBalance(alice)).toBe(ALT(8));
  });
});
