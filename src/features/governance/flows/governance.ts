/**
 * The governance writes: voting, proposing, queueing, executing, delegating and publishing a
 * delegate statement. Each names itself in the transaction list and refreshes what it changes;
 * components only say which one a form or button runs.
 */
import type { Address } from 'viem';
import type { TxState } from '../../../lib/tx/tx-call.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import { delegateCall, VOTES_TOUCHES } from '../../../lib/votes/votes-calls.ts';
import {
  executeCall,
  GOVERNANCE_TOUCHES,
  proposeCall,
  queueCall,
  supportLabel,
  voteCall,
  type ProposalActions,
  type Support,
} from '../governance-calls.ts';
import { publishStatementCall } from '../delegates/statements.ts';
import * as m from '../../../lib/i18n/messages.ts';
import { clip } from '../../../lib/format/clean-text.ts';

/** A proposal id as the transaction list shows it: its first eight digits. */
const shortId = (id: bigint) => `${id.toString().slice(0, 8)}…`;

/** Casts the viewed account's vote on proposal `id`, with `reason` when there is one. */
export const vote = (flow: TxFlow, governor: Address, id: bigint, support: Support, reason: string): Promise<TxState> =>
  flow.run(
    voteCall(governor, id, support, reason),
    m.gov_governance_vote({ support: supportLabel(support), id: shortId(id) }),
    GOVERNANCE_TOUCHES,
  );

/** Proposes `actions` with `description` (its first line, the title, names it in the list). */
export const propose = (
  flow: TxFlow,
  governor: Address,
  actions: ProposalActions,
  description: string,
  title: string,
) =>
  flow.run(
    proposeCall(governor, actions, description),
    m.gov_governance_propose({ title: clip(title.trim(), 60) }),
    GOVERNANCE_TOUCHES,
  );

/** Queues a passed proposal in the timelock (anyone may). */
export const queue = (flow: TxFlow, governor: Address, id: bigint) =>
  flow.run(queueCall(governor, id), m.gov_governance_queue({ id: shortId(id) }), GOVERNANCE_TOUCHES, 'anyone');

/** Executes a proposal whose time has come (anyone may). */
export const execute = (flow: TxFlow, governor: Address, id: bigint) =>
  flow.run(executeCall(governor, id), m.gov_governance_execute({ id: shortId(id) }), GOVERNANCE_TOUCHES, 'anyone');

/** Moves all of the viewed account's voting power to `to` (`name`: how the list names it; 'myself'). */
export const delegate = (flow: TxFlow, votes: Address, to: Address, name: string) =>
  flow.run(delegateCall(votes, to), m.gov_governance_delegate({ name }), VOTES_TOUCHES);

/** Publishes the viewed account's delegate statement. */
export const publishStatement = (flow: TxFlow, ...args: Parameters<typeof publishStatementCall>) =>
  flow.run(publishStatementCall(...args), m.gov_governance_publish_statement(), ['governance', 'votes']);
