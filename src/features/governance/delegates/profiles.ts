/**
 * What the delegates list and a delegate's page show about who a delegate is: its statement (the
 * DelegateStatements registry) and its ENS primary name where the chain has ENS, for a whole page
 * of delegates in one Multicall3 batch, then one batch verifying the names found forward
 * (lib/web3/ens-names.ts). Either source may be absent on a chain; the other is still read.
 */
import type { Address } from 'viem';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { readRowResults } from '../../../lib/web3/read-batch.ts';
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
  if (!registry && !resolver) return { statements: new Map(), names: new Map() };
  // One batch, at one block: a registry read at an older block and a name read at the head would
  // need two, and a name set since that block shows a page later at worst.
  const rows = await readRowResults(
    client,
    multicall3,
    delegates,
    (d) => ({ statement: registry && statementCall(registry, d), name: resolver && reverseCall(resolver, d) }),
    blockNumber,
  );
  const profiles: Profiles = { statements: new Map(), names: new Map() };
  const candidates = new Map<Address, string>();
  delegates.forEach((d, i) => {
    const statement = statementFrom(rows[i].statement);
    if (statement) profiles.statements.set(d, statement);
    const name = primaryFrom(rows[i].name);
    if (name) candidates.set(d, name);
  });
  if (resolver && candidates.size)
    profiles.names = await verifyNames(client, multicall3, resolver, candidates, blockNumber);
  return profiles;
}
