/**
 * `ProposalCreated` logs already read, per chain and governor, shared by the list and the proposal
 * pages: the list scans forward from the last block it read, and a page opened from the list finds
 * its description here instead of searching the chain again.
 */
import type { Address, Log } from 'viem';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import type { ReadClient } from '../../lib/web3/chains.ts';
import { getLogsInRanges } from '../../lib/web3/get-logs-in-ranges.ts';
import { decodeProposalCreated, proposalCreatedEvent, type CreatedProposal } from './proposal-description.ts';

export interface CreatedIndex {
  governor?: Address;
  scannedTo?: bigint;
  byId: Map<bigint, CreatedProposal>;
}

const indexes = new Map<number, CreatedIndex>();

export function createdIndexFor(chainId: number, governor: Address, latestBlock: bigint): CreatedIndex {
  let index = indexes.get(chainId);
  // Another governor, or a chain that went backwards (a devnet revert): start again.
  if (!index || index.governor !== governor || (index.scannedTo !== undefined && index.scannedTo > latestBlock)) {
    index = { governor, byId: new Map() };
    indexes.set(chainId, index);
  }
  return index;
}

/** Decodes and records logs; a log that does not decode is skipped (its proposal shows no text). */
export function recordCreated(index: CreatedIndex, logs: Pick<Log, 'data' | 'blockNumber' | 'transactionHash'>[]) {
  const found: CreatedProposal[] = [];
  for (const log of logs) {
    try {
      const created = {
        ...decodeProposalCreated(log.data),
        blockNumber: log.blockNumber ?? undefined,
        transactionHash: log.transactionHash ?? undefined,
      };
      index.byId.set(created.proposalId, created);
      found.push(created);
    } catch {
      // Not the standard layout: nothing to show for it.
    }
  }
  return found;
}

/** Brings the chain's index up to `toBlock`, reading only blocks not read before. */
export async function scanCreated(client: ReadClient, chain: ChainConfig, toBlock: bigint): Promise<CreatedIndex> {
  const governor = chain.contracts.governor!;
  const index = createdIndexFor(chain.id, governor, toBlock);
  const fromBlock = index.scannedTo === undefined ? BigInt(chain.deployBlock) : index.scannedTo + 1n;
  if (fromBlock <= toBlock) {
    recordCreated(
      index,
      await getLogsInRanges(client, { address: governor, event: proposalCreatedEvent, fromBlock, toBlock }),
    );
  }
  if (index.scannedTo === undefined || index.scannedTo < toBlock) index.scannedTo = toBlock;
  return index;
}
