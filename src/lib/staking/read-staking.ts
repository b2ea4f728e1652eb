/**
 * Everything the staking screens read: parameters, operators, and the account, in one Multicall3
 * round trip. Operators come in pages, because one `eth_call` is capped at about 50M gas on public
 * nodes and a page of operators with long metadata costs up to about 40M for 200 (measured in
 * StakingFaults.t.sol): the first page rides with the screen's batch, any further page is its own
 * eth_call at the same block, sent together.
 */
import type { Address, ContractFunctionName, ContractFunctionReturnType } from 'viem';

import { readAll } from '../web3/eth-call.ts';
import { rememberInteger, rememberedInteger } from '../storage/remembered.ts';
import { altLayerTokenAbi, altStakingAbi } from '../contracts/generated.ts';
import type { ChainConfig } from '../config/app-config.ts';
import { multicall3Of, type ReadClient } from '../web3/chains.ts';
import type { ChainCaps } from '../web3/capabilities.ts';
import { readBatch, type BatchResult } from '../web3/read-batch.ts';
import { pageSize, tooBig } from '../rpc/page-size.ts';
import type { ReadContext } from '../session/read-context.ts';
import type { QueryClient } from '@tanstack/svelte-query';
import { cache } from '../query/presets.ts';
import { afterNextPaint } from '../ui/next-paint.ts';
import { queryKey } from '../query/keys.ts';
import { storageKey } from '../storage/keys.ts';
import * as m from '../i18n/messages.ts';

/** What the staking contract's views return, typed from its ABI. */
type StakingView<F extends ContractFunctionName<typeof altStakingAbi, 'view'>> = ContractFunctionReturnType<
  typeof altStakingAbi,
  'view',
  F
>;

/** An operator as `getOperator` returns it (`slashing`: a slash is being applied, its stake cannot move until it finishes). */
export type OperatorInfo = StakingView<'getOperator'>;
export type StakingParameters = StakingView<'getParameters'>;
export type Position = StakingView<'getStaker'>[0][number];
/** An unbonding request; `redelegateTo` is where a redelegation goes once it unlocks, the zero address for a plain unstake. */
export type UnbondingRequest = StakingView<'getStaker'>[1][number];

export interface StakingState {
  blockNumber: bigint;
  chainTime: bigint;
  altPaused?: boolean;
  parameters: StakingParameters;
  /** The most one slash may take, in basis points of what it slashes (the contract's constant). */
  maxSlashBps: bigint;
  operators: OperatorInfo[];
  account?: {
    balance: bigint;
    positions: Position[];
    requests: UnbondingRequest[];
    /** For the stake paths: the current allowance, and the permit nonce. */
    allowance: bigint;
    nonce?: bigint;
  };
}

/**
 * Operators per `getOperators` page. About 54k gas an operator with ordinary metadata (5M a page),
 * 200k with the longest the contract allows (2,048 bytes: 20M a page). A page decodes in about
 * 40 ms of a phone's main thread, in a task of its own (pages of 200 were 80 ms tasks, and
 * Lighthouse's blocking time).
 */
export const OPERATOR_PAGE = 100n;

/**
 * Pages per eth_call (one Multicall3 aggregate, each page decoded in a task of its own): two pages
 * are at most 40M gas with the longest metadata, under a 50M cap. 2,000 operators are 10 calls, so
 * a page opened just after another still fits a free tier's 25 calls a second (one page a call was
 * 20, and two pages in a row met a second of 429s).
 */
const PAGES_PER_CALL = 2n;

/** The offsets of the pages of `page` operators from `from` for `count` operators, grouped by eth_call. */
export const laterGroups = (count: bigint | undefined, from = OPERATOR_PAGE, page = OPERATOR_PAGE) => {
  const out: bigint[][] = [];
  for (let offset = from; offset < (count ?? 0n); offset += page) {
    if (!out.length || BigInt(out.at(-1)!.length) === PAGES_PER_CALL) out.push([]);
    out.at(-1)!.push(offset);
  }
  return out;
};

/** What every staking screen's first batch reads beside its operators: parameters and the account. */
function screenCalls(chain: ChainConfig, caps: ChainCaps, account: Address | undefined) {
  const { staking, alt } = chain.contracts;
  if (!staking || !alt) throw new Error(m.errors_read_staking_not_deployed());
  const S = { address: staking, abi: altStakingAbi } as const;
  const T = { address: alt, abi: altLayerTokenAbi } as const;
  return {
    parameters: { ...S, functionName: 'getParameters' },
    maxSlashBps: { ...S, functionName: 'MAX_SLASH_BPS' },
    paused: caps.alt?.pausable && ({ ...T, functionName: 'paused' } as const),
    balance: account && ({ ...T, functionName: 'balanceOf', args: [account] } as const),
    staker: account && ({ ...S, functionName: 'getStaker', args: [account] } as const),
    allowance: account && ({ ...T, functionName: 'allowance', args: [account, staking] } as const),
    nonce: account && caps.alt?.domain && ({ ...T, functionName: 'nonces', args: [account] } as const),
  } as const;
}

/** A staking screen's state from its first batch (`screenCalls`) and the operators read. */
function stateOf(
  { blockNumber, chainTime, values }: BatchResult<ReturnType<typeof screenCalls>>,
  operators: OperatorInfo[],
  account: Address | undefined,
): StakingState {
  const [positions, requests] = values.staker ?? [[], []];
  return {
    blockNumber,
    chainTime,
    altPaused: values.paused,
    parameters: values.parameters,
    maxSlashBps: values.maxSlashBps,
    operators,
    account: account && {
      balance: values.balance ?? 0n,
      positions: [...positions],
      requests: [...requests],
      allowance: values.allowance ?? 0n,
      nonce: values.nonce,
    },
  };
}

const countKey = (chainId: number) => storageKey('operator-count', chainId);

/**
 * The staking screens' state. Pages are as large as the endpoint allows: a page refused as too big
 * (a gas cap for calls below what two pages of long metadata need, a cap on an answer's size) is
 * halved and the directory read again, and the size is remembered (see rpc/page-size.ts).
 */
export async function readStaking(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account?: Address,
): Promise<StakingState> {
  // Learned as operators per eth_call (two pages at most share one): pages are half of it.
  const perCall = pageSize('operators', chain.id, Number(PAGES_PER_CALL * OPERATOR_PAGE));
  for (;;) {
    const asked = { largest: 0n };
    try {
      const state = await readDirectory(client, chain, caps, account, BigInt(Math.max(1, perCall.size >> 1)), asked);
      perCall.accepted(Number(asked.largest));
      return state;
    } catch (error) {
      if (asked.largest <= 1n || !tooBig(error, 'getOperators')) throw error;
      const before = perCall.size;
      perCall.refused(Number(asked.largest));
      // Nothing smaller to try: the refusal is the answer.
      if (perCall.size >= before && perCall.size >= Number(asked.largest)) throw error;
    }
  }
}

async function readDirectory(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account: Address | undefined,
  perPage: bigint,
  /** The most operators one of its eth_calls asked for, set before each is sent. */
  asked: { largest: bigint },
): Promise<StakingState> {
  const calls = screenCalls(chain, caps, account);
  const S = { address: chain.contracts.staking!, abi: altStakingAbi } as const;
  const page = (offset: bigint) => ({ ...S, functionName: 'getOperators', args: [offset, perPage] }) as const;
  const pagesOf = (group: bigint[]) => Object.fromEntries(group.map((offset) => [`at${offset}`, page(offset)]));
  // A returning visitor's directory is read in one round trip, not two: the first batch carries the
  // second page too (two pages are within an eth_call's gas, see PAGES_PER_CALL), and the pages after
  // go out with it, each with the block it was read at. 2,000 operators are then ten calls, one
  // JSON-RPC batch; the first batch is sent first, so when there are more it is never the one that
  // waits. A page read at another block (a block landed between, or a backend behind) is read again at
  // the batch's block, so the list stays one consistent picture.
  const remembered = rememberedInteger(countKey(chain.id), 6);
  const from = remembered !== undefined && remembered > perPage && perPage > 1n ? 2n * perPage : perPage;
  const asks = (offsets: bigint[]) => {
    const ops = BigInt(offsets.length) * perPage;
    if (ops > asked.largest) asked.largest = ops;
  };
  asks(from > perPage ? [0n, perPage] : [0n]);
  const first = readBatch(client, chain, {
    ...calls,
    firstPage: page(0n),
    secondPage: from > perPage && page(perPage),
  });
  const early = new Map(
    laterGroups(remembered, from, perPage).map((group) => {
      asks(group);
      return [group.join(), readBatch(client, chain, pagesOf(group)).catch(() => undefined)];
    }),
  );
  const read = await first;
  const { blockNumber, values } = read;
  const operators = [...values.firstPage, ...(values.secondPage ?? [])];
  // Later pages, if any, read at the same block so the list is one consistent picture.
  const count = values.parameters.operatorCount;
  // Storage refused only means the next visit reads its pages after the first batch.
  rememberInteger(countKey(chain.id), count);
  const groups = laterGroups(count, from, perPage).map(async (group) => {
    asks(group);
    const pages = await early.get(group.join());
    if (pages && pages.blockNumber === blockNumber) return group.map((offset) => pages.values[`at${offset}`]);
    return readAll(client, multicall3Of(chain), group.map(page), blockNumber);
  });
  for (const group of await Promise.all(groups)) for (const later of group) operators.push(...later);
  return stateOf(read, operators, account);
}

/** The staking screens' query: one per chain and viewed account, refreshed each block. */
export const stakingQuery = (ctx: ReadContext, account: Address | undefined) => {
  const key = queryKey('staking', ctx.chainId, { account });
  return {
    queryKey: key,
    queryFn: async ({ client }: { client: QueryClient }) => {
      // The directory's answer is large: the screen's frame is painted before it is first asked for
      // (a refresh each block, with the directory already drawn, does not wait).
      if (client.getQueryData(key) === undefined) await afterNextPaint();
      return readStaking(ctx.client, ctx.chain, await ctx.requireCaps(), account);
    },
    enabled: ctx.settled && !!ctx.chain.contracts.staking,
    ...cache.perBlock,
  };
};

/**
 * One operator's page before the directory is in: the same first batch with that operator alone, so
 * its figures and history show from one small read while 2,000 operators' 1.6 MB are still coming.
 * Its `operators` holds only that operator; what needs them all (the look-alike check, the stake and
 * redelegation forms) waits for the directory.
 */
export async function readOperatorAlone(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  operator: Address,
  account?: Address,
): Promise<StakingState> {
  const read = await readBatch(client, chain, {
    ...screenCalls(chain, caps, account),
    operator: { address: chain.contracts.staking!, abi: altStakingAbi, functionName: 'getOperator', args: [operator] },
  });
  return stateOf(read, [read.values.operator], account);
}

/** An operator page's own read, until the directory's query has data (an unknown operator reverts). */
export const operatorAloneQuery = (
  ctx: ReadContext,
  operator: Address | undefined,
  account: Address | undefined,
  directoryIn: boolean,
) => ({
  // `part` keeps the key apart from the directory's even with no operator (undefined drops out of a key).
  queryKey: queryKey('staking', ctx.chainId, { account, operator, part: 'operator' }),
  queryFn: async () => readOperatorAlone(ctx.client, ctx.chain, await ctx.requireCaps(), operator!, account),
  enabled: ctx.settled && !!ctx.chain.contracts.staking && !!operator && !directoryIn,
  ...cache.perBlock,
  retry: false,
});
