/**
 * What every path that stakes (the stake form, claim-and-stake) tells a staker before it stakes: the
 * one disclosure rule (a first stake acknowledges the risks), the slash ceiling and unbonding period
 * as the contract states them, and the operator's commission with its pending change, the net reward
 * rate now and after that change.
 */
import { netRewardRateBps } from './operator-rows.ts';
import type { OperatorInfo, Position, StakingParameters } from './read-staking.ts';

/** A staker with no active stake anywhere acknowledges the risks before its stake. */
export const needsRiskAcknowledgement = (positions: readonly Pick<Position, 'stake'>[] | undefined): boolean =>
  !positions || positions.every((p) => p.stake === 0n);

/** The slash ceiling in words: "half" for 50%, else the percentage. */
export function slashCeilingText(maxSlashBps: bigint): string {
  if (maxSlashBps === 5_000n) return 'half';
  if (maxSlashBps === 10_000n) return 'all';
  return `${Number(maxSlashBps) / 100}%`;
}

export interface CommissionOutlook {
  commissionBps: number;
  /** Net reward rate now, in basis points a year (undefined when nothing is paid). */
  rateBps: bigint | undefined;
  /** The operator's one pending change, when it has one: what it becomes, when, and the rate then. */
  pending?: { commissionBps: number; effectiveAt: number; rateBps: bigint | undefined };
}

/** An operator's commission and net reward rate now and after its pending change, at today's stream. */
export function commissionOutlook(parameters: StakingParameters, info: OperatorInfo): CommissionOutlook {
  const outlook: CommissionOutlook = {
    commissionBps: info.commissionBps,
    rateBps: netRewardRateBps(parameters, info),
  };
  if (info.commissionEffectiveAt > 0)
    outlook.pending = {
      commissionBps: info.pendingCommissionBps,
      effectiveAt: info.commissionEffectiveAt,
      rateBps: netRewardRateBps(parameters, { ...info, commissionBps: info.pendingCommissionBps }),
    };
  return outlook;
}
