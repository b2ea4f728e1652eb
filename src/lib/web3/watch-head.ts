/**
 * Polls a chain's head block number. Unlike viem's `watchBlockNumber`, it reports every successful
 * poll, including one that finds the same or a lower block: a node restored from a snapshot may be
 * there, and that answer is what tells the app the chain is reachable again.
 */
import { getBlockNumber } from 'viem/actions';
import type { ReadClient } from './chains.ts';

export interface HeadWatch {
  onBlock: (blockNumber: bigint) => void;
  onError: (error: unknown) => void;
}

/** Starts polling after one interval; returns a stop function. A hidden tab skips its polls. */
export function watchHead(client: ReadClient, { onBlock, onError }: HeadWatch, interval = client.pollingInterval) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout>;
  const tick = async () => {
    if (typeof document === 'undefined' || !document.hidden) {
      try {
        const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
        if (!stopped) onBlock(blockNumber);
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
