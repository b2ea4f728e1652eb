/**
 * Slashes governance has proposed and may still carry out: an action of a proposal still in play
 * (pending, active, succeeded or queued) that calls the staking contract's `slash` on an operator.
 * Read from the governor's own storage (the newest proposals, recent-proposals.ts) and their states,
 * at the page's block; no log is read.
 */
import { decodeFunctionData, isAddressEqual, toFunctionSelector, type AbiFunction, type Address } from 'viem';
import { altGovernorAbi, altStakingAbi } from '../contracts/generated.ts';
import {
  LIVE_STATES,
  PROPOSAL_PAGE,
  readProposalDetails,
  recentPages,
  type StoredProposal,
} from '../governance/recent-proposals.ts';
import { STATES, type ProposalStateName } from '../governance/proposal-text.ts';
import { readAll } from '../web3/eth-call.ts';
import type { ReadClient } from '../web3/chains.ts';

export interface ProposedSlash {
  id: bigint;
  operator: Address;
  fractionBps: bigint;
  state: ProposalStateName;
}

const SLASH = toFunctionSelector(
  (altStakingAbi as readonly AbiFunction[]).find((f) => f.type === 'function' && f.name === 'slash')!,
);

/** The `slash` actions on `staking` among `proposals`' actions (any state). */
export function slashActionsOf(proposals: readonly StoredProposal[], staking: Address): Omit<ProposedSlash, 'state'>[] {
  return proposals.flatMap((p) =>
    p.targets.flatMap((target, i) => {
      const data = p.calldatas[i];
      if (!isAddressEqual(target, staking) || data?.slice(0, 10).toLowerCase() !== SLASH) return [];
      try {
        const decoded = decodeFunctionData({ abi: altStakingAbi, data });
        if (decoded.functionName !== 'slash') return [];
        const [operator, fractionBps] = decoded.args;
        return [{ id: p.id, operator, fractionBps }];
      } catch {
        return [];
      }
    }),
  );
}

/**
 * The slashes proposed against `operators` and still in play at `blockNumber`, by operator (lower
 * case): the newest proposals' actions in parallel pages, then the states of those that slash.
 */
export async function readProposedSlashes(
  client: ReadClient,
  chainId: number,
  multicall3: Address,
  governor: Address,
  staking: Address,
  operators: readonly Address[],
  blockNumber: bigint,
): Promise<Map<string, ProposedSlash[]>> {
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const [count] = await readAll(client, multicall3, [{ ...gov, functionName: 'proposalCount' }] as const, blockNumber);
  // A proposal's actions never change: each is read once; at each block only new ones, and the states.
  const keyOf = (index: bigint) => `${chainId}:${governor.toLowerCase()}:${index}`;
  const pages = recentPages(Number(count));
  const missing = pages.flat().filter((index) => !storedProposals.has(keyOf(index)));
  const chunks: bigint[][] = [];
  for (let i = 0; i < missing.length; i += PROPOSAL_PAGE) chunks.push(missing.slice(i, i + PROPOSAL_PAGE));
  await Promise.all(
    chunks.map(async (chunk) => {
      const details = await readProposalDetails(client, multicall3, governor, chunk, blockNumber);
      details.forEach((detail, i) => storedProposals.set(keyOf(chunk[i]), detail));
    }),
  );
  const proposals = pages.flat().map((index) => storedProposals.get(keyOf(index))!);
  const wanted = new Set(operators.map((o) => o.toLowerCase()));
  const actions = slashActionsOf(proposals, staking).filter((a) => wanted.has(a.operator.toLowerCase()));
  if (actions.length === 0) return new Map();
  const ids = [...new Set(actions.map((a) => a.id))];
  const states = await readAll(
    client,
    multicall3,
    ids.map((id) => ({ ...gov, functionName: 'state', args: [id] }) as const),
    blockNumber,
  );
  const stateOf = new Map(ids.map((id, i) => [id, STATES[states[i]] as ProposalStateName | undefined]));
  const out = new Map<string, ProposedSlash[]>();
  for (const action of actions) {
    // A state this app does not know is not taken for one in play.
    const state = stateOf.get(action.id);
    if (!state || !LIVE_STATES.includes(state)) continue;
    const key = action.operator.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), { ...action, state }]);
  }
  return out;
}

/** Proposals' actions already read, by chain, governor and index. */
const storedProposals = new Map<string, StoredProposal>();
