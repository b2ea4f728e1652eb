/**
 * ENS names typed by a user, resolved through the chain's universal resolver (web3/chains.ts
 * `ensResolverOf`: Ethereum's, or the devnet's own). Loaded only when someone types a name: ENS normalisation
 * and viem's resolver path (CCIP reads included) are more code than every page's reads together.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { getEnsAddress } from 'viem/actions';
import { normalize } from 'viem/ens';
import type { ReadClient } from './chains.ts';
import * as m from '../i18n/messages.ts';

export type EnsResult = { ok: true; address: Address; ens: string } | { ok: false; message: string };

export async function resolveEnsName(text: string, client: ReadClient, resolver: Address): Promise<EnsResult> {
  let name: string;
  try {
    name = normalize(text);
  } catch {
    return { ok: false, message: m.errors_ens_invalid({ text }) };
  }
  const address = await getEnsAddress(client, {
    name,
    universalResolverAddress: resolver,
  });
  if (!address || address === zeroAddress) return { ok: false, message: m.errors_ens_no_address({ name }) };
  return { ok: true, address: getAddress(address), ens: name };
}
