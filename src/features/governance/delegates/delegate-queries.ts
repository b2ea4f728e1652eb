/**
 * The delegates list's and a delegate's page's queries: each one's key, read and cache strategy, so
 * the pages only say which they show (`createQuery(() => profilesQuery(app.read, addresses, stateAt))`).
 */
import type { Address } from 'viem';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import type { HistoryQueryOptions } from '../../../lib/logs/history-query.svelte.ts';
import { multicall3Of } from '../../../lib/web3/chains.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import { createdOf } from '../../../lib/governance/created-index.ts';
import { readSafe } from '../../../lib/web3/safe.ts';
import { delegatorsOf, readDelegates, type DelegateRow } from './read-delegates.ts';
import { readDelegateDirectory, storedDelegates } from './delegate-directory.ts';
import { readDelegateAtHead, type DelegateView } from './delegate-at-head.ts';
import { voteHistory } from '../read-vote-history.ts';
import { readProfiles, type Profiles } from './profiles.ts';
import { readParticipation } from './participation.ts';
import { readDelegateParticipation } from './participation-index.ts';
import { readDelegatorWeights, splitPower } from './delegator-weights.ts';

import { governanceKey, votesKey } from '../governance-keys.ts';
import { cache } from '../../../lib/query/presets.ts';
import * as m from '../../../lib/i18n/messages.ts';

/**
 * Every address with voting power, ranked: as the build's snapshot has them (at once, labelled with
 * its block), then at the latest block from the votes token's directory read over the snapshot (no
 * logs), read again with each block.
 */
export const delegatesHistory = (
  ctx: ReadContext,
): HistoryQueryOptions<{ blockNumber: bigint; rows: DelegateRow[] }> => ({
  queryKey: votesKey(ctx.chainId, { delegates: true }),
  read: async (upTo) => {
    const caps = await ctx.requireCaps();
    if (!caps.votes) throw new Error(m.delegates_queries_no_votes_token({ chain: ctx.chain.name }));
    return upTo === 'stored'
      ? storedDelegates(ctx.client, ctx.chain, caps)
      : readDelegateDirectory(ctx.client, ctx.chain, caps);
  },
});

/**
 * A delegate's power, delegators and votes: as the stored history has them (the build's snapshot and
 * the logs kept from earlier visits), then at the latest block from the contracts' records of its
 * delegators and votes (see delegate-at-head.ts), or from the logs up to the head where the
 * contracts keep no such records.
 */
export const delegateHistory = (ctx: ReadContext, address: Address) => ({
  queryKey: votesKey(ctx.chainId, { delegate: address }),
  read: async (upTo: 'stored' | 'head'): Promise<DelegateView | null> => {
    const caps = await ctx.requireCaps();
    if (!caps.votes) throw new Error(m.delegates_queries_no_votes_token({ chain: ctx.chain.name }));
    const stored = await delegateFromLogs(ctx, caps, address, 'stored');
    if (upTo === 'stored') return stored && stored.view;
    const atHead = await readDelegateAtHead(ctx.client, ctx.chain, caps, address, stored?.view ?? null, (id) =>
      stored?.title(id),
    );
    return atHead ?? (await delegateFromLogs(ctx, caps, address, 'head'))?.view ?? null;
  },
});

/** A delegate's page from the logs, up to `upTo`; with the titles those logs know. */
async function delegateFromLogs(ctx: ReadContext, caps: ChainCaps, address: Address, upTo: 'stored' | 'head') {
  const read = await readDelegates(ctx.client, ctx.chain, caps, upTo);
  if (!read) return null;
  const { index, logs, snapshot, blockNumber } = read;
  const governor = caps.governor?.address;
  const [delegators, history, titles] = await Promise.all([
    delegatorsOf(logs, snapshot, caps.votes!.address, address),
    governor ? voteHistory(logs, snapshot, governor, address) : [],
    snapshot?.titles().catch(() => undefined),
  ]);
  const view: DelegateView = { blockNumber, power: index.votes.get(address) ?? 0n, delegators, history };
  const title = (id: bigint) =>
    (governor && createdOf(logs, governor, id)?.description) ?? titles?.get(id)?.title ?? undefined;
  return { view, title };
}

/**
 * What a delegate's page reads beside its logs, in parallel: what each delegator brings, whether the
 * delegate is a Safe, its statement and ENS name; at `stateAt` (they wait while it is undefined).
 */
export const delegateDetailsQuery = (
  ctx: ReadContext,
  address: Address,
  data: { delegators: Address[]; power: bigint } | undefined,
  stateAt: bigint | undefined,
) => ({
  queryKey: votesKey(ctx.chainId, { delegateDetails: address, block: stateAt?.toString() }),
  queryFn: async () => {
    const { delegators, power } = data!;
    // Enabled only once the block is one the node keeps (see `enabled`).
    const at = stateAt!;
    const caps = await ctx.requireCaps();
    const [weights, safe, profile] = await Promise.all([
      readDelegatorWeights(ctx.client, multicall3Of(ctx.chain), caps.votes!.address, delegators, at),
      readSafe(ctx.client, address, at).catch(() => undefined),
      readProfiles(ctx.client, ctx.chain, [address], at),
    ]);
    return {
      split: splitPower(address, power, weights),
      safe,
      statement: profile.statements.get(address),
      name: profile.names.get(address),
    };
  },
  enabled: !!data && stateAt !== undefined && !!ctx.caps?.votes,
  ...cache.minute,
  // A new block re-reads them; the last answer stays on screen meanwhile (the statement editor with it).
  placeholderData: <T>(previous: T | undefined, last?: { queryKey: readonly unknown[] }) =>
    sameDelegate(last?.queryKey, 'delegateDetails', ctx.chainId, address) ? previous : undefined,
});

/** A delegate's participation at `stateAt`: proposals, snapshots, votes at each, in three batches. */
export const delegateParticipationQuery = (ctx: ReadContext, address: Address, stateAt: bigint | undefined) => ({
  queryKey: votesKey(ctx.chainId, { participation: address, block: stateAt?.toString() }),
  queryFn: async () => {
    const caps = await ctx.requireCaps();
    return readParticipation(
      ctx.client,
      multicall3Of(ctx.chain),
      caps.governor!.address,
      caps.votes!.address,
      address,
      stateAt!,
    );
  },
  // Participation counts the page's own votes: it waits for a block whose state the node has.
  enabled: stateAt !== undefined && !!ctx.caps?.governor && !!ctx.caps?.votes,
  ...cache.minute,
  // A new block re-reads it; the same delegate's last figures stay on screen meanwhile.
  placeholderData: <T>(previous: T | undefined, last?: { queryKey: readonly unknown[] }) =>
    sameDelegate(last?.queryKey, 'participation', ctx.chainId, address) ? previous : undefined,
});

/**
 * Whether a delegate query's last key is `address`'s on `chainId`: another delegate's figures, or
 * the same address's on the chain the app just left, never stand in.
 */
const sameDelegate = (key: readonly unknown[] | undefined, field: string, chainId: number, address: Address) => {
  const part = key?.[1] as Record<string, unknown> | undefined;
  return part?.chainId === chainId && part[field] === address;
};

/** The participation of `targets` (or of every delegate, `all`) over `window`, at `stateAt`. */
export const delegatesParticipationQuery = (
  ctx: ReadContext,
  targets: Address[],
  all: boolean,
  window: 'last10' | 'all',
  stateAt: bigint | undefined,
) => ({
  queryKey: votesKey(ctx.chainId, { participationOf: all ? 'all' : targets, window, block: stateAt?.toString() }),
  queryFn: async () =>
    readDelegateParticipation(ctx.client, ctx.chain, await ctx.requireCaps(), targets, stateAt!, window),
  // Participation counts the list's own votes: it waits for a block whose state the node has.
  enabled: stateAt !== undefined && !!ctx.caps?.governor && targets.length > 0,
  ...cache.minute,
});

/** Statements and ENS names of `addresses`: one multicall, then one verifying the names found. */
export const profilesQuery = (ctx: ReadContext, addresses: Address[], stateAt: bigint | undefined) => ({
  queryKey: governanceKey(ctx.chainId, { profiles: addresses, block: stateAt?.toString() }),
  queryFn: () => readProfiles(ctx.client, ctx.chain, addresses, stateAt),
  // Beside stored history a pruned node no longer has, they wait for the history to reach the head
  // (reading them at the head first would read them twice).
  enabled: addresses.length > 0 && stateAt !== undefined,
  ...cache.lazy,
  // Keyed by address: a new block's answer replaces the last without the names blinking out.
  placeholderData: (previous: Profiles | undefined) => previous,
});
