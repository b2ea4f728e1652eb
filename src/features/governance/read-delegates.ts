/**
 * Delegates ranked by voting power with their delegator counts, with no indexer: the governor's votes
 * token's `DelegateChanged` and `DelegateVotesChanged` logs, selected from the chain's log index,
 * folded into a table once per change of the index.
 */
import { getAddress, toEventSelector, zeroAddress, type Address } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { altVotesAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import type { ChainCaps } from '../../lib/web3/capabilities.ts';
import type { LogIndex } from '../../lib/logs/log-index.ts';
import { decodeLogs, memoByVersion, syncedLogs } from '../../lib/logs/chain-logs.ts';

const EVENTS = altVotesAbi.filter(
  (i) => i.type === 'event' && (i.name === 'DelegateChanged' || i.name === 'DelegateVotesChanged'),
);
const TOPICS = EVENTS.map((e) => toEventSelector(e as never));

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

const fold = memoByVersion((logs: LogIndex) => {
  const byToken = new Map<string, DelegatesIndex>();
  const decoded = decodeLogs(EVENTS, logs.select({ topic0: TOPICS }));
  for (const { eventName, args, log } of decoded) {
    let index = byToken.get(log.address);
    if (!index)
      byToken.set(log.address, (index = { token: getAddress(log.address), votes: new Map(), delegateOf: new Map() }));
    applyLogs(index, [{ eventName, args }]);
  }
  return byToken;
});

/**
 * The delegates of votes token `token` from the chain's log index brought to the latest block;
 * `blockNumber` is the block the index has read to (never lower than on an earlier call).
 */
export async function syncDelegates(client: ReadClient, chain: ChainConfig, caps: ChainCaps) {
  const token = caps.votes!.address;
  const head = await getBlockNumber(client, { cacheTime: 0 });
  const logs = await syncedLogs(client, chain, caps, head);
  const index = fold(logs).get(token.toLowerCase()) ?? { token, votes: new Map(), delegateOf: new Map() };
  return { index, blockNumber: logs.scannedTo ?? head, logs };
}

/** Folds logs (oldest first) into the index. */
export function applyLogs(index: DelegatesIndex, logs: { eventName: string; args: Record<string, any> }[]) {
  for (const log of logs) {
    // Decoded addresses are already checksummed.
    if (log.eventName === 'DelegateVotesChanged') index.votes.set(log.args.delegate, log.args.newVotes);
    else if (log.eventName === 'DelegateChanged') {
      const to = log.args.toDelegate as Address;
      if (to === zeroAddress) index.delegateOf.delete(log.args.delegator);
      else index.delegateOf.set(log.args.delegator, to);
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
