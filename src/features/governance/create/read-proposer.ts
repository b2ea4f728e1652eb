/**
 * What the create form needs in one Multicall3 batch: the threshold, the proposer's votes (through the
 * governor), and the ALT the executor (timelock or governor) holds.
 */
import { encodeAbiParameters, keccak256, stringToHex, type Address, type Hex } from 'viem';
import { altGovernorAbi, altLayerTokenAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';
import { readBatch } from '../../../lib/web3/read-batch.ts';
import { ethCall } from '../../../lib/web3/eth-call.ts';
import { votesKey } from '../governance-keys.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { cache } from '../../../lib/query/presets.ts';

export async function readProposer(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account: Address | undefined,
) {
  const gov = { address: chain.contracts.governor!, abi: altGovernorAbi } as const;
  const executor = caps.governor?.executor;
  const { values } = await readBatch(client, chain, {
    clock: { ...gov, functionName: 'clock' },
    threshold: { ...gov, functionName: 'proposalThreshold' },
    treasury:
      caps.alt &&
      executor &&
      ({ address: caps.alt.address, abi: altLayerTokenAbi, functionName: 'balanceOf', args: [executor] } as const),
  });
  const { clock, threshold, treasury } = values;
  // The governor checks the proposer's votes one clock tick back, so read exactly that.
  const votes = account
    ? await ethCall(client, { ...gov, functionName: 'getVotes', args: [account, BigInt(clock) - 1n] })
    : undefined;
  return { threshold, votes, treasury };
}

/** The id the governor will give a proposal (OpenZeppelin's hashProposal). */
export const proposalIdOf = (targets: Address[], values: bigint[], calldatas: Hex[], description: string): bigint =>
  BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }],
        [targets, values, calldatas, keccak256(stringToHex(description))],
      ),
    ),
  );

/** What the create form needs: the threshold, the proposer's votes, the executor's ALT. */
export const proposerQuery = (ctx: ReadContext, account: Address | undefined) => ({
  queryKey: votesKey(ctx.chainId, { proposer: account }),
  queryFn: async () => readProposer(ctx.client, ctx.chain, await ctx.requireCaps(), account),
  enabled: ctx.settled,
  ...cache.perBlock,
});
