/**
 * One page of proposals from any GovernorStorage governor, newest first, with no indexer: the count,
 * then the page's details, then states and tallies by id, all pinned to one block. Titles live only
 * in `ProposalCreated` logs: from the log index when it is a few windows from the head, else read
 * at each proposal's creation block (a deep history unread is never scanned for a page of ten).
 */
import { readAll } from '../../lib/web3/eth-call.ts';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';
import { proposalTitle } from './proposal-text.ts';
import { createdOf, findCreated, indexIsNear } from './created-index.ts';
import type { CreatedProposal } from './proposal-description.ts';
import { chainHistory, syncedLogs } from '../../lib/logs/chain-logs.ts';
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
  // Created first: its stored logs load while the first batch is out.
  const history = chainHistory(client, chain, caps);
  const [[blockNumber, chainTime, count, clockMode, votingDelay]] = await Promise.all([
    readAll(client, multicall3, [
      ...headCalls(multicall3),
      { ...gov, functionName: 'proposalCount' },
      { ...gov, functionName: 'CLOCK_MODE' },
      { ...gov, functionName: 'votingDelay' },
    ]) as Promise<[bigint, bigint, bigint, string, bigint]>,
    // The next batch and the index's reads then leave together, as one HTTP request.
    history.then(({ index }) => index.ready()),
  ]);
  const { index, snapshot } = await history;
  const total = Number(count);
  const first = total - 1 - page * pageSize;
  const indices = Array.from({ length: Math.max(0, Math.min(pageSize, first + 1)) }, (_, k) => first - k);
  if (indices.length === 0) return { blockNumber, chainTime, clockMode, count: total, proposals: [] };

  const deployBlock = BigInt(chain.deployBlock);
  // A page of proposals the build's snapshot titles needs no log at all.
  const covered = !!snapshot && indices.every((i) => i < snapshot.head.proposalsCreated);
  const near = !covered && indexIsNear(index, blockNumber);
  const [details, , titles] = await Promise.all([
    readAll(
      client,
      multicall3,
      indices.map((i) => ({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] })),
      blockNumber,
    ) as Promise<(readonly [bigint, ...unknown[]])[]>,
    near ? syncedLogs(client, chain, caps, blockNumber) : undefined,
    // Titles only for a page the snapshot covers in part or whole.
    snapshot && indices.some((i) => i < snapshot.head.proposalsCreated) ? snapshot.titles() : undefined,
  ]);
  const ids = details.map((d) => d[0] as bigint);
  const perId = ids.flatMap((id) => statusCalls(governor, id));
  const search = {
    governor,
    deployBlock,
    clockMode: clockMode.includes('timestamp') ? ('timestamp' as const) : ('blocknumber' as const),
    votingDelay,
    head: { number: blockNumber, timestamp: chainTime },
  };
  // Titles from the index when it is up to date, from the build's history snapshot for proposals
  // before it; else where an earlier visit found them (read with the states), then, for the rest,
  // at each proposal's creation block (which needs its snapshot).
  const unknown = ids.filter((id) => !titles?.has(id));
  const [values, remembered] = await Promise.all([
    readAll(client, multicall3, perId, blockNumber),
    near
      ? undefined
      : findCreated(
          client,
          chain.id,
          unknown.map((id) => ({ id })),
          search,
        ),
  ]);
  const statuses = chunk(values, STATUS_CALL_COUNT).map(toStatus);
  let created: Map<bigint, CreatedProposal | undefined>;
  if (near) created = new Map(ids.map((id) => [id, createdOf(index, governor, id)]));
  else {
    const missing = ids.flatMap((id, k) =>
      remembered!.has(id) || !unknown.includes(id) ? [] : [{ id, snapshot: statuses[k].snapshot }],
    );
    created = new Map([...remembered!, ...(await findCreated(client, chain.id, missing, search))]);
  }
  const proposals = ids.map((id, k): ProposalSummary => ({
    id,
    index: indices[k],
    // A proposal older than the index's first block is titled by the build's snapshot.
    title: proposalTitle(created.get(id)?.description ?? titles?.get(id)?.title, `Proposal ${indices[k] + 1}`),
    ...statuses[k],
  }));
  return { blockNumber, chainTime, clockMode, count: total, proposals };
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
