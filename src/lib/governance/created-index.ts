/**
 * Proposals' `ProposalCreated` logs (the only place their descriptions live), selected from the
 * chain's log index and decoded only when a proposal is shown: a thousand proposals cost ten
 * decodes for a page of ten.
 */
import { toEventSelector, type Address } from 'viem';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { blockRangesAt, blockTimes, type BlockPoint } from '../web3/block-at-time.ts';
import type { LogIndex } from '../logs/log-index.ts';
import type { IndexedLog } from '../logs/log-store.ts';
import type { HistorySnapshot } from '../logs/history-snapshot.ts';
import { memoByVersion } from '../logs/chain-logs.ts';
import { decodeProposalCreated, proposalCreatedEvent, type CreatedProposal } from './proposal-description.ts';
import { storageKey } from '../storage/keys.ts';
import { readFilteredLogs, requestOf } from '../logs/window-read.ts';
import { LearnedSize } from '../rpc/learned-size.ts';

const TOPIC = toEventSelector(proposalCreatedEvent);

/** `ProposalCreated` logs by proposal id (its first data word), per governor. */
const createdLogs = memoByVersion((index: LogIndex) => {
  const byGovernor = new Map<string, Map<bigint, IndexedLog>>();
  for (const log of index.select({ topic0: TOPIC })) {
    if (log.data.length < 66) continue;
    let ids = byGovernor.get(log.address);
    if (!ids) byGovernor.set(log.address, (ids = new Map()));
    ids.set(BigInt(log.data.slice(0, 66)), log);
  }
  return byGovernor;
});

/** Decoded once per log object: a reorg brings new objects, so nothing stale is served. */
const decoded = new WeakMap<IndexedLog, CreatedProposal | null>();

/** `log` decoded as the creation of proposal `id`, or null (another proposal, or not the standard layout). */
function decodeCreated(log: IndexedLog, id: bigint): CreatedProposal | null {
  if (!decoded.has(log)) {
    let created: CreatedProposal | null = null;
    try {
      created = {
        ...decodeProposalCreated(log.data),
        blockNumber: log.blockNumber,
        transactionHash: log.transactionHash,
      };
    } catch {
      created = null;
    }
    decoded.set(log, created);
  }
  const created = decoded.get(log) ?? null;
  // The first word claimed the id; only a log whose decoded id agrees counts.
  return created && created.proposalId === id ? created : null;
}

/** The decoded creation log of proposal `id`, or undefined (not in the index, or not the standard layout). */
export function createdOf(index: LogIndex, governor: Address, id: bigint): CreatedProposal | undefined {
  const log = createdLogs(index).get(governor.toLowerCase())?.get(id);
  return (log && decodeCreated(log, id)) ?? undefined;
}

/**
 * Blocks per `eth_getLogs` assumed of a provider not yet tried: the cap most public RPCs set. A
 * first visit through one that allows more learns it as soon as a page reads the history.
 */
const UNTRIED_PROVIDER_RANGE = 1_000n;

/** Whether the index is a few windows from `head`: worth bringing up to date rather than reading around it. */
export const indexIsNear = (index: LogIndex, head: bigint) =>
  head - (index.scannedTo ?? index.fromBlock - 1n) <=
  20n * (index.window.known ? index.window.size : UNTRIED_PROVIDER_RANGE);

/**
 * Whether a proposal whose voting snapshot is `snapshot` was created before the build's history
 * snapshot (so its creation and early votes are not in the log index, which starts after it).
 * Creation is `votingDelay` before the voting snapshot, in the governor's clock.
 */
export function createdBeforeHistory(
  history: HistorySnapshot | undefined,
  clockMode: 'timestamp' | 'blocknumber',
  snapshot: bigint,
  votingDelay: bigint,
): boolean {
  if (!history) return false;
  const created = snapshot - votingDelay;
  return created <= (clockMode === 'timestamp' ? history.head.timestamp : history.head.block);
}

const firstBlocks = new Map<number, BlockPoint>();

export interface CreatedSearch {
  governor: Address;
  deployBlock: bigint;
  clockMode: 'timestamp' | 'blocknumber';
  votingDelay: bigint;
  head: BlockPoint;
  /** Creation blocks already known (the build's history snapshot lists them). */
  known?: ReadonlyMap<bigint, bigint>;
}

/**
 * The creation logs of `proposals` read where they were emitted, without the history between: a
 * proposal was created `votingDelay` before its snapshot, which on a block clock is the block and on
 * a timestamp clock a time whose block a few batched header reads find (see block-at-time.ts). One
 * batch of narrow log reads follows. A proposal not found this way (a delay changed since) is left
 * out; the log index finds it.
 */
export async function findCreated(
  client: ReadClient,
  chainId: number,
  /** Without a snapshot, a proposal is looked for only where an earlier visit found it. */
  proposals: readonly { id: bigint; snapshot?: bigint }[],
  search: CreatedSearch,
): Promise<Map<bigint, CreatedProposal>> {
  if (!proposals.length) return new Map();
  const headers = async (numbers: bigint[]): Promise<BlockPoint[]> =>
    (await blockTimes(client, chainId, numbers)).map((timestamp, i) => ({ number: numbers[i], timestamp }));
  const at = proposals.map((p) => (p.snapshot === undefined ? undefined : p.snapshot - search.votingDelay));
  const remembered = rememberedBlocks(chainId, search.governor);
  let ranges: ([bigint, bigint] | undefined)[] = proposals.map((p) => {
    const block = search.known?.get(p.id) ?? remembered.get(p.id.toString());
    return block === undefined ? undefined : [BigInt(block), BigInt(block)];
  });
  const unknown = ranges.flatMap((r, i) => (r || at[i] === undefined ? [] : [i]));
  if (search.clockMode === 'blocknumber') for (const i of unknown) ranges[i] = [at[i]!, at[i]!];
  else if (unknown.length) {
    let first = firstBlocks.get(chainId);
    if (!first) firstBlocks.set(chainId, (first = (await headers([search.deployBlock]))[0]));
    const searched = await blockRangesAt(
      unknown.map((i) => at[i]!),
      first,
      search.head,
      headers,
    );
    unknown.forEach((i, k) => (ranges[i] = searched[k]));
  }
  const found = await readCreatedAt(
    client,
    chainId,
    search.governor,
    ranges.flatMap((range, i) => (range ? [{ id: proposals[i].id, from: range[0], to: range[1] }] : [])),
  );
  // Where each was found, for the next visit: a creation log never moves once final. A remembered
  // block that no longer holds it (a devnet started again) is forgotten and searched next time.
  for (const p of proposals) if (!found.has(p.id) && ranges[proposals.indexOf(p)]) remembered.delete(p.id.toString());
  for (const [id, created] of found)
    if (created.blockNumber !== undefined && search.head.number - created.blockNumber > 64n)
      remembered.set(id.toString(), Number(created.blockNumber));
  saveRemembered(chainId, search.governor, remembered);
  return found;
}

/**
 * Blocks per narrow creation read, learned per chain: ten to start (within nearly every provider's
 * range), narrowed for one that caps below it.
 */
const narrowWindows = new Map<number, LearnedSize>();
const narrowWindow = (chainId: number) => {
  let window = narrowWindows.get(chainId);
  if (!window) narrowWindows.set(chainId, (window = new LearnedSize(10n)));
  return window;
};

/**
 * The creation logs of proposals read in the block ranges given for each: one concurrent group of
 * narrow log reads, decoded and kept only where the log's own id is the proposal's.
 */
async function readCreatedAt(
  client: ReadClient,
  chainId: number,
  governor: Address,
  where: readonly { id: bigint; from: bigint; to: bigint }[],
): Promise<Map<bigint, CreatedProposal>> {
  const request = requestOf(client);
  const window = narrowWindow(chainId);
  const answers = await Promise.all(
    where.map((w) => readFilteredLogs(request, { address: governor, topics: [TOPIC] }, w.from, w.to, window)),
  );
  const found = new Map<bigint, CreatedProposal>();
  where.forEach((w, k) => {
    for (const log of answers[k]) {
      const created = decodeCreated(log, w.id);
      if (created) found.set(w.id, created);
    }
  });
  return found;
}

/**
 * Proposal `id`'s creation log read where it is already known to be (an earlier visit found it
 * there, or the build's snapshot lists it), so the read can go out beside a page's first batch
 * instead of after it; undefined when neither knows the block. The caller checks the description
 * against the hash the governor stores; a log not found there resolves to undefined.
 */
export function createdAtKnownBlock(
  client: ReadClient,
  chainId: number,
  governor: Address,
  id: bigint,
  listed?: bigint,
): Promise<CreatedProposal | undefined> | undefined {
  const blocks = rememberedBlocks(chainId, governor);
  const remembered = blocks.get(id.toString());
  const block = listed ?? (remembered === undefined ? undefined : BigInt(remembered));
  if (block === undefined) return undefined;
  return readCreatedAt(client, chainId, governor, [{ id, from: block, to: block }]).then((found) => {
    const created = found.get(id);
    // A block the snapshot lists is final (the snapshot is checked against the chain and lags its
    // head): the next visit reads there without waiting for the snapshot's list. A remembered block
    // that no longer holds the log (a devnet started again) is forgotten.
    if (created?.blockNumber !== undefined) {
      if (listed !== undefined && remembered !== Number(created.blockNumber)) {
        blocks.set(id.toString(), Number(created.blockNumber));
        saveRemembered(chainId, governor, blocks);
      }
    } else if (remembered !== undefined && BigInt(remembered) === block) {
      blocks.delete(id.toString());
      saveRemembered(chainId, governor, blocks);
    }
    return created;
  });
}

const rememberKey = (chainId: number, governor: Address) => storageKey('created-at', chainId, governor.toLowerCase());

/** Blocks where proposals' creation logs were found on earlier visits, by proposal id. */
function rememberedBlocks(chainId: number, governor: Address): Map<string, number> {
  try {
    const raw = globalThis.localStorage?.getItem(rememberKey(chainId, governor));
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    return new Map(
      Object.entries(parsed).filter((e): e is [string, number] => /^\d+$/.test(e[0]) && Number.isSafeInteger(e[1])),
    );
  } catch {
    return new Map();
  }
}

function saveRemembered(chainId: number, governor: Address, blocks: Map<string, number>) {
  try {
    // The newest two thousand: a list page and the pages opened from it.
    const kept = [...blocks].slice(-2_000);
    globalThis.localStorage?.setItem(rememberKey(chainId, governor), JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage refused: the next visit searches again.
  }
}
