/**
 * The airdrop writes: a claim as plain ALT, into a stake, or as voting power (with the claimant's
 * delegation signature when the delegate changes), and the sweep of what is unclaimed once the
 * window has closed. Each names itself in the transaction list and refreshes what it changes.
 */
import type { Address } from 'viem';
import { altAirdropAbi } from '../../../lib/contracts/generated.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import type { DelegationSignature } from '../../../lib/votes/delegation-signature.ts';
import { CLAIM_TOUCHES, claimAndStakeCall, claimCall, claimToVotesCall, type ClaimTarget } from '../claim-calls.ts';

/** Claims the allocation as plain ALT (`amountText` names it in the list). */
export const claim = (flow: TxFlow, target: ClaimTarget, amountText: string) =>
  flow.run(claimCall(target), `Claim ${amountText}`, CLAIM_TOUCHES);

/** Claims the allocation straight into a stake with `operator`. */
export const claimAndStake = (flow: TxFlow, target: ClaimTarget, operator: Address, amountText: string) =>
  flow.run(claimAndStakeCall(target, operator), `Claim and stake ${amountText}`, CLAIM_TOUCHES);

/**
 * Claims the allocation as voting power delegated to `to` (`yourself` when it is the claimant);
 * `sign` asks the wallet for the delegation signature first when the delegate changes.
 */
export const claimToVotes = (
  flow: TxFlow,
  target: ClaimTarget,
  to: { address: Address; yourself: boolean },
  amountText: string,
  sign?: () => Promise<DelegationSignature>,
) =>
  flow.run(
    sign ? async () => claimToVotesCall(target, to.address, await sign()) : claimToVotesCall(target, to.address),
    `Claim ${amountText} as voting power for ${to.yourself ? 'yourself' : to.address}`,
    CLAIM_TOUCHES,
  );

/** Sends what is unclaimed to the treasury once the window has closed (anyone may). */
export const sweep = (flow: TxFlow, airdrop: Address) =>
  flow.run(
    { address: airdrop, abi: altAirdropAbi, functionName: 'sweep' },
    'Sweep unclaimed ALT to the treasury',
    ['airdrop', 'overview', 'balances'],
    'anyone',
  );
