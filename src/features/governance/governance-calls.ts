/** Governance writes as contract calls. Queue and execute go through GovernorStorage's by-id forms. */
import type { Address, Hex } from 'viem';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import { type TxCall, txCall } from '../../lib/tx/tx-call.ts';
import type { Touches } from '../../lib/query/keys.ts';
import * as m from '../../lib/i18n/messages.ts';
import type { ProposalStateName } from '../../lib/governance/proposal-text.ts';

/** Query roots a governance write changes: proposals, the delegates' votes and participation, and the balances screens. */
export const GOVERNANCE_TOUCHES: Touches = ['governance', 'votes', 'overview', 'balances'];

export type Support = 0 | 1 | 2;
/** The support values' names in English, as files (CSV) write them; on screen, {@link supportLabel}. */
export const SUPPORT_LABELS = ['Against', 'For', 'Abstain'] as const;

const SUPPORT_MESSAGES = [m.gov_governance_calls_against, m.gov_governance_calls_for, m.gov_governance_calls_abstain];

/** A support value's name in the language shown. */
export const supportLabel = (support: Support): string => SUPPORT_MESSAGES[support]();

const STATE_MESSAGES: Record<ProposalStateName, () => string> = {
  Pending: m.gov_state_pending,
  Active: m.gov_state_active,
  Canceled: m.gov_state_canceled,
  Defeated: m.gov_state_defeated,
  Succeeded: m.gov_state_succeeded,
  Queued: m.gov_state_queued,
  Expired: m.gov_state_expired,
  Executed: m.gov_state_executed,
};

/** A proposal state's name in the language shown (the governor's own names stay the data). */
export const stateLabel = (state: ProposalStateName): string => STATE_MESSAGES[state]();

export const voteCall = (governor: Address, id: bigint, support: Support, reason: string): TxCall =>
  reason.trim() === ''
    ? txCall({ address: governor, abi: altGovernorAbi, functionName: 'castVote', args: [id, support] })
    : txCall({
        address: governor,
        abi: altGovernorAbi,
        functionName: 'castVoteWithReason',
        args: [id, support, reason],
      });

export const queueCall = (governor: Address, id: bigint) =>
  txCall({
    address: governor,
    abi: altGovernorAbi,
    functionName: 'queue',
    args: [id],
  });

export const executeCall = (governor: Address, id: bigint) =>
  txCall({
    address: governor,
    abi: altGovernorAbi,
    functionName: 'execute',
    args: [id],
  });

export interface ProposalActions {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
}

export const proposeCall = (governor: Address, actions: ProposalActions, description: string) =>
  txCall({
    address: governor,
    abi: altGovernorAbi,
    functionName: 'propose',
    args: [actions.targets, actions.values, actions.calldatas, description],
  });
