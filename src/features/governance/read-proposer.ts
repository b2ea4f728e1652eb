/** What the create form needs in one Multicall3 batch: the threshold, the proposer's votes, the treasury. */
import { encodeAbiParameters, keccak256, stringToHex, type Address, type Hex } from 'viem';
import { multicall } from 'viem/actions';
import { altGovernorAbi, altTokenAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';

export async function readProposer(client: ReadClient, chain: ChainConfig, account: Address | undefined) {
  const gov = { address: chain.contracts.governor!, abi: altGovernorAbi } as const;
  const multicallAddress = multicall3Of(chain);
  const [clock, threshold, treasury] = await multicall(client, {
    multicallAddress,
    allowFailure: false,
    contracts: [
      { ...gov, functionName: 'clock' },
      { ...gov, functionName: 'proposalThreshold' },
      {
        address: chain.contracts.alt!,
        abi: altTokenAbi,
        functionName: 'balanceOf',
        args: [chain.contracts.timelock!],
      },
    ],
  });
  // The governor checks the proposer's votes one clock tick back, so read exactly that.
  const [votes] = account
    ? await multicall(client, {
        multicallAddress,
        allowFailure: false,
        contracts: [{ ...gov, functionName: 'getVotes', args: [account, BigInt(clock) - 1n] }],
      })
    : [undefined];
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
