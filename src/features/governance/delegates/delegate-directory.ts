/**
 * Delegates ranked by voting power with their delegator counts, at one block, from the votes token's
 * directory (`AltVotes.delegatesChangedSince`) instead of its logs: the build's snapshot's standings
 * with the delegates changed after its block read over them, or every delegate when there is no
 * snapshot (or it was set aside). A provider that caps log ranges at 10 blocks brings a week-old
 * snapshot to the head in one batch of eth_calls, where the logs since would take a call per window.
 */
import { getAddress, type Address } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { pageStarts, readAll, readAllInBatches } from '../../../lib/web3/eth-call.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { chainHistory, rejectSnapshot } from '../../../lib/logs/chain-logs.ts';
import {
  foldDelegates,
  rankDelegates,
  snapshotAgrees,
  VERIFIED_DELEGATES,
  type DelegateRow,
  type DelegatesIndex,
} from './read-delegates.ts';

/**
 * Directory entries scanned per call: about 4,500 gas each, 10,000 with the entry reported (a
 * delegate read with its votes), so a page stays under 2.5M gas; four pages an eth_call keep it
 * under 10M, the lowest gas cap for calls a provider is known to set (a provider refusing it as too
 * big splits it further: `aggregateInBatches`).
 */
export const DIRECTORY_PAGE = 250n;
const PAGES_PER_CALL = 4;

/** A directory entry: a delegate changed since the block asked, with its figures at the block read. */
export interface DirectoryEntry {
  delegate: Address;
  votes: bigint;
  delegators: bigint;
}

/** The snapshot's standings (or nothing), with each changed delegate's figures read over them. */
export function applyDirectory(token: Address, entries: DirectoryEntry[], base?: DelegateRow[]): DelegatesIndex {
  const index = foldDelegates(token, [], base);
  for (const entry of entries) {
    const address = getAddress(entry.delegate);
    index.votes.set(address, entry.votes);
    if (entry.delegators > 0n) index.delegators.set(address, Number(entry.delegators));
    else index.delegators.delete(address);
  }
  return index;
}

/**
 * Every delegate changed after block `since` (0: every delegate), at block `at`: the pages the
 * snapshot's size suggests (`expected` entries) in one batch, then any the directory has grown past.
 */
async function changedSince(
  client: ReadClient,
  chain: ChainConfig,
  token: Address,
  since: bigint,
  at: bigint,
  expected: number,
): Promise<DirectoryEntry[]> {
  const pages = (from: bigint, to: bigint) =>
    pageStarts(from, to, DIRECTORY_PAGE).map(
      (start) =>
        ({
          address: token,
          abi: altVotesAbi,
          functionName: 'delegatesChangedSince',
          args: [since, start, DIRECTORY_PAGE],
        }) as const,
    );
  const read = (from: bigint, to: bigint) =>
    readAllInBatches(client, multicall3Of(chain), pages(from, to), at, PAGES_PER_CALL);
  const covered = ((BigInt(expected) + DIRECTORY_PAGE) / DIRECTORY_PAGE) * DIRECTORY_PAGE;
  const first = await read(0n, covered);
  const total = first[0][1];
  const rest = total > covered ? await read(covered, total) : [];
  return [...first, ...rest].flatMap(([entries]) => entries);
}

/**
 * The delegates as the build's snapshot ranks them at its block, with no read beyond the snapshot's
 * own check (null without a snapshot of this token): what the list shows while the directory brings
 * it to the head.
 */
export async function storedDelegates(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
): Promise<{ blockNumber: bigint; rows: DelegateRow[] } | null> {
  const token = caps.votes!.address;
  const { snapshot } = await chainHistory(client, chain, caps);
  const base = await snapshot?.delegates(token);
  if (!snapshot || !base) return null;
  return { blockNumber: snapshot.head.block, rows: rankDelegates(foldDelegates(token, [], base.rows)) };
}

/**
 * The delegates of the governor's votes token at the latest block: ranked rows and that block. The
 * snapshot is trusted only as its check allows (its largest delegates' power at its block, read
 * beside the directory); one that disagrees is set aside and the whole directory read instead.
 */
export async function readDelegateDirectory(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
): Promise<{ blockNumber: bigint; rows: DelegateRow[] }> {
  const token = caps.votes!.address;
  const [head, { snapshot }] = await Promise.all([
    getBlockNumber(client, { cacheTime: 0 }),
    chainHistory(client, chain, caps),
  ]);
  const usable = await snapshot?.delegates(token);
  const agrees = usable ? snapshotAgrees(client, chain, caps, snapshot!) : Promise.resolve(true as const);
  // Awaited after the directory; a failed check fails this read then, not as an unhandled rejection.
  agrees.catch(() => undefined);
  const since = usable ? snapshot!.head.block : 0n;
  const entries = await changedSince(client, chain, token, since, head, usable?.rows.length ?? 0);
  const verdict = await agrees;
  const setAside = () => {
    rejectSnapshot(chain);
    return readDelegateDirectory(client, chain, caps);
  };
  if (verdict === false) return setAside();
  const rows = rankDelegates(applyDirectory(token, entries, usable?.rows));
  if (verdict === 'after-the-logs') {
    // The snapshot's timepoint does not single out its block: its largest delegates, brought to the
    // head, are checked against the contract there instead.
    const top = rows.slice(0, VERIFIED_DELEGATES);
    const onChain = await readAll(
      client,
      multicall3Of(chain),
      top.map((row) => ({ address: token, abi: altVotesAbi, functionName: 'getVotes', args: [row.address] }) as const),
      head,
    );
    if (top.some((row, i) => onChain[i] !== row.votes)) return setAside();
  }
  return { blockNumber: head, rows };
}
