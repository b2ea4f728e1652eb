/**
 * Transactions in flight, kept in localStorage so that a reload while one is pending still shows it
 * confirm. Each settles through the same lifecycle module, and refreshes the chain's per-block data.
 */
import { getContext, setContext } from 'svelte';
import type { Hex } from 'viem';
import type { AppState } from '../session/app-state.svelte.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import type { Following } from './lifecycle.ts';
import type { TxState } from './tx-call.ts';
import { touchedBy, type Touches } from '../query/keys.ts';
import { storageKey } from '../storage/keys.ts';

const STORAGE_KEY = storageKey('pending-transactions');

export interface TrackedTransaction {
  hash: Hex;
  chainId: number;
  label: string;
  /** Query-key roots whose data the transaction changes: exactly what is refreshed on its receipt. */
  touches: Touches;
  /** What it does (chain, account, contract, function, first argument): the same action is not sent twice. */
  key?: string;
  /** How to follow it when `hash` is not a transaction hash (a Safe transaction, a batch). */
  follow?: Following;
  state: TxState;
}

/** Something that happened to an action that never became a transaction, shown until dismissed. */
export interface Notice {
  id: number;
  label: string;
  message: string;
}

export class PendingTransactions {
  items = $state<TrackedTransaction[]>([]);
  notices = $state<Notice[]>([]);
  #nextNotice = 0;

  constructor(private readonly app: AppState) {}

  #persist() {
    const pending = this.items
      .filter((t) => t.state.status === 'pending')
      .map(({ hash, chainId, label, touches, key, follow }) => ({ hash, chainId, label, touches, key, follow }));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
    } catch {
      /* storage full or disabled: the transaction is still tracked for this page's life */
    }
  }

  /** Records a just-sent transaction before its receipt exists. */
  track(hash: Hex, chainId: number, label: string, touches: Touches, key?: string, follow?: Following) {
    if (this.items.some((t) => t.hash === hash)) return;
    // A Safe transaction's hash or a batch's id is no transaction hash: nothing to link to yet.
    const state: TxState = follow ? { status: 'pending' } : { status: 'pending', hash };
    this.items.push({ hash, chainId, label, touches, key, follow, state });
    this.#persist();
  }

  /** Updates a pending transaction's waiting state (a Safe's confirmations so far). */
  progress(hash: Hex, note: string) {
    const item = this.items.find((t) => t.hash === hash);
    if (item?.state.status === 'pending') item.state = { ...item.state, note };
  }

  /** Whether the action `key` is already on its way, from this tab or another one. */
  isPending(key: string): boolean {
    return this.items.some((t) => t.key === key && t.state.status === 'pending');
  }

  /** Records how a tracked transaction ended and refreshes what it touched. */
  finish(hash: Hex, state: TxState) {
    const item = this.items.find((t) => t.hash === hash);
    if (!item) return;
    item.state = state;
    this.#persist();
    const touched = touchedBy(item.touches, item.chainId);
    void this.app.queryClient.invalidateQueries({ predicate: (q) => touched(q.queryKey) });
  }

  /**
   * Reports an action stopped before sending in a place that outlives the page: a wallet switching
   * account re-renders the page for the new account, and the form that was submitting goes with it.
   */
  notice(label: string, message: string) {
    this.notices.push({ id: ++this.#nextNotice, label, message });
  }

  dismissNotice(id: number) {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  dismiss(hash: Hex) {
    this.items = this.items.filter((t) => t.hash !== hash);
    this.#persist();
  }

  /**
   * Picks up transactions left pending by a previous page load, and from then on those sent from
   * other tabs (the storage event), and follows each to its end: every tab shows it and refreshes.
   */
  resume() {
    this.#adopt(localStorage.getItem(STORAGE_KEY));
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) this.#adopt(event.newValue);
    });
  }

  #adopt(stored: string | null) {
    let saved: { hash: Hex; chainId: number; label: string; touches?: string[]; key?: string; follow?: Following }[] =
      [];
    try {
      saved = JSON.parse(stored ?? '[]');
    } catch {
      saved = [];
    }
    for (const { hash, chainId, label, touches, key, follow } of Array.isArray(saved) ? saved : []) {
      const client = this.app.clients.get(chainId);
      if (!client || typeof hash !== 'string' || this.items.some((t) => t.hash === hash)) continue;
      // Saved by an older page: without a list, refresh every per-block root of that chain.
      // (A root that is no longer one, saved by an older page, is dropped.)
      const roots = Array.isArray(touches)
        ? [...PER_BLOCK_ROOTS].filter((root) => touches.includes(root))
        : [...PER_BLOCK_ROOTS];
      const how = validFollowing(follow);
      this.track(hash, chainId, String(label), roots, typeof key === 'string' ? key : undefined, how);
      // The transaction machinery loads only when there is something to follow, not with every page.
      void import('./settle.ts')
        .then(({ settle, settleSafe, settleBatch }) =>
          how && 'safe' in how
            ? settleSafe(
                client,
                hash,
                how.safe,
                (note) => this.progress(hash, note),
                this.app.config.chains.find((c) => c.id === chainId)?.safeTransactionService,
              )
            : how
              ? settleBatch(() => this.app.wallet.config, hash)
              : settle(client, hash),
        )
        .then((state) => this.finish(hash, state));
    }
  }
}

/** A stored `follow` as written by `#persist`, or undefined when it is missing or malformed. */
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

const KEY = Symbol('pending-transactions');
export const setPendingTransactions = (p: PendingTransactions) => setContext(KEY, p);
export const usePendingTransactions = () => getContext<PendingTransactions>(KEY);
