/**
 * The airdrop's three claims as contract calls, and the delegation signature claim-and-delegate
 * needs. A claim never asks for an approval: the contract pays out or stakes on the claimant's behalf.
 */
import type { Config } from '@wagmi/core';
import { parseSignature, type Address, type Hex } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import type { TxCall } from '../../lib/tx/lifecycle.ts';
import { delegationTypes } from '../../lib/contracts/typed-data.ts';

export interface ClaimTarget {
  airdrop: Address;
  account: Address;
  amount: bigint;
  proof: Hex[];
}

/** Claims for `account`; anyone may submit it and the ALT always goes to `account`. */
export function claimCall({ airdrop, account, amount, proof }: ClaimTarget): TxCall {
  return { address: airdrop, abi: altAirdropAbi, functionName: 'claim', args: [account, amount, proof] };
}

/** Claims the sender's own allocation straight into a stake with `operator`. */
export function claimAndStakeCall({ airdrop, amount, proof }: ClaimTarget, operator: Address): TxCall {
  return { address: airdrop, abi: altAirdropAbi, functionName: 'claimAndStake', args: [amount, proof, operator] };
}

export interface DelegationSignature {
  delegatee: Address;
  nonce: bigint;
  expiry: bigint;
  signature: Hex;
}

/** Claims for `account` and applies its signed ALT vote delegation in the same transaction. */
export function claimAndDelegateCall({ airdrop, account, amount, proof }: ClaimTarget, d: DelegationSignature): TxCall {
  const { v, r, s } = parseSignature(d.signature);
  return {
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'claimAndDelegate',
    args: [account, amount, proof, d.delegatee, d.nonce, d.expiry, Number(v), r, s],
  };
}

/** Asks the wallet for ALT's ERC20Votes `Delegation` signature (EIP-712, the token's own domain). */
export async function signDelegation(
  walletConfig: Config,
  params: {
    account: Address;
    alt: Address;
    chainId: number;
    domain: { name: string; version: string };
    delegatee: Address;
    nonce: bigint;
    expiry: bigint;
  },
): Promise<DelegationSignature> {
  const { signTypedData } = await import('../../lib/web3/wallet-runtime.ts');
  const signature = await signTypedData(walletConfig, {
    account: params.account,
    domain: { ...params.domain, chainId: params.chainId, verifyingContract: params.alt },
    types: delegationTypes,
    primaryType: 'Delegation',
    message: { delegatee: params.delegatee, nonce: params.nonce, expiry: params.expiry },
  });
  return { delegatee: params.delegatee, nonce: params.nonce, expiry: params.expiry, signature };
}
