/**
 * Every key the app keeps in the browser's storage: one prefix with the layout's version, so a
 * change of what a value holds bumps the version and starts afresh instead of misreading an old one.
 */
export const STORAGE_PREFIX = 'alt-gov:v1:';

/** What is stored, by name: caches the app can rebuild, and the two records it cannot (the wallet session, pending transactions). */
export type StorageName =
  /** Per RPC endpoint: the batch size and pace it allowed. */
  | 'rpc'
  /** Per chain: RPC URLs the user added. */
  | 'rpc-added'
  /** Per kind of paged read and chain: the page size the endpoint took. */
  | 'page'
  /** Per chain: the log window the endpoint took. */
  | 'log-window'
  /** Per chain: how many operators the directory had. */
  | 'operator-count'
  /** Per chain and staking contract: the directory as last shown, for the next visit's first paint. */
  | 'directory-preview'
  /** Per chain: what the chain's contracts are and can do. */
  | 'caps'
  /** Per governor: where each proposal was created, and a page of the list as last read. */
  | 'created-at'
  | 'proposal-page'
  | 'proposal-snapshot'
  /** Transactions sent and not yet settled (every tab follows them). */
  | 'pending-transactions'
  /** wagmi's wallet session (it appends its own suffixes). */
  | 'wallet'
  /** The language chosen from the menu or a link. */
  | 'locale';

/** The key of `name` for `parts` (a chain id, an address, a URL), joined by colons. */
export const storageKey = (name: StorageName, ...parts: (string | number | bigint)[]) =>
  [`${STORAGE_PREFIX}${name}`, ...parts.map(String)].join(':');

/**
 * The keys earlier versions used for the records the app cannot rebuild (the wallet session,
 * transactions still to follow, RPCs the user added), and their keys now; a key may carry a suffix
 * after a dot (wagmi's) or parts after a colon (a chain id).
 */
const LEGACY: [from: string, to: string][] = [
  ['alt-dapp.pending-transactions', storageKey('pending-transactions')],
  ['alt-dapp.wallet', storageKey('wallet')],
  ['alt-gov:rpc-added', storageKey('rpc-added')],
];

/**
 * Moves what an earlier version stored under its own keys (see LEGACY) to this version's;
 * rebuildable caches are left to expire. Storage that refuses
 * (a private window's quota) loses nothing the app needs.
 */
export function adoptLegacyStorage(storage: Storage = localStorage) {
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k) => k !== null);
    for (const [from, to] of LEGACY) {
      for (const key of keys) {
        if (key !== from && !key.startsWith(`${from}.`) && !key.startsWith(`${from}:`)) continue;
        const value = storage.getItem(key);
        if (value !== null && storage.getItem(to + key.slice(from.length)) === null)
          storage.setItem(to + key.slice(from.length), value);
        storage.removeItem(key);
      }
    }
  } catch {
    // Nothing to move, or storage not available: the app starts afresh.
  }
}
