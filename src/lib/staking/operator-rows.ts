/**
 * Directory rows: one per operator, with its name from metadata and its net reward rate. Filtering
 * and sorting are pure functions so that 500 operators stay instant and testable.
 */
import type { Address } from 'viem';
import type { OperatorInfo, Position, StakingParameters } from './read-staking.ts';
import { streamRateBps } from './rate.ts';

export const SERVICES = [
  { bit: 1, name: 'VITAL', description: 'verifies rollup state and raises fraud-proof challenges' },
  { bit: 2, name: 'MACH', description: 'fast finality' },
  { bit: 4, name: 'SQUAD', description: 'decentralised sequencing' },
] as const;

export const STATUS_NAMES = ['Unregistered', 'Active', 'Deactivated'] as const;

export interface OperatorRow {
  info: OperatorInfo;
  address: Address;
  readonly name: string | undefined;
  services: string[];
  status: (typeof STATUS_NAMES)[number];
  /** Net annual reward rate for stakers in basis points, or undefined when nothing is being paid. */
  netRateBps: bigint | undefined;
  /** The account's active stake with this operator (0 when none). */
  myStake: bigint;
}

/** One staked ALT's net yearly rate with an active operator: the stream's, less its commission (see rate.ts). */
export function netRewardRateBps(parameters: StakingParameters, info: OperatorInfo): bigint | undefined {
  if (info.status !== 1) return undefined;
  return streamRateBps(parameters, BigInt(10_000 - info.commissionBps));
}

/** Seconds the funded reserve lasts at the current rate, or undefined when nothing is streaming. */
export function rewardRunway(parameters: StakingParameters): bigint | undefined {
  return parameters.rewardRate === 0n ? undefined : parameters.undistributedRewards / parameters.rewardRate;
}

/** Rows for the directory; `name` is the name the row shows (so search and sort use what users see). */
export function toRows(
  operators: OperatorInfo[],
  parameters: StakingParameters,
  name: (info: OperatorInfo) => string | undefined,
  positions: Position[] = [],
): OperatorRow[] {
  const mine = new Map(positions.map((p) => [p.operator, p.stake]));
  return operators.map((info) => ({
    info,
    address: info.operator,
    // Read when search, a name sort or the row itself needs it, not for every row up front.
    get name() {
      return name(info);
    },
    services: SERVICES.filter((s) => info.services & s.bit).map((s) => s.name),
    status: STATUS_NAMES[info.status] ?? 'Unregistered',
    netRateBps: netRewardRateBps(parameters, info),
    myStake: mine.get(info.operator) ?? 0n,
  }));
}

export interface OperatorFilter {
  query: string;
  service: string;
  status: string;
  mineOnly: boolean;
}

/** Keeps rows matching the name/address query, the service and status filters, and "my delegations". */
export function filterRows(rows: OperatorRow[], filter: OperatorFilter): OperatorRow[] {
  const query = filter.query.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!query || row.address.toLowerCase().includes(query) || (row.name ?? '').toLowerCase().includes(query)) &&
      (!filter.service || row.services.includes(filter.service)) &&
      (!filter.status || row.status === filter.status) &&
      (!filter.mineOnly || row.myStake > 0n),
  );
}

export type SortKey = 'name' | 'totalStake' | 'selfStake' | 'commission' | 'slashes' | 'status' | 'netRate' | 'myStake';

const VALUE: Record<SortKey, (row: OperatorRow) => bigint | number | string> = {
  // Named operators first, then those known only by address.
  name: (r) => (r.name ? `0${r.name.toLowerCase()}` : `1${r.address.toLowerCase()}`),
  totalStake: (r) => r.info.totalStake,
  selfStake: (r) => r.info.selfStake,
  commission: (r) => r.info.commissionBps,
  slashes: (r) => r.info.totalSlashed,
  status: (r) => r.status,
  netRate: (r) => r.netRateBps ?? -1n,
  myStake: (r) => r.myStake,
};

/** Sorts by `key`; ties keep registration order so the list never jumps between refreshes. */
export function sortRows(rows: OperatorRow[], key: SortKey, direction: 'asc' | 'desc'): OperatorRow[] {
  const value = VALUE[key];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.index - b.index))
    .map(({ row }) => row);
}
