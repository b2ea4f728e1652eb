/**
 * `ProposalCreated` logs already read, per chain and governor, shared by the list and the proposal
 * pages: the list scans forward from the last block it read, and a page opened from the list finds
 * its description here instead of searching the chain again. Logs are kept raw and decoded when a
 * proposal is first shown (its id is the first word of the data), so a thousand proposals cost one
 * request and ten decodes.
 */
import { toEventSelector, type Address } from 'viem';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { getRawLogsInRanges, type RawLog } from '../../lib/web3/get-logs-in-ranges.ts';
import { decodeProposalCreated, proposalCreatedEvent, type CreatedProposal } from './proposal-description.ts';

const TOPIC = toEventSelector(proposalCreatedEvent);

export interface CreatedIndex {
  governor?: Address;
  scannedTo?: bigint;
  raw: Map<bigint, RawLog>;
  decoded: Map<bigint, CreatedProposal | null>;
}

const indexes = new Map<number, CreatedIndex>();

export function createdIndexFor(chainId: number, governor: Address, latestBlock: bigint): CreatedIndex {
  let index = indexes.get(chainId);
  // Another governor, or a chain that went backwards (a devnet revert): start again.
  if (!index || index.governor !== governor || (index.scannedTo !== undefined && index.scannedTo > latestBlock)) {
    index = { governor, raw: new Map(), decoded: new Map() };
    indexes.set(chainId, index);
  }
  return index;
}

export function recordCreated(index: CreatedIndex, logs: RawLog[]) {
  for (const log of logs) {
    if (log.data.length < 66) continue;
    index.raw.set(BigInt(log.data.slice(0, 66)), log);
  }
}

/** The decoded log of proposal `id`, or undefined (not read yet, or not the standard layout). */
export function createdOf(index: CreatedIndex, id: bigint): CreatedProposal | undefined {
  if (index.decoded.has(id)) return index.decoded.get(id) ?? undefined;
  const log = index.raw.get(id);
  if (!log) return undefined;
  let created: CreatedProposal | null = null;
  try {
    created = {
      ...decodeProposalCreated(log.data),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    };
    // The first word claimed the id; only a log whose decoded id agrees counts.
    if (created.proposalId !== id) created = null;
  } catch {
    created = null;
  }
  index.decoded.set(id, created);
  return created ?? undefined;
}

export const readCreatedLogs = (client: ReadClient, governor: Address, fromBlock: bigint, toBlock: bigint) =>
  getRawLogsInRanges(client, { address: governor, topic0: TOPIC, fromBlock, toBlock });

/** Brings the chain's index up to `toBlock`, reading only blocks not read before. */
export async function scanCreated(client: ReadClient, chain: ChainConfig, toBlock: bigint): Promise<CreatedIndex> {
  const governor = chain.contracts.governor!;
  const index = createdIndexFor(chain.id, governor, toBlock);
  const fromBlock = index.scannedTo === undefined ? BigInt(chain.deployBlock) : index.scannedTo + 1n;
  if (fromBlock <= toBlock) recordCreated(index, await readCreatedLogs(client, governor, fromBlock, toBlock));
  if (index.scannedTo === undefined || index.scannedTo < toBlock) index.scannedTo = toBlock;
  return index;
}
