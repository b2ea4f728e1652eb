/** The operator page's extra reads: its slashing history from events and its largest stakers. */
import type { Address } from 'viem';
import { getBlock, readContract } from 'viem/actions';
import { altStakingAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { getLogsInRanges } from '../../lib/web3/get-logs-in-ranges.ts';

const slashedEvent = altStakingAbi.find((item) => item.type === 'event' && item.name === 'Slashed')!;

export interface SlashRecord {
  blockNumber: bigint;
  timestamp: bigint;
  fractionBps: bigint;
  amount: bigint;
  /** Untrusted text from the chain: render as text only. */
  reason: string;
  transactionHash: `0x${string}`;
}

/** `Slashed` events of `operator` since the deployment block, newest first. */
export async function readSlashes(client: ReadClient, chain: ChainConfig, operator: Address): Promise<SlashRecord[]> {
  const logs = await getLogsInRanges(client, {
    address: chain.contracts.staking!,
    event: slashedEvent as Extract<typeof slashedEvent, { type: 'event' }>,
    args: { operator },
    fromBlock: BigInt(chain.deployBlock),
  });
  const records = await Promise.all(
    logs.map(async (log) => {
      const args = log.args as { fractionBps: bigint; amount: bigint; reason: string };
      const block = await getBlock(client, { blockNumber: log.blockNumber! });
      return {
        blockNumber: log.blockNumber!,
        timestamp: block.timestamp,
        fractionBps: args.fractionBps,
        amount: args.amount,
        reason: args.reason,
        transactionHash: log.transactionHash!,
      };
    }),
  );
  return records.reverse();
}

export interface StakerShare {
  staker: Address;
  stake: bigint;
}

/** The operator's stakers with their active stake, largest first (the first `limit` by registration). */
export async function readStakers(
  client: ReadClient,
  chain: ChainConfig,
  operator: Address,
  limit = 500n,
): Promise<StakerShare[]> {
  const [stakers, stakes] = await readContract(client, {
    address: chain.contracts.staking!,
    abi: altStakingAbi,
    functionName: 'getOperatorStakers',
    args: [operator, 0n, limit],
  });
  return stakers
    .map((staker, i) => ({ staker, stake: stakes[i] }))
    .sort((a, b) => (a.stake < b.stake ? 1 : a.stake > b.stake ? -1 : 0));
}
