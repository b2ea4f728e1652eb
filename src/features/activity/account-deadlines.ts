/**
 * Every deadline that concerns one account, as a calendar file built in the browser: voting ends on
 * each proposal it can still vote on, when the proposals it voted on can be queued and executed, when
 * each of its unbonding requests unlocks (a redelegation completes then), and the airdrop's claim
 * window end while it has an allocation unclaimed. All read from the chain (and the airdrop's shipped
 * files) at one block; each time is the chain's, converted once; nothing is sent anywhere.
 */
import { zeroAddress, type Address } from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altStakingAbi,
  altTimelockAbi,
  altVotesAbi,
} from '../../lib/contracts/generated.ts';
import { readBatch, readRowResults, readRows } from '../../lib/web3/read-batch.ts';
import { readAll } from '../../lib/web3/eth-call.ts';
import { LIVE_STATES as LIVE, readProposalDetails, recentPages } from '../../lib/governance/recent-proposals.ts';
import { multicall3Of } from '../../lib/web3/chains.ts';
import { chainProfile } from '../../lib/web3/chain-profile.ts';
import { statusCalls, toStatus } from '../../lib/governance/proposal-status.ts';
import { proposalTitle, type ProposalStateName } from '../../lib/governance/proposal-text.ts';
import { createdOf, findCreated, indexIsNear } from '../../lib/governance/created-index.ts';
import type { CreatedProposal } from '../../lib/governance/proposal-description.ts';
import { chainHistory, syncedLogs } from '../../lib/logs/chain-logs.ts';
import { checkEligibility, readManifest } from '../../lib/airdrop/eligibility.ts';
import { AIRDROP_FILES } from '../../lib/airdrop/files.ts';
import { buildCalendar, type CalendarEvent } from '../../lib/calendar/ics.ts';
import type { ReadContext } from '../../lib/session/read-context.ts';
import * as m from '../../lib/i18n/messages.ts';

export interface ProposalDeadlines {
  id: bigint;
  title: string;
  state: ProposalStateName;
  /** In the governor's clock (seconds, or a block number). */
  deadline: bigint;
  /** Seconds: when a queued proposal can be executed (0 before it is queued). */
  eta: bigint;
  voted: boolean;
  /** Votes the account counts with on it: at its snapshot once that has passed, else now. */
  weight: bigint;
}

export interface AccountDeadlineState {
  chainId: number;
  chainName: string;
  account: Address;
  blockNumber: bigint;
  chainTime: bigint;
  clockMode: 'timestamp' | 'blocknumber';
  /** For a block clock: milliseconds a block takes on this chain. */
  msPerBlock: bigint;
  /** The timelock's delay between queueing and execution (0 without a timelock). */
  executionDelay: bigint;
  proposals: ProposalDeadlines[];
  requests: readonly { id: bigint; operator: Address; redelegateTo: Address; unlockTime: number; amount: bigint }[];
  /** The account's allocation while unclaimed, with the window's end. */
  airdrop?: { claimEnd: bigint; amount: bigint };
  /** Where the app is served from (its pages are `${appUrl}#/…`). */
  appUrl: string;
  /** Formats an amount of ALT for an event's words. */
  formatAlt: (amount: bigint) => string;
}

/** The events of `state`, soonest first, in the language shown; only what is still ahead of the chain's time. */
export function deadlineEvents(state: AccountDeadlineState): CalendarEvent[] {
  const { chainId, chainName, chainTime, appUrl } = state;
  const page = (path: string) => `${appUrl}#${path}`;
  const toTime = (point: bigint) =>
    state.clockMode === 'timestamp' ? point : chainTime + ((point - state.blockNumber) * state.msPerBlock) / 1000n;
  const stamp = chainTime;
  const events: Omit<CalendarEvent, 'sequence'>[] = [];
  for (const p of state.proposals) {
    const url = page(`/governance/proposals/${p.id}`);
    const end = toTime(p.deadline);
    // A block clock's deadline is a time estimated from the block: the description says so.
    const block = state.clockMode === 'blocknumber' ? p.deadline : undefined;
    const words = { title: p.title, chain: chainName };
    if (!p.voted && p.weight > 0n && (p.state === 'Pending' || p.state === 'Active') && end > chainTime)
      events.push({
        // The same UID as the proposal page's own file: importing either updates one event.
        uid: `vote-end-${p.id}@alt-governance-${chainId}`,
        start: end,
        stamp,
        title: m.activity_deadlines_vote_end_title(words),
        description:
          block === undefined
            ? m.activity_deadlines_vote_end_description(words)
            : m.activity_deadlines_vote_end_description_estimated({ ...words, block }),
        url,
      });
    if (p.voted && p.state === 'Active' && end > chainTime) {
      events.push({
        uid: `queue-${p.id}@alt-governance-${chainId}`,
        start: end,
        stamp,
        title: m.activity_deadlines_queue_title(words),
        description:
          block === undefined
            ? m.activity_deadlines_queue_description(words)
            : m.activity_deadlines_queue_description_estimated({ ...words, block }),
        url,
      });
      if (state.executionDelay > 0n)
        events.push({
          uid: `eta-${p.id}@alt-governance-${chainId}`,
          start: end + state.executionDelay,
          stamp,
          title: m.activity_deadlines_earliest_title(words),
          description: m.activity_deadlines_earliest_description(words),
          url,
        });
    }
    if (p.voted && p.state === 'Queued' && p.eta > chainTime)
      events.push({
        uid: `eta-${p.id}@alt-governance-${chainId}`,
        start: p.eta,
        stamp,
        title: m.activity_deadlines_eta_title(words),
        description: m.activity_deadlines_eta_description(words),
        url,
      });
  }
  for (const r of state.requests) {
    const unlock = BigInt(r.unlockTime);
    if (unlock <= chainTime) continue;
    const moving = r.redelegateTo !== zeroAddress;
    events.push({
      uid: `unlock-${r.id}@alt-staking-${chainId}`,
      start: unlock,
      stamp,
      title: moving ? m.activity_deadlines_redelegation_title() : m.activity_deadlines_withdraw_title(),
      description: moving
        ? m.activity_deadlines_redelegation_description({
            amount: state.formatAlt(r.amount),
            from: r.operator,
            to: r.redelegateTo,
            request: r.id,
            chain: chainName,
          })
        : m.activity_deadlines_withdraw_description({
            amount: state.formatAlt(r.amount),
            operator: r.operator,
            request: r.id,
            chain: chainName,
          }),
      url: page('/staking'),
    });
  }
  if (state.airdrop && state.airdrop.claimEnd > chainTime)
    events.push({
      uid: `claim-end-${state.account.toLowerCase()}@alt-airdrop-${chainId}`,
      start: state.airdrop.claimEnd,
      stamp,
      title: m.activity_deadlines_claim_end_title(),
      description: m.activity_deadlines_claim_end_description({
        amount: state.formatAlt(state.airdrop.amount),
        chain: chainName,
      }),
      url: page('/airdrop'),
    });
  return events
    .map((e) => ({ ...e, sequence: state.blockNumber }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1));
}

/** The account's deadlines, read at one block. */
export async function readAccountDeadlines(
  ctx: ReadContext,
  account: Address,
  appUrl: string,
  formatAlt: (amount: bigint) => string,
): Promise<AccountDeadlineState> {
  const { client, chain } = ctx;
  const caps = await ctx.requireCaps();
  const { staking, airdrop } = chain.contracts;
  const governor = caps.governor;
  const gov = governor && ({ address: governor.address, abi: altGovernorAbi } as const);
  const head = await readBatch(client, chain, {
    count: gov && ({ ...gov, functionName: 'proposalCount' } as const),
    votingDelay: gov && ({ ...gov, functionName: 'votingDelay' } as const),
    delay:
      governor?.timelock && ({ address: governor.timelock, abi: altTimelockAbi, functionName: 'getMinDelay' } as const),
    votesNow:
      caps.votes &&
      ({ address: caps.votes.address, abi: altVotesAbi, functionName: 'getVotes', args: [account] } as const),
    staker: staking && ({ address: staking, abi: altStakingAbi, functionName: 'getStaker', args: [account] } as const),
    airdrop: airdrop && ({ address: airdrop, abi: altAirdropAbi, functionName: 'info' } as const),
    claimed: airdrop && ({ address: airdrop, abi: altAirdropAbi, functionName: 'isClaimed', args: [account] } as const),
  });
  const { blockNumber, chainTime, values } = head;
  const multicall3 = multicall3Of(chain);
  const clockMode = governor?.clockMode ?? 'timestamp';

  // The newest proposals (recent-proposals.ts), read together: any may still be queued.
  const proposals: ProposalDeadlines[] = [];
  const count = Number(values.count ?? 0n);
  const pages = gov ? recentPages(count) : [];
  const read = (
    await Promise.all(
      pages.map(async (indices) => {
        const details = await readProposalDetails(client, multicall3, governor!.address, indices, blockNumber);
        const ids = details.map((d) => d.id);
        const rows = await readRows(
          client,
          multicall3,
          ids,
          (id) => ({
            ...statusCalls(governor!.address, id),
            voted: { ...gov!, functionName: 'hasVoted', args: [id, account] },
          }),
          blockNumber,
        );
        return rows.map((row, k) => ({ id: ids[k], status: toStatus(row), voted: row.voted }));
      }),
    )
  ).flat();
  if (gov && read.length) {
    // Weight at each open proposal's snapshot (a pending one's snapshot is ahead: the votes now count).
    const open = read.filter((p) => p.status.state === 'Active');
    const weights = await readRowResults(
      client,
      multicall3,
      open,
      (p) => ({ weight: { ...gov, functionName: 'getVotes', args: [account, p.status.snapshot] } }),
      blockNumber,
    );
    const weightOf = new Map(
      open.map((p, k) => [p.id, weights[k].weight.status === 'success' ? weights[k].weight.result : 0n]),
    );
    for (const p of read)
      proposals.push({
        id: p.id,
        title: '',
        state: p.status.state,
        deadline: p.status.deadline,
        eta: p.status.eta,
        voted: p.voted,
        weight: p.status.state === 'Active' ? (weightOf.get(p.id) ?? 0n) : (values.votesNow ?? 0n),
      });
  }

  // Titles for the proposals an event names: the build's snapshot, else their creation logs.
  const named = proposals.filter((p) => LIVE.includes(p.state));
  if (gov && named.length) {
    const titles = new Map<bigint, string>();
    // A title is a courtesy: where neither source answers, the event names the proposal by number.
    const { snapshot, index } = await chainHistory(client, chain, caps);
    await index.ready();
    // Near the head the log index has them (brought up to date); deep in history, their creation blocks.
    const near = indexIsNear(index, blockNumber);
    if (near) await syncedLogs(client, chain, caps, blockNumber);
    const shipped = snapshot ? await snapshot.titles().catch(() => undefined) : undefined;
    for (const p of named) {
      const title = shipped?.get(p.id)?.title;
      if (title) titles.set(p.id, title);
    }
    if (near)
      for (const p of named) {
        const created = titles.has(p.id) ? undefined : createdOf(index, governor.address, p.id);
        if (created) titles.set(p.id, proposalTitle(created.description, ''));
      }
    const rest = named.filter((p) => !titles.has(p.id));
    if (rest.length) {
      const snapshots = await readAll(
        client,
        multicall3,
        rest.map((p) => ({ ...gov, functionName: 'proposalSnapshot', args: [p.id] }) as const),
        blockNumber,
      );
      const found = await findCreated(
        client,
        chain.id,
        rest.map((p, k) => ({ id: p.id, snapshot: snapshots[k] })),
        {
          governor: governor.address,
          deployBlock: BigInt(chain.deployBlock),
          clockMode,
          votingDelay: values.votingDelay ?? 0n,
          head: { number: blockNumber, timestamp: chainTime },
        },
      ).catch(() => new Map<bigint, CreatedProposal>());
      for (const [id, created] of found) titles.set(id, proposalTitle(created.description, ''));
    }
    for (const p of proposals) {
      const index = count - proposals.indexOf(p);
      p.title = titles.get(p.id) || m.activity_deadlines_proposal_number({ number: index });
    }
  }

  // The allocation only matters while it is unclaimed and the window is open.
  let allocation: AccountDeadlineState['airdrop'];
  const info = values.airdrop;
  if (info && values.claimed === false && BigInt(info.claimEnd) > chainTime && !info.swept) {
    const eligibility = await checkEligibility(
      AIRDROP_FILES,
      await readManifest(AIRDROP_FILES),
      account,
      info.merkleRoot,
    );
    if (eligibility.status === 'eligible') allocation = { claimEnd: BigInt(info.claimEnd), amount: eligibility.total };
  }

  return {
    chainId: chain.id,
    chainName: chain.name,
    account,
    blockNumber,
    chainTime,
    clockMode,
    msPerBlock: BigInt(chainProfile(chain.id).blockTimeMs),
    executionDelay: values.delay ?? 0n,
    proposals,
    requests: [...(values.staker?.[1] ?? [])].map((r) => ({ ...r, unlockTime: Number(r.unlockTime) })),
    airdrop: allocation,
    appUrl,
    formatAlt,
  };
}

/** The account's calendar file. */
export async function accountCalendar(
  ctx: ReadContext,
  account: Address,
  appUrl: string,
  formatAlt: (amount: bigint) => string,
) {
  const state = await readAccountDeadlines(ctx, account, appUrl, formatAlt);
  const events = deadlineEvents(state);
  return {
    events,
    blockNumber: state.blockNumber,
    text: buildCalendar(events, m.activity_deadlines_calendar_name({ account })),
  };
}
