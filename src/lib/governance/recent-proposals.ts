/**
 * The newest proposals a governor holds (GovernorStorage), read page by page in parallel, newest
 * first: what a page that looks for proposals still in play reads. A proposal still in play can be
 * older than newer ones already settled (a queued one), so a page's neighbours never cut the search
 * short; the bound is the number of proposals read.
 */
import type { Address, Hex } from 'viem';
import { altGovernorAbi } from '../contracts/generated.ts';
import { readAll } from '../web3/eth-call.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { ProposalStateName } from './proposal-text.ts';

/** Proposals read per round trip, newest first. */
export const PROPOSAL_PAGE = 20;
/** Pages read at most, together: the newest 200 proposals. */
export const MAX_PROPOSAL_PAGES = 10;
/** States in which a proposal may still be executed. */
export const LIVE_STATES: readonly ProposalStateName[] = ['Pending', 'Active', 'Succeeded', 'Queued'];

/** The indices of the newest proposals of `count`, newest first, in pages. */
export function recentPages(count: number, page = PROPOSAL_PAGE, maxPages = MAX_PROPOSAL_PAGES): bigint[][] {
  return Array.from({ length: Math.min(maxPages, Math.ceil(count / page)) }, (_, pageNo) => {
    const last = count - 1 - pageNo * page;
    return Array.from({ length: Math.min(page, last + 1) }, (_, k) => BigInt(last - k));
  });
}

export interface StoredProposal {
  id: bigint;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
}

/** `proposalDetailsAt` for `indices`, in one call, at `blockNumber`. */
export async function readProposalDetails(
  client: ReadClient,
  multicall3: Address,
  governor: Address,
  indices: readonly bigint[],
  blockNumber: bigint,
): Promise<StoredProposal[]> {
  const details = await readAll(
    client,
    multicall3,
    indices.map(
      (i) => ({ address: governor, abi: altGovernorAbi, functionName: 'proposalDetailsAt', args: [i] }) as const,
    ),
    blockNumber,
  );
  return details.map(([id, targets, values, calldatas]) => ({ id, targets, values, calldatas }));
}
