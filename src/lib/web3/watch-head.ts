/**
 * Polls a chain's head. Unlike viem's `watchBlockNumber`, it reports every successful poll, including
 * one that finds the same or a lower block: a node restored from a snapshot may be there, and that
 * answer is what tells the app the chain is reachable again. The poll may read more than the block
 * number in the same request (whether ALT is paused), so a change shows within one block everywhere.
 */
import { getBlockNumber } from 'viem/actions';
import type { ReadClient } from './chains.ts';

export interface Head {
  blockNumber: bigint;
  /** Whether ALT's transfers are paused, when the poll reads it. */
  altPaused?: boolean;
}

export interface HeadWatch {
  onBlock: (blockNumber: bigint, head: Head) => void;
  onError: (error: unknown) => void;
  /** What one poll reads; the block number alone by default. */
  read?: (client: ReadClient) => Promise<Head>;
}

const readBlockNumber = async (client: ReadClient): Promise<Head> => ({
  blockNumber: await getBlockNumber(client, { cacheTime: 0 }),
});

/** Starts polling after one interval; returns a stop function. A hidden tab skips its polls. */
export function watchHead(
  client: ReadClient,
  { onBlock, onError, read = readBlockNumber }: HeadWatch,
  interval = client.pollingInterval,
) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout>;
  const tick = async () => {
    if (typeof document === 'undefined' || !document.hidden) {
      try {
        const head = await read(client);
        if (!stopped) onBlock(head.blockNumber, head);
      } catch (error) {
        if (!stopped) onError(error);
      }
    }
    if (!stopped) timer = setTimeout(tick, interval);
  };
  timer = setTimeout(tick, interval);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
