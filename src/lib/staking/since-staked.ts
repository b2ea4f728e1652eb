/**
 * What changed about a staker's operators since the staker first staked with each: commission
 * changes (announced and done), slashes, deactivation and reactivation, removal from and return to
 * the allowlist. A projection of the one log index: a position's start is the staker's first
 * `Staked` with the operator, or the first redelegation that completed into it (`Redelegated`); one
 * older than the index's first block is answered from there, said so. Nothing is read from the chain
 * by the projection; the reader below adds block times and the share then in one batch.
 */
import { pad, toEventSelector, type Abi, type AbiEvent, type Address, type Hex } from 'viem';
import { altStakingAbi } from '../contracts/generated.ts';
import { decodeLogs, historyUpTo } from '../logs/chain-logs.ts';
import type { ReadContext } from '../session/read-context.ts';
import { blockTimes } from '../web3/block-at-time.ts';
import { multicall3Of } from '../web3/chains.ts';
import { readAll } from '../web3/eth-call.ts';
import { byPosition } from '../logs/log-select.ts';
import type { IndexedLog } from '../logs/log-store.ts';

const EVENTS = [
  'Staked',
  'Redelegated',
  'CommissionChangeRequested',
  'CommissionChanged',
  'Slashed',
  'OperatorStatusChanged',
  'OperatorAllowlistUpdated',
] as const;
const abi = (altStakingAbi as readonly AbiEvent[]).filter(
  (item) => item.type === 'event' && (EVENTS as readonly string[]).includes(item.name),
);
const SELECTOR = Object.fromEntries(abi.map((e) => [e.name, toEventSelector(e)])) as Record<
  (typeof EVENTS)[number],
  Hex
>;
/** Every event this projection reads, operators' and the staker's own. */
export const SINCE_STAKED_TOPICS: Hex[] = Object.values(SELECTOR);
/** The operator events, all indexed by operator in topic 1. */
export const OPERATOR_TOPICS: Hex[] = SINCE_STAKED_TOPICS.filter(
  (t) => t !== SELECTOR.Staked && t !== SELECTOR.Redelegated,
);

export type OperatorChange =
  | { kind: 'commission-announced'; bps: number; effectiveAt: bigint }
  | { kind: 'commission'; bps: number }
  | { kind: 'slashed'; fractionBps: bigint; amount: bigint }
  | { kind: 'deactivated' }
  | { kind: 'reactivated' }
  | { kind: 'removed-from-allowlist' }
  | { kind: 'allowlisted' };

export interface DatedChange {
  change: OperatorChange;
  blockNumber: bigint;
  transactionHash: Hex;
}

export interface SinceStaked {
  operator: Address;
  /** The block of the staker's first stake with the operator; undefined when it is older than `from`. */
  firstStake?: bigint;
  /** The block the changes are counted from: the first stake, or the start of the history held. */
  from: bigint;
  changes: DatedChange[];
  /** The operator's active stake and all active stake, as of the first stake's block (where the node still has that state). */
  shareThen?: { operator: bigint; total: bigint };
}

/** Topic word of an address, as logs carry it. */
const word = (address: Address) => pad(address).toLowerCase() as Hex;

/**
 * For each of `operators`, the changes since `staker` first staked with it. `select` is the log
 * index's (plus the snapshot's older slashes, merged by the caller); `historyFrom` is the first
 * block the history holds.
 */
export function changesSinceStaked(
  select: (filter: { topic0: Hex | readonly Hex[]; topics: readonly (Hex | null)[] }) => IndexedLog[],
  staker: Address,
  operators: readonly Address[],
  historyFrom: bigint,
): SinceStaked[] {
  // Staked(staker, operator, …) and Redelegated(staker, from, to, …): the operator staked with is topic 2 or 3.
  const stakes = [
    ...select({ topic0: SELECTOR.Staked, topics: [word(staker)] }).map((log) => ({ log, into: log.topics[2] })),
    ...select({ topic0: SELECTOR.Redelegated, topics: [word(staker)] }).map((log) => ({ log, into: log.topics[3] })),
  ].sort((a, b) => byPosition(a.log, b.log));
  return operators.map((operator) => {
    const first = stakes.find(({ into }) => into?.toLowerCase() === word(operator))?.log;
    const from = first?.blockNumber ?? historyFrom;
    const logs = select({ topic0: OPERATOR_TOPICS, topics: [word(operator)] })
      .filter((log) => (first ? byPosition(first, log) < 0 : log.blockNumber >= from))
      .sort(byPosition);
    const changes = decodeLogs(abi as Abi, logs).flatMap(({ eventName, args, log }): DatedChange[] => {
      const change = changeOf(eventName, args);
      return change ? [{ change, blockNumber: log.blockNumber, transactionHash: log.transactionHash }] : [];
    });
    return { operator, firstStake: first?.blockNumber, from, changes };
  });
}

function changeOf(eventName: string, args: Record<string, any>): OperatorChange | undefined {
  switch (eventName) {
    case 'CommissionChangeRequested':
      return { kind: 'commission-announced', bps: Number(args.commissionBps), effectiveAt: BigInt(args.effectiveAt) };
    case 'CommissionChanged':
      return { kind: 'commission', bps: Number(args.commissionBps) };
    case 'Slashed':
      return { kind: 'slashed', fractionBps: args.fractionBps, amount: args.amount };
    case 'OperatorStatusChanged':
      // Active (1) again, or Deactivated (2).
      return Number(args.status) === 1 ? { kind: 'reactivated' } : { kind: 'deactivated' };
    case 'OperatorAllowlistUpdated':
      return args.allowed ? { kind: 'allowlisted' } : { kind: 'removed-from-allowlist' };
    default:
      return undefined;
  }
}

/**
 * Reads the changes for `staker`'s `operators` from the log index brought to the head, with the
 * blocks' times in one batch. Loaded on request: the staking page's first screen reads no history.
 */
export async function readChangesSinceStaked(
  ctx: ReadContext,
  staker: Address,
  operators: readonly Address[],
): Promise<{ rows: SinceStaked[]; times: Map<bigint, bigint>; historyFrom: bigint }> {
  const caps = await ctx.requireCaps();
  const staking = ctx.chain.contracts.staking!;
  const history = await historyUpTo(ctx.client, ctx.chain, caps, 'head');
  const historyFrom = history!.index.fromBlock;
  const rows = changesSinceStaked(
    (filter) => history!.index.select({ address: staking, ...filter }),
    staker,
    operators,
    historyFrom,
  );
  const numbers = [
    ...new Set(rows.flatMap((r) => [r.from, ...r.changes.map((c) => c.blockNumber)]).filter((n) => n >= historyFrom)),
  ];
  const S = { address: staking, abi: altStakingAbi } as const;
  const multicall3 = multicall3Of(ctx.chain);
  const [timestamps, shares] = await Promise.all([
    blockTimes(ctx.client, ctx.chainId, numbers),
    // The operator's share when the staker staked: state at that block, which a pruned node may no
    // longer have (the share is then left out, the rest stands).
    Promise.all(
      rows.map((row) =>
        row.firstStake === undefined
          ? undefined
          : readAll(
              ctx.client,
              multicall3,
              [
                { ...S, functionName: 'getOperator', args: [row.operator] },
                { ...S, functionName: 'getParameters' },
              ] as const,
              row.firstStake,
            ).then(
              ([info, parameters]) => ({ operator: info.totalStake, total: parameters.totalActiveStake }),
              () => undefined,
            ),
      ),
    ),
  ]);
  return {
    rows: rows.map((row, i) => (shares[i] ? { ...row, shareThen: shares[i] } : row)),
    times: new Map(numbers.map((n, i) => [n, timestamps[i]])),
    historyFrom,
  };
}
