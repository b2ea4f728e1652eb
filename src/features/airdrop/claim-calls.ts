/**
 * The airdrop's claims as contract calls. Only the eligible address claims, and it chooses how the
 * ALT arrives: plain, as voting power delegated as it wishes, or staked. No claim call asks for an
 * approval (staking part of a claim approves that part exactly: claim-to-stake.ts).
 */
import type { Address, Hex } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import { txCall } from '../../lib/tx/tx-call.ts';
import { delegationStruct, type DelegationSignature } from '../../lib/votes/delegation-signature.ts';
import type { Touches } from '../../lib/query/keys.ts';

export interface ClaimTarget {
  airdrop: Address;
  amount: bigint;
  proof: Hex[];
}

/** Claims the sender's allocation as plain ALT. */
export const claimCall = ({ airdrop, amount, proof }: ClaimTarget) =>
  txCall({
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'claim',
    args: [amount, proof],
  });

/**
 * Whether claiming to voting power delegated to `to` needs the claimant's delegation signature. The
 * claim keeps the claimant's delegate as it is, or gives a claimant with none itself; any other
 * choice changes a delegation, which only the claimant's signature may do. That includes returning
 * the votes to the claimant itself when they go to someone else today.
 */
export function claimNeedsSignature(account: Address, to: Address, currentDelegate: Address | undefined): boolean {
  const keeps = currentDelegate ?? account;
  return to.toLowerCase() !== keeps.toLowerCase();
}

/**
 * Claims the sender's allocation as voting power delegated to `delegatee`, with the sender's
 * delegation signature when {@link claimNeedsSignature} says one is needed, in the same transaction.
 */
export const claimToVotesCall = (
  { airdrop, amount, proof }: ClaimTarget,
  delegatee: Address,
  signature?: DelegationSignature,
) =>
  txCall({
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'claimToVotes',
    args: [amount, proof, delegatee, delegationStruct(signature)],
  });

/** Claims the sender's allocation straight into a stake with `operator`. */
export const claimAndStakeCall = ({ airdrop, amount, proof }: ClaimTarget, operator: Address) =>
  txCall({
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'claimAndStake',
    args: [amount, proof, operator],
  });

/** Query roots a claim changes. */
export const CLAIM_TOUCHES: Touches = ['airdrop', 'overview', 'staking', 'votes', 'balances'];
