/**
 * One page of proposals from any GovernorStorage governor, newest first, with no indexer: the count,
 * then the page's details and the log index brought to the same block (titles live only in
 * `ProposalCreated` logs) concurrently, then states and tallies by id, all pinned to that block.
 */
import { readAll } from '../../lib/web3/eth-call.ts';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';
import { proposalTitle } from './proposal-text.ts';
import { createdOf } from './created-index.ts';
import { syncedLogs } from '../../lib/logs/chain-logs.ts';
import type { ChainCaps } from '../../lib/web3/capabilities.ts';
import { STATUS_CALL_COUNT, statusCalls, toStatus, type ProposalStatus } from './proposal-status.ts';

export interface ProposalSummary extends ProposalStatus {
  id: bigint;
  index: number;
  title: string;
}

export interface ProposalPage {
  blockNumber: bigint;
  chainTime: bigint;
  clockMode: string;
  count: number;
  proposals: ProposalSummary[];
}

export async function readProposalPage(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  page: number,
  pageSize: number,
): Promise<ProposalPage> {
  const governor = chain.contracts.governor;
  if (!governor) throw new Error('The governor is not deployed on this chain.');
  const multicall3 = multicall3Of(chain);
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const [blockNumber, chainTime, count, clockMode] = (await readAll(client, multicall3, [
    ...headCalls(multicall3),
    { ...gov, functionName: 'proposalCount' },
    { ...gov, functionName: 'CLOCK_MODE' },
  ])) as [bigint, bigint, bigint, string];
  const total = Number(count);
  const first = total - 1 - page * pageSize;
  const indices = Array.from({ length: Math.max(0, Math.min(pageSize, first + 1)) }, (_, k) => first - k);
  if (indices.length === 0) return { blockNumber, chainTime, clockMode, count: total, proposals: [] };

  const [details, index] = await Promise.all([
    readAll(
      client,
      multicall3,
      indices.map((i) => ({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] })),
      blockNumber,
    ) as Promise<(readonly [bigint, ...unknown[]])[]>,
    syncedLogs(client, chain, caps, blockNumber),
  ]);
  const ids = details.map((d) => d[0] as bigint);
  const perId = ids.flatMap((id) => statusCalls(governor, id));
  const values = await readAll(client, multicall3, perId, blockNumber);
  const proposals = ids.map((id, k): ProposalSummary => ({
    id,
    index: indices[k],
    title: proposalTitle(createdOf(index, governor, id)?.description, `Proposal ${indices[k] + 1}`),
    ...toStatus(values.slice(k * STATUS_CALL_COUNT, (k + 1) * STATUS_CALL_COUNT)),
  }));
  return { blockNumber, chainTime, clockMode, count: total, proposals };
}
