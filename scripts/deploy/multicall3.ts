/**
 * Every screen of the app reads through Multicall3: a chain without one cannot be served. Before a
 * deployment sends anything, the Multicall3 it will name in config.json is asked for the block number
 * through `aggregate3`, as the app asks it; a missing or wrong contract refuses the deployment.
 */
import { decodeFunctionResult, encodeFunctionData, type Address, type PublicClient } from 'viem';
import { multicall3Abi } from '../../src/lib/contracts/generated.ts';

/** Multicall3's address on every chain that has it (deployed by one presigned transaction). */
export const CANONICAL_MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Why `address` cannot serve the app as Multicall3, or undefined when it can. */
export async function multicall3Problem(client: PublicClient, address: Address): Promise<string | undefined> {
  const code = await client.getCode({ address });
  if (!code || code === '0x') return `there is no contract at ${address}`;
  try {
    const getBlockNumber = encodeFunctionData({ abi: multicall3Abi, functionName: 'getBlockNumber' });
    const { data } = await client.call({
      to: address,
      data: encodeFunctionData({
        abi: multicall3Abi,
        functionName: 'aggregate3',
        args: [[{ target: address, allowFailure: false, callData: getBlockNumber }]],
      }),
    });
    const [result] = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: data! });
    if (!result?.success) return `the contract at ${address} did not answer aggregate3 as Multicall3 does`;
    return undefined;
  } catch (error) {
    return `the contract at ${address} is not Multicall3 (aggregate3 failed: ${(error as Error).message.split('\n')[0]})`;
  }
}
