/** Block timestamps (chain time), for rows that show or export when something happened. */
import { getBlock } from 'viem/actions';
import type { ReadClient } from './chains.ts';

/**
 * The timestamps of `blocks` (each asked once, however often it is named), asked together: one
 * JSON-RPC batch where the endpoint takes batches.
 */
export const readBlockTimes = async (client: ReadClient, blocks: Iterable<bigint>) =>
  new Map(
    await Promise.all(
      [...new Set(blocks)].map(async (b) => [b, (await getBlock(client, { blockNumber: b })).timestamp] as const),
    ),
  );
