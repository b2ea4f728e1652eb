/**
 * Whether an account signs with its own key or is a contract. A contract account (a Safe, another
 * smart account) signs through EIP-1271, which an ERC-2612 permit does not accept (ALT checks permits
 * with ECDSA only), so the app never asks one for a permit. An EOA with an EIP-7702 delegation has
 * code too (`0xef0100` followed by the delegate's address) but still signs with its key: it is an EOA.
 */
import type { Address, Hex } from 'viem';
import { getCode } from 'viem/actions';
import type { ReadClient } from './chains.ts';

export type AccountKind = 'eoa' | 'contract';

/** EIP-7702's delegation designator: these three bytes, then the 20-byte address delegated to. */
export const DELEGATION_PREFIX = '0xef0100';

/** The kind of account whose code is `code` (as `eth_getCode` returns it). */
export function accountKindOf(code: Hex | undefined): AccountKind {
  if (code === undefined || code === '0x') return 'eoa';
  const delegated = code.length === DELEGATION_PREFIX.length + 40 && code.toLowerCase().startsWith(DELEGATION_PREFIX);
  return delegated ? 'eoa' : 'contract';
}

/** The kind of `account`, read from the chain at the latest block. */
export async function readAccountKind(client: ReadClient, account: Address): Promise<AccountKind> {
  return accountKindOf(await getCode(client, { address: account }));
}
