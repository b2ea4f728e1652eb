import { keepNewerBlock } from '../web3/head-order.ts';
import type { QueryRoot } from './keys.ts';
import { classifyRpcError } from '../errors/rpc-errors.ts';

/**
 * A failed read is tried once more; one refused by a rate limit up to five times, a second apart
 * (on top of the transport's own retry after `Retry-After`): a public RPC's 429 is a wait of about
 * a second, not an answer, and doubling waits would leave a page blank for 15 s after a burst.
 */
const retry = (failures: number, error: unknown) =>
  failures < 1 || (failures < 5 && classifyRpcError(error).kind === 'rate');
const retryDelay = (failures: number, error: unknown) =>
  classifyRpcError(error).kind === 'rate' ? 1_000 : Math.min(1_000 * 2 ** failures, 30_000);

/**
 * Named cache strategies instead of ad-hoc staleTimes: data that never changes, data that changes
 * with each block (refetched when a new block arrives), and data that is fetched once on demand.
 */
export const cache = {
  immutable: { staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false },
  // An answer from an older block than what is shown (a lagging backend) never replaces it.
  perBlock: { staleTime: Infinity, refetchOnWindowFocus: false, retry, retryDelay, structuralSharing: keepNewerBlock },
  lazy: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry, retryDelay },
  // Figures that move slowly beside a per-block read (participation, a delegate's details): a
  // minute old is fresh enough, and a new block does not read them again.
  minute: { staleTime: 60_000 },
  // Read again every minute while shown, whatever the blocks do (which proposals are open now).
  everyMinute: { staleTime: 60_000, refetchInterval: 60_000 },
} as const;

/** Query-key roots that new blocks invalidate; keys are `[root, params]`. */
export const PER_BLOCK_ROOTS: ReadonlySet<QueryRoot> = new Set<QueryRoot>([
  'overview',
  'staking',
  'governance',
  'votes',
  'airdrop',
  'balances',
]);
