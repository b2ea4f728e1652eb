/**
 * An address's own protocol history, newest first, from the chain's one log index (no other
 * scanner): stakes, unstakes, redelegations, withdrawals, reward claims and compounds, slashes that
 * hit its stake, airdrop claims, wraps and unwraps into voting power, delegations, votes and the
 * proposals it made. Events whose account is indexed are selected by topic; proposals (whose
 * proposer is not indexed) from the governor's ProposalCreated logs.
 */
import { pad, toEventSelector, zeroAddress, type Abi, type Address, type Hex } from 'viem';
import { altAirdropAbi, altGovernorAbi, altStakingAbi, altVotesAbi } from '../../lib/contracts/generated.ts';
import { decodeLogs } from '../../lib/logs/chain-logs.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import { cleanText, clip } from '../../lib/format/clean-text.ts';
import { proposalTitle } from '../../lib/governance/proposal-text.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import { cache } from '../../lib/query/presets.ts';
import { historyUpTo, type HistoryUpTo } from '../../lib/logs/chain-logs.ts';
import { readBlockTimes } from '../../lib/web3/block-times.ts';
import * as m from '../../lib/i18n/messages.ts';
import { shortAddress } from '../../lib/format/address.ts';

export type ActivityKind =
  | 'stake'
  | 'unstake'
  | 'redelegate'
  | 'redelegated'
  | 'withdraw'
  | 'claim-rewards'
  | 'compound'
  | 'slashed'
  | 'airdrop'
  | 'wrap'
  | 'unwrap'
  | 'delegate'
  | 'vote'
  | 'propose';

/**
 * A piece of an activity's sentence: words (as text, or as a message drawn in the language shown
 * when the row is drawn), or a counterpart the page names as it names it elsewhere (an operator by
 * its name with the directory's look-alike flags, a proposal by its title, an account by its
 * verified ENS name), each linked to its page.
 */
export type ActivityPart =
  string | (() => string) | { operator: Address } | { proposal: bigint; title?: string } | { account: Address };

export interface ActivityItem {
  kind: ActivityKind;
  /** What happened, in words, with the counterpart (an operator, a delegate, a proposal). */
  label: string;
  /** The same sentence in parts, for the page to name each counterpart. */
  parts: ActivityPart[];
  /** ALT moved or counted, when the event carries an amount. */
  amount?: bigint;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** How many events of one transaction this one row stands for (a slash cuts a stake and its requests). */
  count: number;
}

export interface ActivityContracts {
  staking?: Address;
  votes?: Address;
  airdrop?: Address;
  governor?: Address;
}

const event = (abi: Abi | readonly unknown[], name: string) =>
  (abi as readonly { type: string; name?: string }[]).find((i) => i.type === 'event' && i.name === name)!;
const selector = (abi: Abi | readonly unknown[], name: string) => toEventSelector(event(abi, name) as never);

/** A part as what it is: its words, or its counterpart's full address or id. */
const identityOf = (part: ActivityPart): string =>
  typeof part === 'string'
    ? part
    : typeof part === 'function'
      ? part()
      : 'operator' in part
        ? `operator:${part.operator.toLowerCase()}`
        : 'account' in part
          ? `account:${part.account.toLowerCase()}`
          : `proposal:${part.proposal}`;

/** A part as plain text: what the row says where nothing is named. */
export function textOf(part: ActivityPart): string {
  if (typeof part === 'string') return part;
  if (typeof part === 'function') return part();
  if ('operator' in part) return shortAddress(part.operator);
  if ('account' in part) return shortAddress(part.account);
  return part.title ? quotedTitle(part.title) : shortProposal(part.proposal);
}

/** A proposal named by its title, in the language's quotation marks. */
export const quotedTitle = (title: string) => m.activity_read_proposal_title({ title });
/** A proposal without a title, by the start of its id. */
export const shortProposal = (id: bigint) => m.activity_read_proposal_id({ id: `${String(id).slice(0, 8)}…` });

/** "Voted For on …", by support (0 against, 1 for, 2 abstain): the words before and after the proposal. */
const VOTED: readonly (readonly [() => string, () => string])[] = [
  [m.activity_read_voted_against_before, m.activity_read_voted_against_after],
  [m.activity_read_voted_for_before, m.activity_read_voted_for_after],
  [m.activity_read_voted_abstain_before, m.activity_read_voted_abstain_after],
];
const VOTED_UNKNOWN = [m.activity_read_voted_unknown_before, m.activity_read_voted_unknown_after] as const;

type Select = (filter: LogFilter) => IndexedLog[];

/** `account`'s activity from the logs `select` returns, newest first. */
export function activityOf(select: Select, contracts: ActivityContracts, account: Address): ActivityItem[] {
  const word = pad(account).toLowerCase() as Hex;
  const items: ActivityItem[] = [];
  const push = (log: IndexedLog, kind: ActivityKind, parts: ActivityPart[], amount?: bigint) =>
    items.push({
      kind,
      label: parts.map(textOf).join(''),
      parts,
      amount,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
      count: 1,
    });
  const mine = (address: Address | undefined, abi: Abi | readonly unknown[], names: string[], position = 1) => {
    if (!address) return [];
    const topics: (Hex | null)[] = Array(position).fill(null);
    topics[position - 1] = word;
    return decodeLogs<Record<string, any>>(
      names.map((n) => event(abi, n)),
      select({ address, topic0: names.map((n) => selector(abi, n)), topics }),
    );
  };

  for (const { eventName, args, log } of mine(contracts.staking, altStakingAbi, [
    'Staked',
    'Unstaked',
    'RedelegationRequested',
    'Redelegated',
    'Withdrawn',
    'RewardsClaimed',
    'RewardsCompounded',
    'StakeSlashed',
  ])) {
    const op = { operator: (args.operator ?? args.from) as Address };
    switch (eventName) {
      case 'Staked':
        push(log, 'stake', [m.activity_read_staked_before, op, m.activity_read_staked_after], args.amount);
        break;
      case 'Unstaked':
        push(log, 'unstake', [m.activity_read_unstaked_before, op, m.activity_read_unstaked_after], args.amount);
        break;
      case 'RedelegationRequested':
        push(
          log,
          'redelegate',
          [
            m.activity_read_redelegate_before,
            { operator: args.from },
            m.activity_read_redelegate_middle,
            { operator: args.to },
            m.activity_read_redelegate_after,
          ],
          args.amount,
        );
        break;
      case 'Redelegated':
        push(
          log,
          'redelegated',
          [
            m.activity_read_redelegated_before,
            { operator: args.from },
            m.activity_read_redelegated_middle,
            { operator: args.to },
            m.activity_read_redelegated_after,
          ],
          args.amount,
        );
        break;
      case 'Withdrawn':
        push(log, 'withdraw', [m.activity_read_withdrew_before, op, m.activity_read_withdrew_after], args.amount);
        break;
      case 'RewardsClaimed':
        push(
          log,
          'claim-rewards',
          [m.activity_read_claimed_rewards_before, op, m.activity_read_claimed_rewards_after],
          args.amount,
        );
        break;
      case 'RewardsCompounded':
        push(log, 'compound', [m.activity_read_compounded_before, op, m.activity_read_compounded_after], args.amount);
        break;
      case 'StakeSlashed':
        push(log, 'slashed', [m.activity_read_slashed_before, op, m.activity_read_slashed_after], args.amount);
        break;
    }
  }
  for (const { eventName, args, log } of mine(contracts.airdrop, altAirdropAbi, [
    'Claimed',
    'ClaimedAndStaked',
    'ClaimedToVotes',
  ])) {
    const parts: ActivityPart[] =
      eventName === 'ClaimedAndStaked'
        ? [
            m.activity_read_claimed_airdrop_staked_before,
            { operator: args.operator },
            m.activity_read_claimed_airdrop_staked_after,
          ]
        : eventName === 'ClaimedToVotes'
          ? [m.activity_read_claimed_airdrop_votes]
          : [m.activity_read_claimed_airdrop];
    push(log, 'airdrop', parts, args.amount);
  }
  if (contracts.votes) {
    const transfer = selector(altVotesAbi, 'Transfer');
    const zero = pad(zeroAddress).toLowerCase() as Hex;
    const transfers = (topics: (Hex | null)[]) =>
      decodeLogs<{ value: bigint }>(
        [event(altVotesAbi, 'Transfer')],
        select({ address: contracts.votes, topic0: transfer, topics }),
      );
    for (const { args, log } of transfers([zero, word])) push(log, 'wrap', [m.activity_read_wrapped], args.value);
    for (const { args, log } of transfers([word, zero])) push(log, 'unwrap', [m.activity_read_unwrapped], args.value);
    for (const { args, log } of mine(contracts.votes, altVotesAbi, ['DelegateChanged'])) {
      const to = args.toDelegate as Address;
      push(
        log,
        'delegate',
        to.toLowerCase() === account.toLowerCase()
          ? [m.activity_read_delegated_to_itself]
          : [m.activity_read_delegated_before, { account: to }, m.activity_read_delegated_after],
      );
    }
  }
  if (contracts.governor) {
    // Every proposal's title from its creation log in the same index: votes name what they were on.
    const created = decodeLogs<{ proposer: Address; proposalId: bigint; description: string }>(
      [event(altGovernorAbi, 'ProposalCreated')],
      select({ address: contracts.governor, topic0: selector(altGovernorAbi, 'ProposalCreated') }),
    );
    const titles = new Map(created.map(({ args }) => [args.proposalId, proposalTitle(args.description, '')]));
    for (const { args, log } of mine(contracts.governor, altGovernorAbi, ['VoteCast'])) {
      const reason = args.reason ? clip(cleanText(String(args.reason)), 80) : '';
      const id = BigInt(args.proposalId);
      const [before, after] = VOTED[Number(args.support)] ?? VOTED_UNKNOWN;
      push(
        log,
        'vote',
        [
          before,
          { proposal: id, title: titles.get(id) || undefined },
          after,
          reason ? () => m.activity_read_vote_reason({ reason }) : '',
        ],
        args.weight,
      );
    }
    for (const { args, log } of created)
      if (args.proposer.toLowerCase() === account.toLowerCase())
        push(log, 'propose', [
          m.activity_read_proposed_before,
          { proposal: args.proposalId, title: titles.get(args.proposalId) || undefined },
          m.activity_read_proposed_after,
        ]);
  }
  // A claim as voting power or as stake also mints vALT or stakes in the same transaction: one entry.
  const claims = new Set(items.filter((i) => i.kind === 'airdrop').map((i) => i.transactionHash));
  return oneRowPerFact(
    items
      .filter((i) => !((i.kind === 'wrap' || i.kind === 'stake') && claims.has(i.transactionHash)))
      .sort((a, b) =>
        a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber > b.blockNumber ? -1 : 1,
      ),
  );
}

/**
 * One row for one fact: events of the same kind and wording in one transaction (a slash's cuts of a
 * stake and of each unbonding request from the same operator) become one row with their total.
 * Keeps the order of the first of each.
 */
export function oneRowPerFact(items: readonly ActivityItem[]): ActivityItem[] {
  const rows: ActivityItem[] = [];
  const byFact = new Map<string, ActivityItem>();
  for (const item of items) {
    // By what the parts are (full addresses, proposal ids), never by their shortened text: two
    // look-alike operators in one transaction stay two rows.
    const key = `${item.transactionHash}|${item.kind}|${item.parts.map(identityOf).join('|')}`;
    const row = byFact.get(key);
    if (row && row.amount !== undefined && item.amount !== undefined) {
      row.amount += item.amount;
      row.count += item.count;
      continue;
    }
    const copy = { ...item };
    if (!row) byFact.set(key, copy);
    rows.push(copy);
  }
  return rows;
}

/** An address's own protocol history, newest first, from the chain's log index (stored, then up to the head). */
export const activityHistory = (ctx: ReadContext, account: Address | undefined) => ({
  queryKey: ['activity', { chainId: ctx.chainId, account }] as const,
  enabled: !!account,
  read: async (upTo: HistoryUpTo) => {
    const caps = await ctx.requireCaps();
    const history = await historyUpTo(ctx.client, ctx.chain, caps, upTo);
    if (!history) return null;
    const { staking, airdrop, governor } = ctx.chain.contracts;
    const items = activityOf(
      (filter) => history.index.select(filter),
      { staking, airdrop, governor, votes: caps.votes?.address },
      account!,
    );
    return { blockNumber: history.blockNumber, items, since: history.snapshot ? history.index.fromBlock : undefined };
  },
});

/** The timestamps of `blocks` (the shown rows'): one JSON-RPC batch, never read again. */
export const blockTimesQuery = (ctx: ReadContext, blocks: bigint[]) => ({
  queryKey: ['activity-times', { chainId: ctx.chainId, blocks: blocks.map(String) }] as const,
  queryFn: () => readBlockTimes(ctx.client, blocks),
  enabled: blocks.length > 0,
  ...cache.immutable,
});
