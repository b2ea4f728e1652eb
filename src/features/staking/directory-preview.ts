/**
 * The directory's first screen as the last visit read it: the operators it showed first (the most
 * delegated), the protocol's parameters and the operator count, at the block they were read.
 *
 * The whole directory is every operator, because search, filters and every sort act on all of them:
 * at 2,000 operators that is ten eth_calls and 1.6 MB to read and decode, most of a second on a
 * public RPC. A returning visitor sees the screen they saw last at once, labelled with its block,
 * while the current directory is read; nothing can be searched, sorted or staked from it until the
 * current figures replace it. It is chain data like the rest and is drawn by the same rows.
 */
import { isAddress, type Address } from 'viem';
import type { OperatorInfo, StakingParameters, StakingState } from '../../lib/staking/read-staking.ts';
import { rememberRecord, rememberedRecord } from '../../lib/storage/remembered.ts';
import { storageKey } from '../../lib/storage/keys.ts';

/** Operators kept: the directory's first page. */
export const PREVIEW_ROWS = 25;
/** A preview is rewritten only once the chain has moved this many blocks past it. */
const REWRITE_AFTER_BLOCKS = 25n;

export interface DirectoryPreview {
  blockNumber: bigint;
  chainTime: bigint;
  parameters: StakingParameters;
  /** The first `PREVIEW_ROWS` operators by total stake, most first. */
  operators: OperatorInfo[];
}

const keyOf = (chainId: number, staking: Address) => storageKey('directory-preview', chainId, staking.toLowerCase());

/** The most delegated operators first; ties keep registration order, as the directory sorts them. */
export function firstScreen(operators: readonly OperatorInfo[]): OperatorInfo[] {
  return operators
    .map((info, index) => ({ info, index }))
    .sort((a, b) =>
      a.info.totalStake === b.info.totalStake ? a.index - b.index : a.info.totalStake > b.info.totalStake ? -1 : 1,
    )
    .slice(0, PREVIEW_ROWS)
    .map(({ info }) => info);
}

const BIGINT_FIELDS = ['totalStake', 'unbondingStake', 'selfStake', 'totalSlashed', 'commissionAccrued'] as const;
const NUMBER_FIELDS = [
  'status',
  'services',
  'commissionBps',
  'pendingCommissionBps',
  'commissionEffectiveAt',
  'slashCount',
  'stakerCount',
] as const;

function isOperator(value: unknown): value is OperatorInfo {
  const o = value as Record<string, unknown>;
  return (
    !!o &&
    typeof o.operator === 'string' &&
    isAddress(o.operator) &&
    typeof o.metadataURI === 'string' &&
    typeof o.slashing === 'boolean' &&
    BIGINT_FIELDS.every((f) => typeof o[f] === 'bigint') &&
    NUMBER_FIELDS.every((f) => Number.isSafeInteger(o[f]))
  );
}

/** A kept preview, if it is well formed. */
function acceptPreview(value: unknown): DirectoryPreview | undefined {
  const p = value as DirectoryPreview | undefined;
  const params = p?.parameters as Record<string, unknown> | undefined;
  const wellFormed =
    !!p &&
    typeof p.blockNumber === 'bigint' &&
    typeof p.chainTime === 'bigint' &&
    !!params &&
    typeof params.operatorCount === 'bigint' &&
    typeof params.rewardRate === 'bigint' &&
    typeof params.totalEarningStake === 'bigint' &&
    typeof params.undistributedRewards === 'bigint' &&
    Array.isArray(p.operators) &&
    p.operators.length <= PREVIEW_ROWS &&
    p.operators.every(isOperator);
  return wellFormed ? p : undefined;
}

/** The preview kept for this chain and staking contract, if there is a well-formed one. */
export const storedPreview = (chainId: number, staking: Address) =>
  rememberedRecord(keyOf(chainId, staking), acceptPreview);

/**
 * Keeps `state`'s first screen for the next visit, unless the kept one is within
 * `REWRITE_AFTER_BLOCKS` of it (the directory refreshes every block, and a backend a block behind
 * must not move it back); a chain restarted far below it is rewritten. Refused storage only means
 * no preview.
 */
export function rememberPreview(chainId: number, staking: Address, state: StakingState) {
  const kept = storedPreview(chainId, staking);
  const apart =
    kept &&
    (state.blockNumber > kept.blockNumber
      ? state.blockNumber - kept.blockNumber
      : kept.blockNumber - state.blockNumber);
  if (apart !== undefined && apart < REWRITE_AFTER_BLOCKS) return;
  rememberRecord(keyOf(chainId, staking), {
    blockNumber: state.blockNumber,
    chainTime: state.chainTime,
    parameters: state.parameters,
    operators: firstScreen(state.operators),
  } satisfies DirectoryPreview);
}
