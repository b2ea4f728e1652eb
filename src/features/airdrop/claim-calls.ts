/**
 * The airdrop's claims as contract calls. Only the eligible address claims, and it chooses how the
 * ALT arrives: plain, as voting power delegated as it wishes, or staked. No claim asks for an approval.
 */
import type { Address, Hex } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import type { TxCall } from '../../lib/tx/lifecycle.ts';
import { delegationStruct, type DelegationSignature } from '../../lib/votes/delegation-signature.ts';

export interface ClaimTarget {
  airdrop: Address;
  amount: bigint;
  proof: Hex[];
}

/** Claims the sender's allocation as plain ALT. */
export const claimCall = ({ airdrop, amount, proof }: ClaimTarget): TxCall => ({
  address: airdrop,
  abi: altAirdropAbi,
  functionName: 'claim',
  args: [amount, proof],
});

/**
 * Claims the sender's allocation as voting power delegated to `delegatee`: no signature when that is
 * the sender itself or its current delegate, otherwise its delegation signature, in the same transaction.
 */
export const claimToVotesCall = (
  { airdrop, amount, proof }: ClaimTarget,
  delegatee: Address,
  signature?: DelegationSignature,
): TxCall => ({
  address: airdrop,
  abi: altAirdropAbi,
  functionName: 'claimToVotes',
  args: [amount, proof, delegatee, delegationStruct(signature)],
});

/** Claims the sender's allocation straight into a stake with `operator`. */
export const claimAndStakeCall = ({ airdrop, amount, proof }: ClaimTarget, operator: Address): TxCall => ({
  address: airdrop,
  abi: altAirdropAbi,
  functionName: 'claimAndStake',
  args: [amount, proof, operator],
});

/** Query roots a claim changes. */
export const CLAIM_TOUCHES = ['airdrop', 'overview', 'staking', 'governance', 'balances'];
