/**
 * Transactions left pending by an earlier page load or sent from another tab, read back from storage
 * and followed to their end (pending.svelte.ts loads this only when there are some).
 */
import type { Hex } from 'viem';
import type { AppState } from '../session/app-state.svelte.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import type { Following } from './lifecycle.ts';
import type { PendingTransactions } from './pending.svelte.ts';

/** Tracks and follows each transaction `stored` lists that `pending` does not have yet. */
export function adopt(pending: PendingTransactions, app: AppState, stored: string) {
  let saved: { hash: Hex; chainId: number; label: string; touches?: string[]; key?: string; follow?: Following }[] = [];
  try {
    saved = JSON.parse(stored);
  } catch {
    saved = [];
  }
  for (const { hash, chainId, label, touches, key, follow } of Array.isArray(saved) ? saved : []) {
    const client = app.clients.get(chainId);
    if (!client || typeof hash !== 'string' || pending.items.some((t) => t.hash === hash)) continue;
    // Saved by an older page: without a list, refresh every per-block root of that chain.
    // (A root that is no longer one, saved by an older page, is dropped.)
    const roots = Array.isArray(touches)
      ? [...PER_BLOCK_ROOTS].filter((root) => touches.includes(root))
      : [...PER_BLOCK_ROOTS];
    const how = validFollowing(follow);
    pending.track(hash, chainId, String(label), roots, typeof key === 'string' ? key : undefined, how);
    // The transaction machinery loads only when there is something to follow, not with every page.
    void import('./settle.ts')
      .then(({ settle, settleSafe, settleBatch }) =>
        how && 'safe' in how
          ? settleSafe(
              client,
              hash,
              how.safe,
              (note) => pending.progress(hash, note),
              app.config.chains.find((c) => c.id === chainId)?.safeTransactionService,
            )
          : how
            ? settleBatch(() => app.wallet.config, hash)
            : settle(client, hash),
      )
      .then((state) => pending.finish(hash, state));
  }
}

/** A stored `follow` as pending.svelte.ts writes it, or undefined when it is missing or malformed. */
function validFollowing(follow: unknown): Following | undefined {
  if (typeof follow !== 'object' || follow === null) return undefined;
  if ((follow as { batch?: unknown }).batch === true) return { batch: true };
  const safe = (follow as { safe?: Record<string, unknown> }).safe;
  const isAddress = (a: unknown) => typeof a === 'string' && /^0x[0-9a-fA-F]{40}$/.test(a);
  const isCount = (n: unknown) => typeof n === 'string' && /^\d{1,30}$/.test(n);
  if (
    safe &&
    isAddress(safe.safe) &&
    Array.isArray(safe.owners) &&
    safe.owners.every(isAddress) &&
    isCount(safe.nonce) &&
    isCount(safe.block) &&
    (safe.txNonce === undefined || isCount(safe.txNonce))
  )
    return { safe: safe as never };
  return undefined;
}
