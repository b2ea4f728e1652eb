/** The operator page's extra reads: its slashing history from events and its largest stakers. */
import { cleanText } from '../../lib/format/clean-text.ts';
import { pad, type Address } from 'viem';
import { SNAPSHOT_PARTS } from '../../lib/logs/snapshot-parts.ts';
import { blockTimes } from '../../lib/web3/block-at-time.ts';
import { getBlockNumber } from 'viem/actions';
import { ethCall } from '../../lib/web3/eth-call.ts';
import { altStakingAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import type { ChainCaps } from '../../lib/web3/capabilities.ts';
import { decodeLogs, storedHistory, syncedHistory, type ChainHistory } from '../../lib/logs/chain-logs.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { cache } from '../../lib/query/presets.ts';
import { queryKey } from '../../lib/query/keys.ts';

const slashedEvent = altStakingAbi.find((item) => item.type === 'event' && item.name === 'Slashed')!;
const SLASHED = SNAPSHOT_PARTS.slashes.topic0;

export interface SlashRecord {
  blockNumber: bigint;
  timestamp: bigint;
  fractionBps: bigint;
  amount: bigint;
  /** Untrusted text from the chain: render as text only. */
  reason: string;
  transactionHash: `0x${string}`;
}

/**
 * `Slashed` events of `operator`, newest first: from the build's snapshot and the stored log index
 * when they already hold the `slashCount` the contract reports (the usual case: slashes are rare
 * and old), else from the index brought to the head. Their blocks' times are read together (one
 * JSON-RPC batch), not one request per slash.
 */
export async function readSlashes(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  operator: Address,
  slashCount: number,
): Promise<SlashRecord[]> {
  const word = pad(operator).toLowerCase() as `0x${string}`;
  const staking = chain.contracts.staking!.toLowerCase();
  const slashesIn = ({ index, snapshot }: ChainHistory) =>
    decodeLogs<{ fractionBps: bigint; amount: bigint; reason: string }>(
      [slashedEvent],
      [
        // The build's snapshot holds every slash before the index's first block.
        ...(snapshot?.whole('slashes') ?? []).filter(
          (l) => l.address === staking && l.topics[0] === SLASHED && l.topics[1]?.toLowerCase() === word,
        ),
        ...index.select({ address: chain.contracts.staking!, topic0: SLASHED, topics: [word] }),
      ],
    );
  const stored = await storedHistory(client, chain, caps);
  let logs = stored ? slashesIn(stored) : [];
  if (logs.length < slashCount) {
    const head = await getBlockNumber(client, { cacheTime: 0 });
    logs = slashesIn(await syncedHistory(client, chain, caps, head));
  }
  // The snapshot knows its slashes' block times; the others' headers are read in one batch.
  const times = new Map(stored?.snapshot?.head.times);
  const numbers = [...new Set(logs.map(({ log }) => log.blockNumber))].filter((n) => !times.has(n));
  const timestamps = await blockTimes(client, chain.id, numbers);
  numbers.forEach((n, i) => times.set(n, timestamps[i]));
  return logs
    .map(({ args, log }) => ({
      blockNumber: log.blockNumber,
      timestamp: times.get(log.blockNumber) ?? 0n,
      fractionBps: args.fractionBps,
      amount: args.amount,
      reason: cleanText(args.reason, { multiline: true }),
      transactionHash: log.transactionHash,
    }))
    .reverse();
}

export interface StakerShare {
  staker: Address;
  stake: bigint;
}

/** Stakers per `getOperatorStakers` call: small enough for any node's eth_call limits. */
export const STAKER_PAGE = 500;

/** The `[offset, limit]` pages that cover `count` stakers. */
export const stakerPages = (count: number, pageSize = STAKER_PAGE): [bigint, bigint][] =>
  Array.from({ length: Math.ceil(count / pageSize) }, (_, i) => [BigInt(i * pageSize), BigInt(pageSize)]);

/** The largest `top` stakers from pages of `[stakers, stakes]`, largest first, ties by address. */
export function rankStakers(pages: (readonly [readonly Address[], readonly bigint[]])[], top: number): StakerShare[] {
  return pages
    .flatMap(([stakers, stakes]) => stakers.map((staker, i) => ({ staker, stake: stakes[i] })))
    .sort((a, b) => (a.stake < b.stake ? 1 : a.stake > b.stake ? -1 : a.staker.localeCompare(b.staker)))
    .slice(0, top);
}

/**
 * The operator's `top` largest stakers. Every staker is read (in pages, sent together, at one block):
 * ranking only the first page would rank by registration order for a large operator.
 */
export async function readStakers(
  client: ReadClient,
  chain: ChainConfig,
  operator: Address,
  count: number,
  top = 25,
): Promise<StakerShare[]> {
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  const pages = await Promise.all(
    stakerPages(count).map(([offset, limit]) =>
      ethCall(
        client,
        {
          address: chain.contracts.staking!,
          abi: altStakingAbi,
          functionName: 'getOperatorStakers',
          args: [operator, offset, limit],
        },
        blockNumber,
      ),
    ),
  );
  return rankStakers(pages, top);
}

/**
 * An operator's slashes, keyed by the contract's count of them: read again only when governance
 * slashes. An operator never slashed (most of them) needs no log at all.
 */
export const slashesQuery = (ctx: ReadContext, operator: Address, slashCount: number) => ({
  queryKey: ['operator-slashes', { chainId: ctx.chainId, operator, slashCount }] as const,
  queryFn: async () =>
    slashCount === 0 ? [] : readSlashes(ctx.client, ctx.chain, await ctx.requireCaps(), operator, slashCount),
  ...cache.lazy,
});

/** An operator's largest stakers, refreshed each block. */
export const stakersQuery = (ctx: ReadContext, operator: Address, stakerCount: number) => ({
  queryKey: queryKey('staking', ctx.chainId, { operator, part: 'stakers' }),
  queryFn: () => readStakers(ctx.client, ctx.chain, operator, stakerCount),
  ...cache.perBlock,
});
