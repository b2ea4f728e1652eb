/**
 * Scale options for measuring the app at the size of the real ecosystem: extra operators registered
 * after the seeded history (DEVNET_OPERATORS=500 makes 500 in all), and extra proposals
 * (DEVNET_PROPOSALS=1000 makes 1,000 in all).
 */
import { encodeFunctionData, keccak256, parseEther, toHex, type Address } from 'viem';
import { altGovernorAbi, altStakingAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { asImpersonated, send, type DevnetClient } from './client.ts';
import type { Deployment } from './deploy.ts';

const SERVICE_SETS = [1, 2, 4, 3, 5, 6, 7];

/** Deterministic addresses for the extra operators (nobody holds their keys; they are impersonated). */
export const extraOperatorAddress = (i: number): Address =>
  `0x${keccak256(toHex(`alt-devnet-operator-${i}`)).slice(26)}` as Address;

export function inlineMetadata(i: number): string {
  const json = JSON.stringify({
    name: `Operator ${i + 1}`,
    website: `https://operator-${i + 1}.example`,
    description: 'Load-test operator.',
  });
  return `data:application/json;base64,${Buffer.from(json).toString('base64')}`;
}

/** Registers operators until the registry holds `total`. */
export async function addOperators(client: DevnetClient, deployment: Deployment, total: number) {
  const { staking, timelock } = deployment.contracts;
  const existing = Number(
    await client.readContract({ address: staking, abi: altStakingAbi, functionName: 'operatorCount' }),
  );
  const extra = Array.from({ length: Math.max(0, total - existing) }, (_, k) => existing + k);
  await asImpersonated(client, timelock, async () => {
    for (const i of extra) {
      await send(client, timelock, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'setOperatorAllowlisted',
        args: [extraOperatorAddress(i), true],
      });
    }
  });
  for (const i of extra) {
    const operator = extraOperatorAddress(i);
    await asImpersonated(client, operator, () =>
      send(client, operator, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'registerOperator',
        args: [inlineMetadata(i), SERVICE_SETS[i % SERVICE_SETS.length], 100 + ((i * 37) % 1_900)],
      }),
    );
  }
}

/**
 * Proposes small treasury grants from `proposer` until the governor holds `total` proposals. Sent
 * back to back under automine without waiting for each receipt; the last receipt proves they all mined.
 */
export async function addProposals(client: DevnetClient, deployment: Deployment, proposer: Address, total: number) {
  const { governor, alt } = deployment.contracts;
  const existing = Number(
    await client.readContract({ address: governor, abi: altGovernorAbi, functionName: 'proposalCount' }),
  );
  let last: `0x${string}` | undefined;
  for (let i = existing; i < total; i++) {
    const calldata = encodeFunctionData({
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [extraOperatorAddress(i), parseEther(String(1_000 + i))],
    });
    last = await client.writeContract({
      address: governor,
      abi: altGovernorAbi,
      functionName: 'propose',
      args: [
        [alt],
        [0n],
        [calldata],
        `# Load-test grant ${i + 1}\n\nA small grant proposed to measure the app with many proposals.`,
      ],
      account: proposer,
      chain: client.chain,
      gas: 1_000_000n,
    });
  }
  if (!last) return;
  // anvil may still be mining the queue when the last hash comes back: wait for it, then check.
  const receipt = await client.waitForTransactionReceipt({ hash: last, timeout: 600_000, pollingInterval: 100 });
  if (receipt.status !== 'success') throw new Error(`propose reverted in ${last}`);
  const count = Number(
    await client.readContract({ address: governor, abi: altGovernorAbi, functionName: 'proposalCount' }),
  );
  if (count !== total) throw new Error(`Expected ${total} proposals, the governor holds ${count}.`);
}
