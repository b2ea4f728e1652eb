/**
 * The protocol at a glance, for a first visit before any wallet: stake and the reward rate, the
 * airdrop window and the proposals open now. Stake and the airdrop are one Multicall3 round trip
 * with the proposal count; the open proposals need their ids (by index) and then their states, so
 * that line follows two round trips later, for the newest proposals only.
 */
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';
import { readBatch, readRows } from '../../lib/web3/read-batch.ts';
import { stakingInterfaceAbi } from '../../lib/contracts/staking-interface.ts';
import { altAirdropViewsAbi } from '../../lib/contracts/abi/alt-airdrop-views.ts';
import { governorInterfaceAbi } from '../../lib/contracts/governor-interface.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { cache } from '../../lib/query/presets.ts';
import { streamRateBps } from '../../lib/staking/rate.ts';
import { queryKey } from '../../lib/query/keys.ts';

/** How many of the newest proposals are checked for being open (a voting period is at most days). */
export const NEWEST = 10;

export interface Glance {
  blockNumber: bigint;
  chainTime: bigint;
  staking?: {
    totalActive: bigint;
    operators: bigint;
    /** Basis points a year before commission, at today's stream; undefined when nothing is paid. */
    rateBps?: bigint;
    unbondingPeriod: bigint;
  };
  airdrop?: { claimStart: bigint; claimEnd: bigint; claimCount: bigint; swept: boolean };
  governor?: { count: bigint; clockMode: string; clock: bigint };
}

export async function readGlance(client: ReadClient, chain: ChainConfig): Promise<Glance> {
  const { staking, airdrop, governor } = chain.contracts;
  const gov = governor && ({ address: governor, abi: governorInterfaceAbi } as const);
  const { blockNumber, chainTime, values } = await readBatch(
    client,
    chain,
    {
      parameters: staking && ({ address: staking, abi: stakingInterfaceAbi, functionName: 'getParameters' } as const),
      airdrop: airdrop && ({ address: airdrop, abi: altAirdropViewsAbi, functionName: 'info' } as const),
      count: gov && ({ ...gov, functionName: 'proposalCount' } as const),
      clockMode: gov && ({ ...gov, functionName: 'CLOCK_MODE' } as const),
      clock: gov && ({ ...gov, functionName: 'clock' } as const),
    },
    { allowFailure: true },
  );
  const p = values.parameters;
  const a = values.airdrop;
  return {
    blockNumber,
    chainTime,
    staking: p && {
      totalActive: p.totalActiveStake,
      operators: p.operatorCount,
      // An empty reserve streams nothing: said as such, not as a rate of 0.
      rateBps: streamRateBps(p) || undefined,
      unbondingPeriod: p.unbondingPeriod,
    },
    airdrop: a && {
      claimStart: BigInt(a.claimStart),
      claimEnd: BigInt(a.claimEnd),
      claimCount: a.claimCount,
      swept: a.swept,
    },
    governor:
      values.count !== undefined && values.clockMode !== undefined && values.clock !== undefined
        ? { count: values.count, clockMode: values.clockMode, clock: BigInt(values.clock) }
        : undefined,
  };
}

export interface OpenProposal {
  id: bigint;
  /** Pending (voting not open yet) or Active. */
  state: 'Pending' | 'Active';
  /** When voting opens (Pending) or closes (Active), in the governor's clock. */
  until: bigint;
}

/** The open ones among the newest `NEWEST` proposals, soonest to change first, read at `blockNumber`. */
export async function readOpenProposals(
  client: ReadClient,
  chain: ChainConfig,
  count: bigint,
  blockNumber: bigint,
): Promise<OpenProposal[]> {
  const governor = chain.contracts.governor!;
  const gov = { address: governor, abi: governorInterfaceAbi } as const;
  const multicall3 = multicall3Of(chain);
  const newest = Array.from(
    { length: Number(count < BigInt(NEWEST) ? count : BigInt(NEWEST)) },
    (_, i) => count - 1n - BigInt(i),
  );
  if (newest.length === 0) return [];
  const details = await readRows(
    client,
    multicall3,
    newest,
    (index) => ({ details: { ...gov, functionName: 'proposalDetailsAt', args: [index] } }) as const,
    blockNumber,
  );
  const ids = details.map((d) => d.details[0]);
  const status = await readRows(
    client,
    multicall3,
    ids,
    (id) =>
      ({
        state: { ...gov, functionName: 'state', args: [id] },
        snapshot: { ...gov, functionName: 'proposalSnapshot', args: [id] },
        deadline: { ...gov, functionName: 'proposalDeadline', args: [id] },
      }) as const,
    blockNumber,
  );
  const open: OpenProposal[] = [];
  ids.forEach((id, i) => {
    const { state, snapshot, deadline } = status[i];
    if (state === 0) open.push({ id, state: 'Pending', until: snapshot });
    if (state === 1) open.push({ id, state: 'Active', until: deadline });
  });
  return open.sort((x, y) => (x.until < y.until ? -1 : x.until > y.until ? 1 : 0));
}

/** The glance's query, refreshed each block like the Overview's. */
export const glanceQuery = (ctx: ReadContext, enabled: boolean) => ({
  queryKey: queryKey('overview', ctx.chainId, { glance: true }),
  queryFn: () => readGlance(ctx.client, ctx.chain),
  enabled,
  ...cache.perBlock,
});

/** The open proposals: read again when a proposal is created, or after a minute (one opens or closes). */
export const openProposalsQuery = (ctx: ReadContext, glance: Glance | undefined) => ({
  queryKey: ['glance', { chainId: ctx.chainId, proposals: glance?.governor?.count.toString() }] as const,
  queryFn: () => readOpenProposals(ctx.client, ctx.chain, glance!.governor!.count, glance!.blockNumber),
  enabled: !!glance?.governor,
  ...cache.everyMinute,
});
