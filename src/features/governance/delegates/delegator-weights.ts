/**
 * What each delegator brings a delegate: its wrapped ALT and its staked ALT (the votes token's
 * voting units), read for the whole list in one batch at the page's block; and the delegate's own
 * share of its voting power, told apart from what others delegated.
 */
import type { Address } from 'viem';
import { altVotesAbi } from '../../../lib/contracts/generated.ts';
import { readRowResults } from '../../../lib/web3/read-batch.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';

export interface DelegatorWeight {
  address: Address;
  wrapped: bigint;
  staked: bigint;
  total: bigint;
}

export interface PowerSplit {
  /** The delegate's own wrapped and staked ALT, counted only when it delegates to itself. */
  ownWrapped: bigint;
  ownStaked: bigint;
  /** The rest of its voting power: what other addresses delegate to it. */
  fromOthers: bigint;
  /** Delegators other than itself, largest first. */
  delegators: DelegatorWeight[];
}

/** The split of `power` from each delegator's weight (the delegate itself among them if self-delegated). */
export function splitPower(delegate: Address, power: bigint, weights: DelegatorWeight[]): PowerSplit {
  const own = weights.find((w) => w.address.toLowerCase() === delegate.toLowerCase());
  const ownTotal = own ? own.total : 0n;
  return {
    ownWrapped: own?.wrapped ?? 0n,
    ownStaked: own?.staked ?? 0n,
    fromOthers: power > ownTotal ? power - ownTotal : 0n,
    delegators: weights
      .filter((w) => w !== own)
      .sort((a, b) => (a.total === b.total ? a.address.localeCompare(b.address) : a.total > b.total ? -1 : 1)),
  };
}

/** Delegators per batch: 800 reads keep an eth_call well inside a node's gas cap for calls. */
export const DELEGATORS_PER_BATCH = 400;

/**
 * Each delegator's wrapped balance and staked units on `token`, at `blockNumber`: one multicall per
 * 400 delegators, all sent at once (one JSON-RPC batch where the provider takes batches).
 * A votes token that counts no stake answers only the first; its staked part is zero.
 */
export async function readDelegatorWeights(
  client: ReadClient,
  multicall3: Address,
  token: Address,
  delegators: Address[],
  blockNumber: bigint,
): Promise<DelegatorWeight[]> {
  if (delegators.length === 0) return [];
  const rows = await readRowResults(
    client,
    multicall3,
    delegators,
    (who) => ({
      wrapped: { address: token, abi: altVotesAbi, functionName: 'balanceOf', args: [who] },
      staked: { address: token, abi: altVotesAbi, functionName: 'stakedUnitsOf', args: [who] },
    }),
    blockNumber,
    2 * DELEGATORS_PER_BATCH,
  );
  return delegators.map((address, i) => {
    const { wrapped, staked } = rows[i];
    if (wrapped.status === 'failure') throw wrapped.error;
    const w = wrapped.result;
    const s = staked.status === 'success' ? staked.result : 0n;
    return { address, wrapped: w, staked: s, total: w + s };
  });
}
