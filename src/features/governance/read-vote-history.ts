/** An address's votes from the governor's `VoteCast` logs (voter is indexed), newest first, with titles. */
import { cleanText } from '../../lib/format/clean-text.ts';
import type { Address } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { getLogsInRanges } from '../../lib/web3/get-logs-in-ranges.ts';
import { createdOf, scanCreated } from './created-index.ts';
import { proposalTitle } from './proposal-text.ts';

const voteCast = altGovernorAbi.find((i) => i.type === 'event' && i.name === 'VoteCast') as any;

export interface VoteRecord {
  proposalId: bigint;
  title: string;
  support: 0 | 1 | 2;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
}

export async function readVoteHistory(client: ReadClient, chain: ChainConfig, voter: Address) {
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  const [logs, index] = await Promise.all([
    getLogsInRanges(client, {
      address: chain.contracts.governor!,
      event: voteCast,
      args: { voter },
      fromBlock: BigInt(chain.deployBlock),
      toBlock: blockNumber,
    }),
    scanCreated(client, chain, blockNumber),
  ]);
  const votes: VoteRecord[] = (logs as any[])
    .map((log) => ({
      proposalId: log.args.proposalId as bigint,
      title: proposalTitle(createdOf(index, log.args.proposalId)?.description, `Proposal ${log.args.proposalId}`),
      support: Number(log.args.support) as 0 | 1 | 2,
      weight: log.args.weight as bigint,
      reason: cleanText(log.args.reason as string, { multiline: true }),
      blockNumber: log.blockNumber as bigint,
    }))
    .reverse();
  return { blockNumber, votes };
}
