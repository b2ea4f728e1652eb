/**
 * The app's read path against the real contracts: one aggregate3 eth_call whose results come back by
 * name, reverts decoded by the protocol's error names, a read pinned to a block, and the capabilities
 * the app derives from what the contracts answer.
 */
import { describe, expect, it } from 'vitest';
import { zeroAddress, type Address } from 'viem';
import { altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { send } from '../../devnet/client.ts';
import { parseAppConfig } from '../../src/lib/config/app-config.ts';
import { readBatch } from '../../src/lib/web3/read-batch.ts';
import { ethCall } from '../../src/lib/web3/eth-call.ts';
import { shippedCapabilities } from '../../src/lib/web3/capabilities.ts';
import { readCapabilities } from '../../src/lib/web3/read-capabilities.ts';
import { ALT, useChain, type Chain } from './fixture.ts';
import { mapErrorWorded } from '../../src/lib/errors/map-error.ts';

const chainConfig = (chain: Chain) => {
  const { alt, staking, governor, timelock, airdrop } = chain.deployment.contracts;
  return parseAppConfig({
    chains: [
      {
        id: 31337,
        name: 'devnet',
        rpcUrls: [chain.client.transport.url ?? 'http://127.0.0.1:8545'],
        contracts: { alt, staking, governor, timelock, airdrop },
      },
    ],
  }).chains[0];
};

describe('reads the app makes', () => {
  const chain = useChain({
    setup: async (c) => {
      await c.fund(c.accounts[1], ALT(1_000));
    },
  });
  const alt = () => chain.deployment.contracts.alt;

  it('returns every call of a batch by name, with the block and chain time it was read at', async () => {
    const config = chainConfig(chain);
    const head = await chain.client.getBlock();
    const { values, errors, blockNumber, chainTime } = await readBatch(chain.client as never, config, {
      balance: { address: alt(), abi: altLayerTokenAbi, functionName: 'balanceOf', args: [chain.accounts[1]] },
      symbol: { address: alt(), abi: altLayerTokenAbi, functionName: 'symbol' },
      skipped: undefined,
    });
    expect(values).toEqual({ balance: ALT(1_000), symbol: 'ALT' });
    expect(errors).toEqual({});
    expect(blockNumber).toBe(head.number);
    expect(chainTime).toBe(head.timestamp);
  });

  it('reports a call that reverts by its error name and keeps the others', async () => {
    const config = chainConfig(chain);
    const { staking } = chain.deployment.contracts;
    const { values, errors } = await readBatch(
      chain.client as never,
      config,
      {
        // An operator that was never registered: the staking contract refuses with its own error.
        operator: { address: staking, abi: altStakingAbi, functionName: 'getOperator', args: [chain.accounts[7]] },
        // ALT has no votes: the call reverts without data, as on mainnet.
        votes: { address: alt(), abi: altVotesAbi, functionName: 'getVotes', args: [zeroAddress] },
        supply: { address: alt(), abi: altLayerTokenAbi, functionName: 'totalSupply' },
      },
      { allowFailure: true },
    );
    expect(typeof values.supply).toBe('bigint');
    expect(Object.keys(errors).sort()).toEqual(['operator', 'votes']);
    expect((await mapErrorWorded(errors.operator)).message).toBe('There is no operator at this address.');
    await expect(
      readBatch(chain.client as never, config, {
        operator: { address: staking, abi: altStakingAbi, functionName: 'getOperator', args: [chain.accounts[7]] },
      }),
    ).rejects.toThrow();
  });

  it('reads at a pinned block, and decodes a single call the same way', async () => {
    const config = chainConfig(chain);
    const before = await chain.client.getBlockNumber();
    await send(chain.client, chain.accounts[1], {
      address: alt(),
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [chain.accounts[2], ALT(400)],
    });
    const call = { address: alt(), abi: altLayerTokenAbi, functionName: 'balanceOf', args: [chain.accounts[1]] };
    const then = await readBatch(chain.client as never, config, { b: call }, { blockNumber: before });
    expect(then.values.b).toBe(ALT(1_000));
    expect(then.blockNumber).toBe(before);
    expect(await ethCall(chain.client as never, call)).toBe(ALT(600));
    const notAContract: Address = chain.accounts[9];
    await expect(ethCall(chain.client as never, { ...call, address: notAContract })).rejects.toThrow(
      /returned no data/,
    );
  });

  it('derives what the deployed contracts can do, and accepts them shipped in config.json', async () => {
    const config = chainConfig(chain);
    const caps = await readCapabilities(chain.client as never, config);
    const { alt: altAddress, votes, governor, timelock, staking } = chain.deployment.contracts;
    expect(caps).toMatchObject({
      alt: { address: altAddress, symbol: 'ALT', decimals: 18, pausable: true, hasVotes: false },
      votes: { address: votes, symbol: 'vALT', wrapsAlt: true, countsStake: true, clockMode: 'timestamp' },
      governor: { address: governor, executor: timelock, timelock, clockMode: 'timestamp' },
      staking: { address: staking, votes },
      airdrop: { claimsToVotes: true },
    });
    expect(shippedCapabilities({ ...config, capabilities: JSON.parse(JSON.stringify(caps)) })).toEqual(caps);
  });
});
