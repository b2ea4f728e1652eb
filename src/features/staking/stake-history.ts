/**
 * An operator's active stake over time, from the staking contract's logs in the one log index: every
 * event that moves it (stakes, compounds and completed redelegations in; unstakes, redelegations
 * out and slashes of active stake out), anchored to the stake the contract reports now, so history
 * the index does not hold (before a shipped snapshot) only shortens the line, never shifts it.
 */
import { decodeEventLog, pad, toEventSelector, type Address, type Hex } from 'viem';
import { altStakingAbi } from '../../lib/contracts/generated.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import type { Change } from '../../lib/charts/anchored-series.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { historyUpTo, type HistoryUpTo } from '../../lib/logs/chain-logs.ts';
import { anchoredSeries } from '../../lib/charts/anchored-series.ts';
import { queryKey } from '../../lib/query/keys.ts';

/** A change to the stake (see anchoredSeries for the line drawn from them). */
export type StakeChange = Change;

const ev = (name: string) => altStakingAbi.find((i) => i.type === 'event' && i.name === name)!;
const sel = (name: string) => toEventSelector(ev(name) as never);

/** [event, position of the operator among the topics, sign]. */
const MOVES: [string, number, 1n | -1n][] = [
  ['Staked', 2, 1n],
  ['RewardsCompounded', 2, 1n],
  ['Redelegated', 3, 1n],
  ['Unstaked', 2, -1n],
  ['RedelegationRequested', 2, -1n],
  ['StakeSlashed', 2, -1n],
];

/** Every change to `operator`'s active stake among the logs `select` returns, oldest first. */
export function stakeChanges(
  select: (f: LogFilter) => IndexedLog[],
  staking: Address,
  operator: Address,
): StakeChange[] {
  const word = pad(operator).toLowerCase() as Hex;
  const out: (StakeChange & { logIndex: number })[] = [];
  for (const [name, position, sign] of MOVES) {
    const topics: (Hex | null)[] = Array(position).fill(null);
    topics[position - 1] = word;
    for (const log of select({ address: staking, topic0: sel(name), topics })) {
      const { args } = decodeEventLog({ abi: [ev(name)], data: log.data, topics: log.topics as never }) as {
        args: { amount?: bigint; requestId?: bigint };
      };
      // A slash of an unbonding request (a non-zero request id) does not touch active stake.
      if (name === 'StakeSlashed' && args.requestId !== 0n) continue;
      out.push({ blockNumber: log.blockNumber, logIndex: log.logIndex, delta: sign * (args.amount ?? 0n) });
    }
  }
  return out.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

/** An operator's active stake over time, from the log index, anchored to its stake now (read when asked for). */
export const stakeHistory = (ctx: ReadContext, operator: Address, totalStake: bigint) => ({
  queryKey: queryKey('staking', ctx.chainId, { operator, part: 'stake-history', stake: totalStake.toString() }),
  read: async (upTo: HistoryUpTo) => {
    const caps = await ctx.requireCaps();
    const history = await historyUpTo(ctx.client, ctx.chain, caps, upTo);
    if (!history) return null;
    const changes = stakeChanges((f) => history.index.select(f), ctx.chain.contracts.staking!, operator);
    const { blocks, values } = anchoredSeries(changes, totalStake, history.index.fromBlock);
    return { blockNumber: history.blockNumber, blocks, stake: values };
  },
});
