/** DelegateStatements: each address writes only its own statement, within the limits, and can withdraw it. */
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { delegateStatementsAbi } from '../../src/lib/contracts/generated.ts';
import { installStatements, statementsAddress } from '../../devnet/statements.ts';
import { readProfiles } from '../../src/features/governance/delegates/profiles.ts';
import type { ChainConfig } from '../../src/lib/config/app-config.ts';
import { MULTICALL3_ADDRESS } from '../../src/lib/web3/devnet-chain.ts';
import { revertName, tx, useChain } from './fixture.ts';

describe('DelegateStatements', () => {
  let registry: Address;
  const chain = useChain({
    setup: async (c) => {
      registry = await installStatements(c.client, c.accounts[18]);
    },
  });
  const publish = (from: Address, text: string, links: string[] = []) =>
    tx(chain, from, { address: registry, abi: delegateStatementsAbi, functionName: 'publish', args: [text, links] });
  const statementOf = (who: Address) =>
    chain.client.readContract({
      address: registry,
      abi: delegateStatementsAbi,
      functionName: 'statementOf',
      args: [who],
    });

  it('lands at the address the CREATE2 proxy gives it on every chain', () => {
    expect(registry).toBe(statementsAddress());
  });

  it("publishes and replaces the sender's own statement only, stamped with chain time", async () => {
    const [, alice, bob] = chain.accounts;
    await publish(alice, '# Alice\n\nAudits first.', ['https://alice.example']);
    const block = await chain.client.getBlock();
    expect(await statementOf(alice)).toEqual(['# Alice\n\nAudits first.', ['https://alice.example'], block.timestamp]);
    expect(await statementOf(bob)).toEqual(['', [], 0n]);
    await publish(alice, 'Replaced.', []);
    expect((await statementOf(alice)).slice(0, 2)).toEqual(['Replaced.', []]);
    // One multicall reads a page of delegates; those without a statement are left out.
    const page = {
      id: 31337,
      contracts: { statements: registry, multicall3: MULTICALL3_ADDRESS },
    } as unknown as ChainConfig;
    const read = (await readProfiles(chain.client as never, page, [alice, bob])).statements;
    expect([...read.keys()]).toEqual([alice]);
    expect(read.get(alice)?.text).toBe('Replaced.');
  });

  it('withdraws a statement with an empty text and no links', async () => {
    const [, alice] = chain.accounts;
    await publish(alice, 'Something', ['https://a.example']);
    await publish(alice, '', []);
    expect(await statementOf(alice)).toEqual(['', [], 0n]);
  });

  it('refuses what is over its limits, at the limit accepting it', async () => {
    const [, alice] = chain.accounts;
    await publish(alice, 'x'.repeat(8192), Array(5).fill(`https://a.example/${'y'.repeat(182)}`));
    expect(await revertName(() => publish(alice, 'x'.repeat(8193)))).toBe('StatementTooLong');
    expect(await revertName(() => publish(alice, '', Array(6).fill('https://a.example')))).toBe('TooManyLinks');
    expect(await revertName(() => publish(alice, '', [`https://a.example/${'y'.repeat(183)}`]))).toBe('LinkTooLong');
  });
});
