import { keepNewerBlock } from '../web3/head-order.ts';

/**
 * Named cache strategies instead of ad-hoc staleTimes: data that never changes, data that changes
 * with each block (refetched when a new block arrives), and data that is fetched once on demand.
 */
export const cache = {
  immutable: { staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false },
  // An answer from an older block than what is shown (a lagging backend) never replaces it.
  perBlock: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1, structuralSharing: keepNewerBlock },
  lazy: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 },
} as const;

/** Query-key roots that new blocks invalidate; keys are `[root, params]`. */
export const PER_BLOCK_ROOTS = new Set(['overview', 'staking', 'governance', 'airdrop', 'balances']);
