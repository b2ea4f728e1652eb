/** The votes token's `delegateBySig` signature (EIP-712 `Delegation`), for delegating inside another call. */
import type { Config } from '@wagmi/core';
import type { Address, Hex } from 'viem';
import { splitSignature } from '../contracts/signature.ts';
import { delegationTypes } from '../contracts/typed-data.ts';

export interface DelegationSignature {
  delegatee: Address;
  nonce: bigint;
  expiry: bigint;
  signature: Hex;
}

/** Asks the wallet to sign a delegation to `delegatee` on the votes token `votes`. */
export async function signDelegation(
  walletConfig: Config,
  params: {
    account: Address;
    votes: Address;
    chainId: number;
    domain: { name: string; version: string };
    delegatee: Address;
    nonce: bigint;
    /** Chain time plus a margin, never the user's clock. */
    expiry: bigint;
  },
): Promise<DelegationSignature> {
  const { signTypedData } = await import('../web3/wallet-actions.ts');
  const signature = await signTypedData(walletConfig, {
    account: params.account,
    domain: { ...params.domain, chainId: params.chainId, verifyingContract: params.votes },
    types: delegationTypes,
    primaryType: 'Delegation',
    message: { delegatee: params.delegatee, nonce: params.nonce, expiry: params.expiry },
  });
  return { delegatee: params.delegatee, nonce: params.nonce, expiry: params.expiry, signature };
}

/** The signature as the airdrop's `Delegation` struct; all zeros when no signature is needed. */
export function delegationStruct(d?: DelegationSignature) {
  if (!d) return { nonce: 0n, expiry: 0n, v: 0, r: `0x${'00'.repeat(32)}` as Hex, s: `0x${'00'.repeat(32)}` as Hex };
  const { v, r, s } = splitSignature(d.signature);
  return { nonce: d.nonce, expiry: d.expiry, v: Number(v), r, s };
}
