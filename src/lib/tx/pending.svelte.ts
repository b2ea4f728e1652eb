/**
 * Transactions in flight, kept in localStorage so that a reload while one is pending still shows it
 * confirm. Each settles through the same lifecycle module, and refreshes the chain's per-block data.
 */
import { getContext, setContext } from 'svelte';
import type { Hex } from 'viem';
import type { AppState } from '../web3/app-state.svelte.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import { settle, type TxState } from './lifecycle.ts';

const STORAGE_KEY = 'alt-dapp.pending-transactions';

export interface TrackedTransaction {
  hash: Hex;
  chainId: number;
  label: string;
  /** Query-key roots whose data the transaction changes: exactly what is refreshed on its receipt. */
  touches: string[];
  state: TxState;
}

export class PendingTransactions {
  items = $state<TrackedTransaction[]>([]);

  constructor(private readonly app: AppState) {}

  #persist() {
    const pending = this.items
      .filter((t) => t.state.status === 'pending')
      .map(({ hash, chainId, label, touches }) => ({ hash, chainId, label, touches }));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
    } catch {
      /* storage full or disabled: the transaction is still tracked for this page's life */
    }
  }

  /** Records a just-sent transaction before its receipt exists. */
  track(hash: Hex, chainId: number, label: string, touches: string[]) {
    if (this.items.some((t) => t.hash === hash)) return;
    this.items.push({ hash, chainId, label, touches, state: { status: 'pending', hash } });
    this.#persist();
  }

  /** Records how a tracked transaction ended and refreshes what it touched. */
  finish(hash: Hex, state: TxState) {
    const item = this.items.find((t) => t.hash === hash);
    if (!item) return;
    item.state = state;
    this.#persist();
    const touched = new Set(item.touches);
    void this.app.queryClient.invalidateQueries({
      predicate: (q) =>
        touched.has(String(q.queryKey[0])) && (q.queryKey[1] as { chainId?: number })?.chainId === item.chainId,
    });
  }

  dismiss(hash: Hex) {
    this.items = this.items.filter((t) => t.hash !== hash);
    this.#persist();
  }

  /** Picks up transactions left pending by a previous page load and follows them to their end. */
  resume() {
    let saved: { hash: Hex; chainId: number; label: string; touches?: string[] }[] = [];
    try {
      saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    } catch {
      saved = [];
    }
    for (const { hash, chainId, label, touches } of Array.isArray(saved) ? saved : []) {
      const client = this.app.clients.get(chainId);
      if (!client || typeof hash !== 'string') continue;
      // Saved by an older page: without a list, refresh every per-block root of that chain.
      const roots = Array.isArray(touches) ? touches.filter((t) => PER_BLOCK_ROOTS.has(t)) : [...PER_BLOCK_ROOTS];
      this.track(hash, chainId, String(label), roots);
      void settle(client, hash).then((state) => this.finish(hash, state));
    }
  }
}

const KEY = Symbol('pending-transactions');
export const setPendingTransactions = (p: PendingTransactions) => setContext(KEY, p);
export const usePendingTransactions = () => getContext<PendingTransactions>(KEY);
