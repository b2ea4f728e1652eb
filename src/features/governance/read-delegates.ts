/**
 * Delegates ranked by voting power with their delegator counts, with no indexer: the governor's votes
 * token's `DelegateChanged` and `DelegateVotesChanged` logs folded into a table, read in bounded block
 * ranges and cached (in memory and in localStorage), so a later visit reads only new blocks.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { altVotesAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { getLogsInRanges } from '../../lib/web3/get-logs-in-ranges.ts';

const tokenEvent = (name: string) => altVotesAbi.find((i) => i.type === 'event' && i.name === name) as any;
const DELEGATE_CHANGED = tokenEvent('DelegateChanged');
const VOTES_CHANGED = tokenEvent('DelegateVotesChanged');

export interface DelegatesIndex {
  token: Address;
  scannedTo?: bigint;
  /** Latest voting power per delegate. */
  votes: Map<Address, bigint>;
  /** Current delegate per delegator. */
  delegateOf: Map<Address, Address>;
}

export interface DelegateRow {
  address: Address;
  votes: bigint;
  delegators: number;
}

const memory = new Map<number, DelegatesIndex>();
const storageKey = (chainId: number, token: Address) => `alt-gov:delegates:${chainId}:${token.toLowerCase()}`;

function load(chainId: number, token: Address): DelegatesIndex {
  const cached = memory.get(chainId);
  if (cached?.token === token) return cached;
  const fresh: DelegatesIndex = { token, votes: new Map(), delegateOf: new Map() };
  try {
    const raw = localStorage.getItem(storageKey(chainId, token));
    if (raw) {
      const saved = JSON.parse(raw) as { scannedTo: string; votes: [string, string][]; delegateOf: [string, string][] };
      fresh.scannedTo = BigInt(saved.scannedTo);
      for (const [a, v] of saved.votes) fresh.votes.set(getAddress(a), BigInt(v));
      for (const [a, d] of saved.delegateOf) fresh.delegateOf.set(getAddress(a), getAddress(d));
    }
  } catch {
    // A corrupt or foreign cache entry: read from the start instead.
    Object.assign(fresh, { scannedTo: undefined, votes: new Map(), delegateOf: new Map() });
  }
  memory.set(chainId, fresh);
  return fresh;
}

function save(chainId: number, index: DelegatesIndex) {
  try {
    localStorage.setItem(
      storageKey(chainId, index.token),
      JSON.stringify({
        scannedTo: String(index.scannedTo ?? 0n),
        votes: [...index.votes].map(([a, v]) => [a, v.toString()]),
        delegateOf: [...index.delegateOf],
      }),
    );
  } catch {
    // Storage full or disabled: the in-memory index still serves this visit.
  }
}

/** Brings the index of the votes token `token` up to the latest block and returns it with that block. */
export async function syncDelegates(client: ReadClient, chain: ChainConfig, token: Address) {
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  let index = load(chain.id, token);
  if (index.scannedTo !== undefined && index.scannedTo > blockNumber) {
    // The chain went backwards (a devnet reset): start again.
    index = { token, votes: new Map(), delegateOf: new Map() };
    memory.set(chain.id, index);
  }
  const fromBlock = index.scannedTo === undefined ? BigInt(chain.deployBlock) : index.scannedTo + 1n;
  if (fromBlock <= blockNumber) {
    const logs = await getLogsInRanges(client, {
      address: token,
      event: DELEGATE_CHANGED,
      alsoEvents: [VOTES_CHANGED],
      fromBlock,
      toBlock: blockNumber,
    });
    applyLogs(index, logs as any[]);
    index.scannedTo = blockNumber;
    save(chain.id, index);
  }
  return { index, blockNumber };
}

/** Folds logs (oldest first) into the index. */
export function applyLogs(index: DelegatesIndex, logs: { eventName: string; args: Record<string, any> }[]) {
  for (const log of logs) {
    if (log.eventName === 'DelegateVotesChanged') index.votes.set(getAddress(log.args.delegate), log.args.newVotes);
    else if (log.eventName === 'DelegateChanged') {
      const to = getAddress(log.args.toDelegate);
      if (to === zeroAddress) index.delegateOf.delete(getAddress(log.args.delegator));
      else index.delegateOf.set(getAddress(log.args.delegator), to);
    }
  }
}

/** Delegates with voting power, largest first. */
export function rankDelegates(index: DelegatesIndex): DelegateRow[] {
  const counts = new Map<Address, number>();
  for (const to of index.delegateOf.values()) counts.set(to, (counts.get(to) ?? 0) + 1);
  return [...index.votes]
    .filter(([, votes]) => votes > 0n)
    .map(([address, votes]) => ({ address, votes, delegators: counts.get(address) ?? 0 }))
    .sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : a.address.localeCompare(b.address)));
}

export const delegatorsOf = (index: DelegatesIndex, delegate: Address): Address[] =>
  [...index.delegateOf].filter(([, to]) => to === delegate).map(([from]) => from);
