/**
 * EIP-2612 permits: the signature that lets a contract take exactly `amount` of a token in the same
 * transaction that uses it, instead of a separate approval. Never for more than the amount.
 */
import type { Config } from '@wagmi/core';
import type { Address, Hex } from 'viem';
import { splitSignature } from './signature.ts';
import { permitTypes } from './typed-data.ts';

export interface Permit {
  amount: bigint;
  deadline: bigint;
  signature: Hex;
}

export interface PermitRequest {
  account: Address;
  token: Address;
  spender: Address;
  chainId: number;
  /** The token's EIP-712 domain name and version. */
  domain: { name: string; version: string };
  nonce: bigint;
  amount: bigint;
  /** Chain time plus a margin, never the user's clock. */
  deadline: bigint;
}

/** Asks the wallet to sign a permit for exactly `amount` of `token` to `spender`. */
export async function signPermit(walletConfig: Config, request: PermitRequest): Promise<Permit> {
  const { signTypedData } = await import('../web3/wallet-actions.ts');
  const signature = await signTypedData(walletConfig, {
    account: request.account,
    domain: { ...request.domain, chainId: request.chainId, verifyingContract: request.token },
    types: permitTypes,
    primaryType: 'Permit',
    message: {
      owner: request.account,
      spender: request.spender,
      value: request.amount,
      nonce: request.nonce,
      deadline: request.deadline,
    },
  });
  return { amount: request.amount, deadline: request.deadline, signature };
}

/** A permit's signature split as Solidity's `permit(…, v, r, s)` wants it. */
export function permitArgs(permit: Permit): [bigint, bigint, number, Hex, Hex] {
  const { v, r, s } = splitSignature(permit.signature);
  return [permit.amount, permit.deadline, Number(v), r, s];
}
