/**
 * Everything one proposal page shows, from the chain alone: one Multicall3 batch for the governor's
 * view of the proposal (and the reader's votes), then, concurrently and pinned to that block, the
 * figures fixed at the snapshot and the chain's log index brought to that block, from which come
 * the description (its `ProposalCreated` log, verified against the stored hash), the reader's vote
 * and the proposal's later events. A creation log whose block is already known (an earlier visit,
 * the build's snapshot) is read beside the first batch rather than after it.
 */
import { cleanText } from '../../../lib/format/clean-text.ts';
import { getAddress, toEventSelector, zeroAddress, type Address } from 'viem';
import { readAll } from '../../../lib/web3/eth-call.ts';
import { readBatch } from '../../../lib/web3/read-batch.ts';
import { rememberInteger, rememberedInteger } from '../../../lib/storage/remembered.ts';
import { altGovernorAbi, altLayerTokenAbi, altTimelockAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../../lib/web3/chains.ts';
import { chainHistory, decodeLogs, syncedLogs } from '../../../lib/logs/chain-logs.ts';
import {
  createdAtKnownBlock,
  createdBeforeHistory,
  createdOf,
  findCreated,
  indexIsNear,
} from '../../../lib/governance/created-index.ts';
import { snapshotVoteLogsOf, voteLogsOf } from '../read-vote-history.ts';
import { descriptionMatches } from '../../../lib/governance/proposal-description.ts';
import { statusCalls, toStatus } from '../../../lib/governance/proposal-status.ts';
import type { ProposalDetail, ProposalVote } from './proposal-detail.ts';
import { governanceKey } from '../governance-keys.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { cache } from '../../../lib/query/presets.ts';
import { storageKey } from '../../../lib/storage/keys.ts';
import * as m from '../../../lib/i18n/messages.ts';

const LATER_EVENTS = altGovernorAbi.filter(
  (i) => i.type === 'event' && ['ProposalQueued', 'ProposalExecuted', 'ProposalCanceled'].includes(i.name),
);
const LATER_TOPICS = LATER_EVENTS.map((e) => toEventSelector(e as never));

export type { ProposalDetail, ProposalVote } from './proposal-detail.ts';

export class ProposalNotFoundError extends Error {}

export async function readProposal(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  id: bigint,
  account?: Address,
): Promise<ProposalDetail> {
  const governor = chain.contracts.governor!;
  const multicall3 = multicall3Of(chain);
  const gov = { address: governor, abi: altGovernorAbi } as const;
  // Votes come from the governor's votes token, never from ALT (which has none).
  const votes = caps.votes;
  const token = votes && ({ address: votes.address, abi: altVotesAbi } as const);
  const timelock = caps.governor?.timelock;
  const plainAlt = votes?.wrapsAlt && caps.alt ? caps.alt.address : undefined;
  // Mixed contracts and optional entries defeat multicall's tuple typing; results are typed where read.
  // The history (the build's snapshot, checked against the chain, and the stored index) loads
  // while the first batch is out.
  const loadingHistory = chainHistory(client, chain, caps);
  // The snapshot's list of proposals gives an old proposal's creation block: one log read.
  const loadingTitles = loadingHistory.then(({ snapshot }) => snapshot?.titles()).catch(() => undefined);
  // Where the creation log is already known (an earlier visit found it, or the snapshot lists it),
  // it is read beside the first batch rather than after it; it is used only for a proposal the
  // index does not hold, and only as the log whose own id is this proposal's.
  const createdEarly = (
    createdAtKnownBlock(client, chain.id, governor, id) ??
    loadingTitles.then((titles) => {
      const listed = titles?.get(id);
      return listed && createdAtKnownBlock(client, chain.id, governor, id, listed.block);
    })
  ).catch(() => undefined);
  // A proposal's snapshot never changes: a returning reader's quorum and votes at it go with the
  // first batch (checked against the snapshot that batch reads), not in a second round trip.
  const snapshotKey = storageKey('proposal-snapshot', chain.id, governor.toLowerCase(), id);
  const knownSnapshot = rememberedInteger(snapshotKey, 78);
  const { blockNumber, chainTime, values, errors } = await readBatch(
    client,
    chain,
    {
      clockMode: { ...gov, functionName: 'CLOCK_MODE' },
      clock: { ...gov, functionName: 'clock' },
      details: { ...gov, functionName: 'proposalDetails', args: [id] },
      ...statusCalls(governor, id),
      needsQueuing: { ...gov, functionName: 'proposalNeedsQueuing', args: [id] },
      threshold: { ...gov, functionName: 'proposalThreshold' },
      votingDelay: { ...gov, functionName: 'votingDelay' },
      timelockDelay: timelock && ({ address: timelock, abi: altTimelockAbi, functionName: 'getMinDelay' } as const),
      // Every unit the account's delegation moves: wrapped and staked where the token counts stake.
      ownUnits:
        account &&
        token &&
        ({ ...token, functionName: votes!.countsStake ? 'votingUnitsOf' : 'balanceOf', args: [account] } as const),
      delegate: account && token && ({ ...token, functionName: 'delegates', args: [account] } as const),
      currentVotes: account && token && ({ ...token, functionName: 'getVotes', args: [account] } as const),
      hasVoted: account && token && ({ ...gov, functionName: 'hasVoted', args: [id, account] } as const),
      plainAlt:
        account &&
        token &&
        plainAlt &&
        ({ address: plainAlt, abi: altLayerTokenAbi, functionName: 'balanceOf', args: [account] } as const),
      quorumAtKnown:
        knownSnapshot !== undefined && ({ ...gov, functionName: 'quorum', args: [knownSnapshot] } as const),
      votesAtKnown:
        knownSnapshot !== undefined &&
        account &&
        ({ ...gov, functionName: 'getVotes', args: [account, knownSnapshot] } as const),
    },
    { allowFailure: true },
  );
  /** A value the page cannot do without: its call's failure is the page's. */
  const need = <K extends keyof typeof values>(name: K): NonNullable<(typeof values)[K]> => {
    const value = values[name];
    if (value === undefined) throw errors[name] ?? new Error(m.proposal_read_no_answer({ name: String(name) }));
    return value as NonNullable<(typeof values)[K]>;
  };
  if (!values.details) {
    const name = (errors.details as { cause?: { data?: { errorName?: string } } } | undefined)?.cause?.data?.errorName;
    if (name && name !== 'GovernorNonexistentProposal') throw errors.details;
    throw new ProposalNotFoundError(m.proposal_read_not_found({ id: id.toString() }));
  }
  const clockMode = need('clockMode').includes('timestamp') ? 'timestamp' : 'blocknumber';
  const clock = BigInt(need('clock'));
  const [targets, valuesSent, calldatas, descriptionHash] = values.details;
  const status = toStatus({
    state: need('state'),
    votes: need('votes'),
    snapshot: need('snapshot'),
    deadline: need('deadline'),
    eta: need('eta'),
    proposer: need('proposer'),
  });
  const snapshot = status.snapshot;
  const timelockDelay = timelock ? need('timelockDelay') : undefined;
  const delegateRaw = account && token ? need('delegate') : undefined;
  const accountBase =
    account && token
      ? {
          address: account,
          ownUnits: need('ownUnits'),
          delegate: delegateRaw && delegateRaw !== zeroAddress ? getAddress(delegateRaw) : undefined,
          currentVotes: need('currentVotes'),
          hasVoted: need('hasVoted'),
          plainAlt: plainAlt ? need('plainAlt') : undefined,
        }
      : undefined;

  const snapshotPast = snapshot < clock;
  rememberInteger(snapshotKey, snapshot);
  // The quorum and votes at the snapshot an earlier visit saw, when it is this proposal's and has passed.
  const readEarly =
    snapshotPast &&
    knownSnapshot === snapshot &&
    values.quorumAtKnown !== undefined &&
    (!account || values.votesAtKnown !== undefined)
      ? ([values.quorumAtKnown, ...(account ? [values.votesAtKnown!] : [])] as const)
      : undefined;
  const deployBlock = BigInt(chain.deployBlock);
  const { index, snapshot: history } = await loadingHistory;
  // The log index is brought up to date when it is a few windows away and holds the proposal's
  // creation (a proposal older than the build's snapshot is not in it); a deep history it has not
  // read is not scanned for one page: the description is read at the proposal's creation block, and
  // the proposal's events and the reader's vote wait for a page that reads the history.
  const before = createdBeforeHistory(history, clockMode, snapshot, need('votingDelay'));
  const near = !before && indexIsNear(index, blockNumber);
  const [atSnapshot, logs, found] = await Promise.all([
    readEarly
      ? readEarly
      : snapshotPast
        ? readAll(
            client,
            multicall3,
            [
              { ...gov, functionName: 'quorum', args: [snapshot] },
              ...(account ? [{ ...gov, functionName: 'getVotes', args: [account, snapshot] } as const] : []),
            ],
            blockNumber,
          )
        : Promise.resolve(undefined),
    near ? syncedLogs(client, chain, caps, blockNumber) : undefined,
    near
      ? undefined
      : createdEarly.then(async (known) => {
          if (known) return new Map([[id, known]]);
          const listed = before ? (await loadingTitles)?.get(id) : undefined;
          return findCreated(client, chain.id, [{ id, snapshot }], {
            governor,
            deployBlock,
            clockMode,
            votingDelay: need('votingDelay'),
            head: { number: blockNumber, timestamp: chainTime },
            known: listed && new Map([[id, listed.block]]),
          });
        }),
  ]);
  const created = logs ? createdOf(logs, governor, id) : found?.get(id);
  // proposalId is not indexed in these events: the first data word is compared before decoding.
  const idWord = `0x${id.toString(16).padStart(64, '0')}`;
  const later = logs
    ? decodeLogs<{ proposalId: bigint; etaSeconds?: bigint }>(
        LATER_EVENTS,
        logs.select({ address: governor, topic0: LATER_TOPICS }).filter((l) => l.data.slice(0, 66) === idWord),
      )
    : [];
  const events = later
    .filter(({ args }) => args.proposalId === id)
    .map(({ eventName, args, log }) => ({
      kind: ({ ProposalQueued: 'queued', ProposalExecuted: 'executed', ProposalCanceled: 'canceled' } as const)[
        eventName as 'ProposalQueued'
      ],
      blockNumber: log.blockNumber,
      eta: args.etaSeconds,
    }));
  // The reader's vote: from the index, or for a proposal older than the build's snapshot, from the
  // snapshot's shard of the reader's votes (a vote cast since shows as "You voted").
  const voteLog = !accountBase?.hasVoted
    ? undefined
    : logs
      ? voteLogsOf(logs, governor, account!).find(({ args }) => args.proposalId === id)
      : before && history
        ? (await snapshotVoteLogsOf(history, governor, account!).catch(() => [])).find(
            ({ args }) => args.proposalId === id,
          )
        : undefined;
  // The delegate's vote, from the same logs: where the account's votes went on this proposal.
  const delegate = accountBase?.delegate;
  const delegateLogs =
    !delegate || delegate === account
      ? undefined
      : logs
        ? voteLogsOf(logs, governor, delegate)
        : before && history
          ? await snapshotVoteLogsOf(history, governor, delegate).catch(() => undefined)
          : undefined;
  const delegateLog = delegateLogs?.find(({ args }) => args.proposalId === id);
  const asVote = (log: NonNullable<typeof voteLog>): ProposalVote => ({
    support: Number(log.args.support) as 0 | 1 | 2,
    weight: log.args.weight,
    reason: cleanText(log.args.reason, { multiline: true }),
    blockNumber: log.log.blockNumber,
  });

  return {
    id,
    blockNumber,
    chainTime,
    clockMode,
    clock,
    ...status,
    needsQueuing: need('needsQueuing'),
    quorum: atSnapshot?.[0],
    threshold: need('threshold'),
    timelockDelay,
    targets,
    values: valuesSent,
    calldatas,
    descriptionHash,
    created,
    descriptionVerified: !!created && descriptionMatches(created, descriptionHash),
    events,
    account: accountBase && {
      ...accountBase,
      votesAtSnapshot: atSnapshot?.[1],
      vote: voteLog && asVote(voteLog),
      delegateVote: delegateLog ? asVote(delegateLog) : delegateLogs ? null : undefined,
    },
  };
}

/** One proposal as the viewed account sees it (its vote and voting power at the snapshot). */
export const proposalQuery = (ctx: ReadContext, id: bigint, account: Address | undefined) => ({
  queryKey: governanceKey(ctx.chainId, { proposal: id.toString(), account }),
  queryFn: async () => readProposal(ctx.client, ctx.chain, await ctx.requireCaps(), id, account),
  enabled: ctx.settled,
  ...cache.perBlock,
});
