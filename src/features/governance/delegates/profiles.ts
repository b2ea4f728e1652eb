/**
 * What the delegates list and a delegate's page show about who a delegate is: its statement (the
 * DelegateStatements registry) and its ENS primary name where the chain has ENS, for a whole page
 * of delegates in one Multicall3 batch, then one batch verifying the names found forward
 * (lib/web3/ens-names.ts). Either source may be absent on a chain; the other is still read.
 */
import type { Address } from 'viem';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { aggregate } from '../../../lib/web3/eth-call.ts';
import { ensResolverOf, multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { primaryFrom, reverseCall, verifyNames } from '../../../lib/web3/ens-names.ts';
import { statementCall, statementFrom, type DelegateStatement } from './statements.ts';

export interface Profiles {
  statements: Map<Address, DelegateStatement>;
  /** Verified ENS primary names, shown beside the address. */
  names: Map<Address, string>;
}

/** The profiles of `delegates`, read at `blockNumber` (the block the page itself was read at). */
export async function readProfiles(
  client: ReadClient,
  chain: ChainConfig,
  delegates: Address[],
  blockNumber?: bigint,
): Promise<Profiles> {
  const registry = chain.contracts.statements;
  const resolver = ensResolverOf(chain);
  const multicall3 = multicall3Of(chain);
  const statementCalls = registry ? delegates.map((d) => statementCall(registry, d)) : [];
  const nameCalls = resolver ? delegates.map((d) => reverseCall(resolver, d)) : [];
  const profiles: Profiles = { statements: new Map(), names: new Map() };
  if (statementCalls.length + nameCalls.length === 0) return profiles;
  // One batch, at one block: a registry read at an older block and a name read at the head would
  // need two, and a name set since that block shows a page later at worst.
  const results = await aggregate(client, multicall3, [...statementCalls, ...nameCalls], blockNumber);
  const candidates = new Map<Address, string>();
  delegates.forEach((d, i) => {
    const statement = statementCalls.length ? statementFrom(results[i]) : undefined;
    if (statement) profiles.statements.set(d, statement);
    const name = nameCalls.length ? primaryFrom(results[statementCalls.length + i]) : undefined;
    if (name) candidates.set(d, name);
  });
  if (resolver && candidates.size)
    profiles.names = await verifyNames(client, multicall3, resolver, candidates, blockNumber);
  return profiles;
}
