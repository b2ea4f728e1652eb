/**
 * A staker's exposure, per position and in total, by the staking contract's own slashing rules
 * (Slashing.sol): a slash of `f` basis points takes ceil(amount × f / 10,000) of the operator's
 * active stake and of every request still unbonding from it when the slash is recorded, each
 * rounded up against the staker. So the most a position can lose now is that rule at the maximum
 * fraction (MAX_SLASH_BPS) over its active stake and its requests from that operator that are still
 * locked; and a slash already recorded and still being applied takes its own fraction of what it has
 * not reached yet. Also what, for a position, calls for moving: a commission rise pending, a slash
 * being applied or proposed to governance, an operator no longer active. Nothing is read here: the
 * page's one batch, and the proposals still in play (proposed-slashes.ts) when they have been read.
 */
import type { Address } from 'viem';
import type { OperatorInfo, Position, UnbondingRequest } from './read-staking.ts';
import type { ProposedSlash } from './proposed-slashes.ts';

const BPS = 10_000n;

/** ceil(amount × bps / 10,000), as the contract's `Math.mulDiv(…, Rounding.Ceil)`. */
export const slashCut = (amount: bigint, bps: bigint) => (amount * bps + BPS - 1n) / BPS;

/** Why a position may be better moved. */
export type MoveReason = 'commission-rise' | 'slashing' | 'slash-proposed' | 'inactive';

export interface PositionExposure {
  operator: Address;
  active: bigint;
  /** The account's requests from this operator still locked (slashable for its faults). */
  unbonding: bigint;
  /** The most a slash recorded now could take of this position: MAX_SLASH_BPS, by the contract's rounding. */
  maxLoss: bigint;
  /** A slash recorded and still being applied: its fraction, and the most it takes of this position. */
  slashing?: { fractionBps: bigint; upTo: bigint };
  /** Governance proposals still in play that would slash this operator. */
  proposedSlashes: ProposedSlash[];
  /** A commission change waiting to take effect. */
  commission: { now: number; pending?: { bps: number; effectiveAt: bigint } };
  reasons: MoveReason[];
}

export interface Exposure {
  positions: PositionExposure[];
  total: { active: bigint; unbonding: bigint; maxLoss: bigint; slashingUpTo: bigint };
}

/**
 * The exposure of `positions` and `requests` at `chainTime`. `slashes` holds the fraction of a slash
 * being applied, per operator (from `slashInProgress`), for operators whose `slashing` flag is set.
 */
export function exposureOf(
  positions: readonly Position[],
  requests: readonly UnbondingRequest[],
  operators: readonly OperatorInfo[],
  maxSlashBps: bigint,
  chainTime: bigint,
  slashes: ReadonlyMap<string, bigint> = new Map(),
  proposedSlashes: ReadonlyMap<string, readonly ProposedSlash[]> = new Map(),
): Exposure {
  const byOperator = new Map(operators.map((o) => [o.operator.toLowerCase(), o]));
  const keys = [
    ...new Set([
      ...positions.filter((p) => p.stake > 0n).map((p) => p.operator.toLowerCase()),
      ...requests.filter((r) => BigInt(r.unlockTime) > chainTime).map((r) => r.operator.toLowerCase()),
    ]),
  ];
  const out = keys.map((key): PositionExposure => {
    const position = positions.find((p) => p.operator.toLowerCase() === key);
    const locked = requests.filter((r) => r.operator.toLowerCase() === key && BigInt(r.unlockTime) > chainTime);
    const active = position?.stake ?? 0n;
    const parts = [active, ...locked.map((r) => r.amount)];
    const info = byOperator.get(key);
    const fraction = info?.slashing ? slashes.get(key) : undefined;
    const pending =
      info && info.commissionEffectiveAt > 0 && info.pendingCommissionBps !== info.commissionBps
        ? { bps: info.pendingCommissionBps, effectiveAt: BigInt(info.commissionEffectiveAt) }
        : undefined;
    const reasons: MoveReason[] = [];
    if (pending && pending.bps > (info?.commissionBps ?? 0)) reasons.push('commission-rise');
    if (info?.slashing) reasons.push('slashing');
    const proposed = [...(proposedSlashes.get(key) ?? [])];
    if (proposed.length) reasons.push('slash-proposed');
    if (info && info.status !== 1) reasons.push('inactive');
    return {
      operator: position?.operator ?? locked[0].operator,
      active,
      unbonding: locked.reduce((s, r) => s + r.amount, 0n),
      maxLoss: parts.reduce((s, amount) => s + slashCut(amount, maxSlashBps), 0n),
      ...(fraction !== undefined
        ? { slashing: { fractionBps: fraction, upTo: parts.reduce((s, amount) => s + slashCut(amount, fraction), 0n) } }
        : {}),
      proposedSlashes: proposed,
      commission: { now: info?.commissionBps ?? 0, ...(pending ? { pending } : {}) },
      reasons,
    };
  });
  return {
    positions: out,
    total: {
      active: out.reduce((s, p) => s + p.active, 0n),
      unbonding: out.reduce((s, p) => s + p.unbonding, 0n),
      maxLoss: out.reduce((s, p) => s + p.maxLoss, 0n),
      slashingUpTo: out.reduce((s, p) => s + (p.slashing?.upTo ?? 0n), 0n),
    },
  };
}
