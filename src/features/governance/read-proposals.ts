/**
 * One page of proposals from any GovernorStorage governor, newest first, with no indexer: the count,
 * then the page's details and its `ProposalCreated` logs (the only place titles live) concurrently,
 * then states and tallies by id. Three round trips, whatever the number of proposals.
 */
import type { Address } from 'viem';
import { multicall } from 'viem/actions';
import { altGovernorAbi, multicall3Abi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { MULTICALL3_ADDRESS } from '../../lib/web3/devnet-chain.ts';
import { getLogsInRanges } from '../../lib/web3/get-logs-in-ranges.ts';
import { proposalTitle, STATES, type ProposalStateName } from './proposal-text.ts';

const proposalCreated = altGovernorAbi.find((i) => i.type === 'event' && i.name === 'ProposalCreated')!;

export interface ProposalSummary {
  id: bigint;
  index: number;
  title: string;
  proposer: Address;
  state: ProposalStateName;
  votes: { against: bigint; for: bigint; abstain: bigint };
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
}

export interface ProposalPage {
  blockNumber: bigint;
  chainTime: bigint;
  clockMode: string;
  count: number;
  proposals: ProposalSummary[];
}

/**
 * Descriptions already read from `ProposalCreated` logs, and the last block scanned, so a refresh
 * reads only the blocks since the last one instead of every block since deployment.
 */
export interface DescriptionIndex {
  governor?: Address;
  scannedTo?: bigint;
  byId: Map<bigint, string>;
}

export const createDescriptionIndex = (): DescriptionIndex => ({ byId: new Map() });

export async function readProposalPage(
  client: ReadClient,
  chain: ChainConfig,
  page: number,
  pageSize: number,
  index: DescriptionIndex = createDescriptionIndex(),
): Promise<ProposalPage> {
  const governor = chain.contracts.governor;
  if (!governor) throw new Error('The governor is not deployed on this chain.');
  const multicall3 = chain.contracts.multicall3 ?? MULTICALL3_ADDRESS;
  const gov = { address: governor, abi: altGovernorAbi } as const;
  const [blockNumber, chainTime, count, clockMode] = await multicall(client, {
    multicallAddress: multicall3,
    allowFailure: false,
    contracts: [
      { address: multicall3, abi: multicall3Abi, functionName: 'getBlockNumber' },
      { address: multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
      { ...gov, functionName: 'proposalCount' },
      { ...gov, functionName: 'CLOCK_MODE' },
    ],
  });
  const total = Number(count);
  const first = total - 1 - page * pageSize;
  const indices = Array.from({ length: Math.max(0, Math.min(pageSize, first + 1)) }, (_, k) => first - k);
  if (indices.length === 0) return { blockNumber, chainTime, clockMode, count: total, proposals: [] };
  // Another governor, or a chain that went backwards (a devnet revert): start the index again.
  if (index.governor !== governor || (index.scannedTo !== undefined && index.scannedTo > blockNumber)) {
    Object.assign(index, { governor, scannedTo: undefined, byId: new Map() });
  }
  const fromBlock = index.scannedTo === undefined ? BigInt(chain.deployBlock) : index.scannedTo + 1n;

  const [details, logs] = await Promise.all([
    multicall(client, {
      multicallAddress: multicall3,
      allowFailure: false,
      contracts: indices.map((i) => ({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] }) as const),
    }),
    fromBlock > blockNumber
      ? Promise.resolve([])
      : getLogsInRanges(client, {
          address: governor,
          event: proposalCreated as Extract<typeof proposalCreated, { type: 'event' }>,
          fromBlock,
          toBlock: blockNumber,
        }),
  ]);
  for (const log of logs) {
    const args = log.args as { proposalId: bigint; description: string };
    index.byId.set(args.proposalId, args.description);
  }
  index.scannedTo = blockNumber;
  const ids = details.map((d) => d[0] as bigint);
  const perId = ids.flatMap((id) => [
    { ...gov, functionName: 'state', args: [id] },
    { ...gov, functionName: 'proposalVotes', args: [id] },
    { ...gov, functionName: 'proposalSnapshot', args: [id] },
    { ...gov, functionName: 'proposalDeadline', args: [id] },
    { ...gov, functionName: 'proposalEta', args: [id] },
    { ...gov, functionName: 'proposalProposer', args: [id] },
  ]);
  const values = (await multicall(client, {
    multicallAddress: multicall3,
    allowFailure: false,
    contracts: perId as any,
  })) as unknown[];
  const proposals = ids.map((id, k): ProposalSummary => {
    const [state, votes, snapshot, deadline, eta, proposer] = values.slice(k * 6, k * 6 + 6) as [
      number,
      readonly [bigint, bigint, bigint],
      bigint,
      bigint,
      bigint,
      Address,
    ];
    return {
      id,
      index: indices[k],
      title: proposalTitle(index.byId.get(id), `Proposal ${indices[k] + 1}`),
      proposer,
      state: STATES[state] ?? 'Pending',
      votes: { against: votes[0], for: votes[1], abstain: votes[2] },
      snapshot,
      deadline,
      eta,
    };
  });
  return { blockNumber, chainTime, clockMode, count: total, proposals };
}

/** Chain "now" in the governor's clock: a timestamp, or a block number in block mode. */
export const clockNow = (page: Pick<ProposalPage, 'clockMode' | 'chainTime' | 'blockNumber'>): bigint =>
  page.clockMode.includes('timestamp') ? page.chainTime : page.blockNumber;
