/**
 * One page of proposals from any GovernorStorage governor, newest first, with no indexer: the count,
 * then the page's details, then states and tallies by id, all pinned to one block. A returning
 * visitor's page is one round trip: the ids an earlier visit read for it (a proposal's index never
 * changes) go with the count, their details beside them to prove them, and their states; when the
 * count has moved or a detail disagrees, the page is read the long way. Titles live only
 * in `ProposalCreated` logs: from the log index when it is a few windows from the head, else read
 * at each proposal's creation block (a deep history unread is never scanned for a page of ten).
 */
import { readAll } from '../../../lib/web3/eth-call.ts';
import { readBatch, readRows } from '../../../lib/web3/read-batch.ts';
import { rememberRecord, rememberedRecord } from '../../../lib/storage/remembered.ts';
import type { Address } from 'viem';
import { altGovernorAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { proposalTitle } from '../../../lib/governance/proposal-text.ts';
import { createdOf, findCreated, indexIsNear } from '../../../lib/governance/created-index.ts';
import type { CreatedProposal } from '../../../lib/governance/proposal-description.ts';
import { chainHistory, syncedLogs } from '../../../lib/logs/chain-logs.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { statusCalls, toStatus, type ProposalStatus } from '../../../lib/governance/proposal-status.ts';
import { governanceKey } from '../governance-keys.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { cache } from '../../../lib/query/presets.ts';
import { storageKey } from '../../../lib/storage/keys.ts';
import * as m from '../../../lib/i18n/messages.ts';

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

const pageKey = (chainId: number, governor: Address, page: number, pageSize: number) =>
  storageKey('proposal-page', chainId, governor.toLowerCase(), page, pageSize);

/** The count and ids an earlier visit read for this page, if well formed. */
export const keptPage = (chainId: number, governor: Address, page: number, pageSize: number) =>
  rememberedRecord(pageKey(chainId, governor, page, pageSize), (value) => {
    const kept = value as { count?: unknown; ids?: unknown } | undefined;
    return kept &&
      Number.isSafeInteger(kept.count) &&
      Array.isArray(kept.ids) &&
      kept.ids.length <= pageSize &&
      kept.ids.every((id) => typeof id === 'bigint' && id >= 0n)
      ? { count: kept.count as number, ids: kept.ids as bigint[] }
      : undefined;
  });

/** The indices of `page` for `total` proposals, newest first. */
const pageIndices = (total: number, page: number, pageSize: number) => {
  const first = total - 1 - page * pageSize;
  return Array.from({ length: Math.max(0, Math.min(pageSize, first + 1)) }, (_, k) => first - k);
};

export async function readProposalPage(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  page: number,
  pageSize: number,
): Promise<ProposalPage> {
  const governor = chain.contracts.governor;
  if (!governor) throw new Error(m.gov_read_proposals_no_governor());
  const multicall3 = multicall3Of(chain);
  const gov = { address: governor, abi: altGovernorAbi } as const;
  // Created first: its stored logs load while the first batch is out.
  const history = chainHistory(client, chain, caps);
  const kept = keptPage(chain.id, governor, page, pageSize);
  const guess = kept ? pageIndices(kept.count, page, pageSize) : [];
  const guessed = kept && guess.length === kept.ids.length ? kept.ids : [];
  // The page an earlier visit read, each row with its id's details and status, rides in the first batch.
  const [first] = await Promise.all([
    readBatch(
      client,
      chain,
      {
        count: { ...gov, functionName: 'proposalCount' },
        clockMode: { ...gov, functionName: 'CLOCK_MODE' },
        votingDelay: { ...gov, functionName: 'votingDelay' },
      },
      {
        allowFailure: true,
        rows: guessed.map((id, k) => ({
          details: { ...gov, functionName: 'proposalDetailsAt', args: [BigInt(guess[k])] } as const,
          ...statusCalls(governor, id),
        })),
      },
    ),
    // The next batch and the index's reads then leave together, as one HTTP request.
    history.then(({ index }) => index.ready()),
  ]);
  const { blockNumber, chainTime, values, errors } = first;
  const { count, clockMode, votingDelay } = values;
  if (count === undefined || clockMode === undefined || votingDelay === undefined)
    throw errors.count ?? errors.clockMode ?? errors.votingDelay;
  const { index, snapshot } = await history;
  const total = Number(count);
  const indices = pageIndices(total, page, pageSize);
  if (indices.length === 0) return { blockNumber, chainTime, clockMode, count: total, proposals: [] };

  const deployBlock = BigInt(chain.deployBlock);
  // A page of proposals the build's snapshot titles needs no log at all.
  const covered = !!snapshot && indices.every((i) => i < snapshot.head.proposalsCreated);
  const near = !covered && indexIsNear(index, blockNumber);
  const loadTitles = () =>
    // Titles only for a page the snapshot covers in part or whole.
    snapshot && indices.some((i) => i < snapshot.head.proposalsCreated) ? snapshot.titles() : undefined;
  // The earlier visit's ids stand when the count has not moved and each detail read names its id.
  const rows = first.rows;
  const proven =
    guessed.length > 0 &&
    total === kept!.count &&
    rows.every((row, k) => row !== undefined && row.details[0] === guessed[k]);
  let ids: bigint[];
  let statuses: ProposalStatus[] | undefined;
  let titles: Awaited<ReturnType<typeof loadTitles>>;
  if (proven) {
    ids = guessed;
    statuses = rows.map((row) => toStatus(row!));
    [, titles] = await Promise.all([near ? syncedLogs(client, chain, caps, blockNumber) : undefined, loadTitles()]);
  } else {
    const [details, , loaded] = await Promise.all([
      readAll(
        client,
        multicall3,
        indices.map((i) => ({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] }) as const),
        blockNumber,
      ),
      near ? syncedLogs(client, chain, caps, blockNumber) : undefined,
      loadTitles(),
    ]);
    titles = loaded;
    ids = details.map((d) => d[0]);
  }
  // Storage refused only means the next visit reads the page the long way.
  rememberRecord(pageKey(chain.id, governor, page, pageSize), { count: total, ids });
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
  const [rowsRead, remembered] = await Promise.all([
    statuses ? undefined : readRows(client, multicall3, ids, (id) => statusCalls(governor, id), blockNumber),
    near
      ? undefined
      : findCreated(
          client,
          chain.id,
          unknown.map((id) => ({ id })),
          search,
        ),
  ]);
  const states = statuses ?? rowsRead!.map(toStatus);
  let created: Map<bigint, CreatedProposal | undefined>;
  if (near) created = new Map(ids.map((id) => [id, createdOf(index, governor, id)]));
  else {
    const missing = ids.flatMap((id, k) =>
      remembered!.has(id) || !unknown.includes(id) ? [] : [{ id, snapshot: states[k].snapshot }],
    );
    created = new Map([...remembered!, ...(await findCreated(client, chain.id, missing, search))]);
  }
  const proposals = ids.map((id, k): ProposalSummary => ({
    id,
    index: indices[k],
    // A proposal older than the index's first block is titled by the build's snapshot.
    title: proposalTitle(
      created.get(id)?.description ?? titles?.get(id)?.title,
      m.gov_read_proposals_untitled({ number: indices[k] + 1 }),
    ),
    ...states[k],
  }));
  return { blockNumber, chainTime, clockMode, count: total, proposals };
}

/** A page of the proposal list, newest first. */
export const proposalListQuery = (ctx: ReadContext, page: number, pageSize: number) => ({
  queryKey: governanceKey(ctx.chainId, { page }),
  queryFn: async () => readProposalPage(ctx.client, ctx.chain, await ctx.requireCaps(), page, pageSize),
  ...cache.perBlock,
});
