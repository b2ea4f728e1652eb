/** A slash being applied in pages: its progress as the staking contract reports it, and the call that advances it. */
import type { Address } from 'viem';
import { altStakingAbi } from '../../lib/contracts/generated.ts';
import { txCall } from '../../lib/tx/tx-call.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { ethCall } from '../../lib/web3/eth-call.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { cache } from '../../lib/query/presets.ts';
import { queryKey } from '../../lib/query/keys.ts';

/** Positions and requests one `continueSlash` applies at most (AltStaking's MAX_SLASH_PAGE). */
export const SLASH_PAGE = 64n;

export interface SlashProgress {
  fractionBps: number;
  positionsLeft: bigint;
  requestsLeft: bigint;
  recordedAt: number;
}

/** The slash being applied to `operator`, or null when none is. */
export async function readSlashProgress(
  client: ReadClient,
  staking: Address,
  operator: Address,
): Promise<SlashProgress | null> {
  const answer = await ethCall(client, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'slashInProgress',
    args: [operator],
  });
  return answer[0] === 0n ? null : toProgress(answer);
}

/** `slashInProgress`'s answer as the page shows it. */
export function toProgress([fractionBps, positionsLeft, requestsLeft, recordedAt]: readonly [
  bigint,
  bigint,
  bigint,
  bigint,
]): SlashProgress {
  return { fractionBps: Number(fractionBps), positionsLeft, requestsLeft, recordedAt: Number(recordedAt) };
}

/** Transactions of at most {@link SLASH_PAGE} steps still needed to finish it. */
export const pagesLeft = (progress: SlashProgress): bigint =>
  (progress.positionsLeft + progress.requestsLeft + SLASH_PAGE - 1n) / SLASH_PAGE;

/** Applies the next page of `operator`'s slash; anyone may send it. */
export const continueSlashCall = (staking: Address, operator: Address) =>
  txCall({
    address: staking,
    abi: altStakingAbi,
    functionName: 'continueSlash',
    args: [operator, SLASH_PAGE],
  });

/** The slash being applied to `operator`, refreshed each block. */
export const slashProgressQuery = (ctx: ReadContext, operator: Address) => ({
  queryKey: queryKey('staking', ctx.chainId, { operator, part: 'slash-progress' }),
  queryFn: () => readSlashProgress(ctx.client, ctx.chain.contracts.staking!, operator),
  ...cache.perBlock,
});
