/**
 * Transactions in flight, kept in localStorage so that a reload while one is pending still shows it
 * confirm. Each settles through the same lifecycle module, and refreshes the chain's per-block data.
 */
import { getContext, setContext } from 'svelte';
import type { Hex } from 'viem';
import type { AppState } from '../session/app-state.svelte.ts';
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
    // The code that reads them back and follows them loads only when there are some (a file that
    // fails to load is asked for again by the next change of the list).
    const adopt = (stored: string | null) => {
      if (stored && stored !== '[]')
        import('./resume.ts').then(
          (m) => m.adopt(this, this.app, stored),
          () => {},
        );
    };
    adopt(localStorage.getItem(STORAGE_KEY));
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) adopt(event.newValue);
    });
  }
}

const KEY = Symbol('pending-transactions');
export const setPendingTransactions = (p: PendingTransactions) => setContext(KEY, p);
export const usePendingTransactions = () => getContext<PendingTransactions>(KEY);
