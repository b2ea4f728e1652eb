/**
 * The devnet's ENS: names first come, first served; address records only by the name's owner;
 * primary names by anyone for themselves; the universal resolver's answers and errors as ENS's.
 * And the app's own forward check, which refuses a borrowed name even from a resolver that did not.
 */
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, namehash, toHex, zeroAddress, type Address } from 'viem';
import { packetToBytes } from 'viem/ens';
import { devnetEnsAbi } from '../../src/lib/contracts/generated.ts';
import { ensAddress, installEns } from '../../devnet/ens.ts';
import { verifyNames } from '../../src/lib/web3/ens-names.ts';
import { readProfiles } from '../../src/features/governance/delegates/profiles.ts';
import type { ChainConfig } from '../../src/lib/config/app-config.ts';
import { MULTICALL3_ADDRESS } from '../../src/lib/web3/devnet-chain.ts';
import { revertName, tx, useChain } from './fixture.ts';

describe('DevnetEns', () => {
  let ens: Address;
  const chain = useChain({
    setup: async (c) => {
      ens = await installEns(c.client, c.accounts[18]);
    },
  });
  const call = (from: Address, functionName: string, args: readonly unknown[]) =>
    tx(chain, from, { address: ens, abi: devnetEnsAbi, functionName, args });
  const read = (functionName: string, args: readonly unknown[]) =>
    chain.client.readContract({ address: ens, abi: devnetEnsAbi, functionName, args } as never) as Promise<any>;
  const dns = (name: string) => toHex(packetToBytes(name));
  const addrOf = (name: string) =>
    encodeFunctionData({ abi: devnetEnsAbi, functionName: 'addr', args: [namehash(name)] });

  it('lands at the address the CREATE2 proxy gives it, and hashes names as ENS does', async () => {
    expect(ens).toBe(ensAddress());
    for (const name of ['eth', 'alice.eth', 'a.b-c.d9.eth']) {
      expect(await read('namehash', [name])).toBe(namehash(name));
      expect(await read('dnsNamehash', [dns(name)])).toBe(namehash(name));
    }
    expect(await read('namehash', [''])).toBe(namehash(''));
    expect(await revertName(() => read('namehash', ['alice..eth']))).toBe('InvalidName');
    // A length byte past the end, and bytes after the terminating zero.
    expect(await revertName(() => read('dnsNamehash', ['0x09616c69636500']))).toBe('DNSDecodingFailed');
    expect(await revertName(() => read('dnsNamehash', [`${dns('alice.eth')}00`]))).toBe('DNSDecodingFailed');
  });

  it('registers a name once; only its owner moves its address record; anyone sets only their own primary name', async () => {
    const [, alice, bob, carol] = chain.accounts;
    await call(alice, 'register', ['alice.eth', alice]);
    expect(await read('owner', [namehash('alice.eth')])).toBe(alice);
    expect(await revertName(() => call(bob, 'register', ['alice.eth', bob]))).toBe('NameTaken');
    expect(await revertName(() => call(bob, 'setAddr', [namehash('alice.eth'), bob]))).toBe('NotNameOwner');
    await call(alice, 'setName', ['alice.eth']);
    await call(bob, 'setName', ['alice.eth']); // claimed, not owned
    const reverse = (who: Address) => read('reverseWithGateways', [who, 60n, []]);
    expect((await reverse(alice))[0]).toBe('alice.eth');
    expect(await revertName(() => reverse(bob))).toBe('ReverseAddressMismatch');
    expect(await reverse(carol)).toEqual(['', zeroAddress, ens]);
    expect(await revertName(() => read('reverseWithGateways', [alice, 0n, []]))).toBe('UnsupportedResolverProfile');
    // The owner points the name at Bob: now Bob's claim holds and Alice's no longer does.
    await call(alice, 'setAddr', [namehash('alice.eth'), bob]);
    expect((await reverse(bob))[0]).toBe('alice.eth');
    expect(await revertName(() => reverse(alice))).toBe('ReverseAddressMismatch');
  });

  it('answers forward lookups for addr(bytes32) and addr(bytes32, 60), and refuses the rest by ENS error', async () => {
    const [, alice] = chain.accounts;
    await call(alice, 'register', ['alice.eth', alice]);
    const [result, resolver] = await read('resolveWithGateways', [dns('alice.eth'), addrOf('alice.eth'), []]);
    expect(result).toBe(`0x${alice.slice(2).toLowerCase().padStart(64, '0')}`);
    expect(resolver).toBe(ens);
    const coin = encodeFunctionData({
      abi: [{ type: 'function', name: 'addr', inputs: [{ type: 'bytes32' }, { type: 'uint256' }], outputs: [] }],
      args: [namehash('alice.eth'), 60n],
    });
    expect((await read('resolveWithGateways', [dns('alice.eth'), coin, []]))[0]).toContain(
      alice.slice(2).toLowerCase(),
    );
    expect(await revertName(() => read('resolveWithGateways', [dns('nobody.eth'), addrOf('nobody.eth'), []]))).toBe(
      'ResolverNotFound',
    );
    const text = `0x59d1d43c${namehash('alice.eth').slice(2)}` as const; // text(bytes32,string), cut short
    expect(await revertName(() => read('resolveWithGateways', [dns('alice.eth'), text, []]))).toBe(
      'UnsupportedResolverProfile',
    );
  });

  it("the app's page read shows verified names only, and its own forward check refuses a borrowed name", async () => {
    const [, alice, bob, carol] = chain.accounts;
    await call(alice, 'register', ['alice.eth', alice]);
    await call(alice, 'register', ['bob.eth', bob]);
    await call(alice, 'setName', ['alice.eth']);
    await call(bob, 'setName', ['bob.eth']);
    await call(carol, 'setName', ['alice.eth']);
    const page = {
      id: 31337,
      contracts: { ensUniversalResolver: ens, multicall3: MULTICALL3_ADDRESS },
    } as unknown as ChainConfig;
    const { names } = await readProfiles(chain.client as never, page, [alice, bob, carol]);
    expect([...names]).toEqual([
      [alice, 'alice.eth'],
      [bob, 'bob.eth'],
    ]);
    // As a resolver that skipped the reverse check would hand it over: the forward read still refuses it.
    const claimed = new Map<Address, string>([
      [carol, 'alice.eth'],
      [bob, 'bob.eth'],
      [alice, 'Alice.eth'], // not in normal form
    ]);
    expect([...(await verifyNames(chain.client as never, MULTICALL3_ADDRESS, ens, claimed))]).toEqual([
      [bob, 'bob.eth'],
    ]);
  });
});
