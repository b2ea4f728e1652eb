/**
 * Writes on the governor's votes token: delegation (IVotes, any votes token) and, when it wraps ALT
 * (AltVotes), entering and leaving voting power.
 */
import type { Address } from 'viem';
import { altVotesAbi } from '../contracts/generated.ts';
import { permitArgs, type Permit } from '../contracts/permit.ts';
import { type TxCall, txCall } from '../tx/tx-call.ts';
import type { Touches } from '../query/keys.ts';

/** Query roots a change of voting power touches. */
export const VOTES_TOUCHES: Touches = ['overview', 'votes', 'governance', 'staking', 'airdrop', 'balances'];

/** Moves all of the sender's voting power (wrapped and staked alike) to `to`, itself included. */
export const delegateCall = (votes: Address, to: Address) =>
  txCall({
    address: votes,
    abi: altVotesAbi,
    functionName: 'delegate',
    args: [to],
  });

/** Wraps `amount` ALT (after an allowance) into voting power delegated to `delegatee`. */
export const depositAndDelegateCall = (votes: Address, amount: bigint, delegatee: Address) =>
  txCall({
    address: votes,
    abi: altVotesAbi,
    functionName: 'depositAndDelegate',
    args: [amount, delegatee],
  });

/** The same with an EIP-2612 permit for exactly `amount`: one signature, one transaction. */
export const depositWithPermitCall = (votes: Address, delegatee: Address, permit: Permit): TxCall => {
  const [amount, deadline, v, r, s] = permitArgs(permit);
  return txCall({
    address: votes,
    abi: altVotesAbi,
    functionName: 'depositWithPermit',
    args: [amount, delegatee, deadline, v, r, s],
  });
};

/** Unwraps `amount` back to plain ALT, 1:1, paid to `account`. */
export const withdrawToCall = (votes: Address, account: Address, amount: bigint) =>
  txCall({
    address: votes,
    abi: altVotesAbi,
    functionName: 'withdrawTo',
    args: [account, amount],
  });
