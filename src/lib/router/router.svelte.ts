/**
 * Hash router: `#/path?query`. Hash routing needs no server rewrites, so the build works from any
 * sub-path and from IPFS. The `address` query parameter carries the read-only address across pages.
 */

export interface Route {
  path: string;
  params: URLSearchParams;
  /**
   * How the visitor got here: a new page (a link, a typed address) starts at its top; Back or
   * Forward returns to where that page was scrolled (`scrollY`). The first load is `initial`.
   */
  arrival: { kind: 'initial' } | { kind: 'new' } | { kind: 'return'; scrollY: number };
}

function parse(hash: string, arrival: Route['arrival'] = { kind: 'initial' }): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(query), arrival };
}

/** The key this tab's history entries carry, so Back can be told apart from a new page. */
const ENTRY = 'altEntry';
const entryOf = (state: unknown): string | undefined =>
  state && typeof state === 'object' && ENTRY in state ? String((state as Record<string, unknown>)[ENTRY]) : undefined;

class Router {
  route = $state<Route>(parse(typeof location === 'undefined' ? '' : location.hash));
  /** Where each history entry of this visit was last scrolled to. */
  #scrolled = new Map<string, number>();
  #entry = '';

  constructor() {
    if (typeof window !== 'undefined') {
      // The app restores positions itself: the browser would do it before the page is drawn.
      if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
      this.#entry = entryOf(history.state) ?? this.#stamp();
      // Recorded as the visitor scrolls; a page drawn after a change records under the new entry.
      window.addEventListener('scroll', () => this.#scrolled.set(this.#entry, window.scrollY), { passive: true });
      window.addEventListener('hashchange', () => {
        const known = entryOf(history.state);
        this.#entry = known ?? this.#stamp();
        this.route = parse(
          location.hash,
          known === undefined ? { kind: 'new' } : { kind: 'return', scrollY: this.#scrolled.get(known) ?? 0 },
        );
      });
    }
  }

  /** Marks the current history entry as this visit's, and returns its key. */
  #stamp(): string {
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const state = history.state && typeof history.state === 'object' ? history.state : {};
    history.replaceState({ ...state, [ENTRY]: key }, '');
    return key;
  }

  /** Builds an href for `path`, keeping the read-only address (if any) unless overridden. */
  href(path: string, params: Record<string, string | undefined> = {}): string {
    const query = new URLSearchParams();
    const address = 'address' in params ? params.address : (this.route.params.get('address') ?? undefined);
    if (address) query.set('address', address);
    for (const [key, value] of Object.entries(params)) if (key !== 'address' && value) query.set(key, value);
    const q = query.toString();
    return `#${path}${q ? `?${q}` : ''}`;
  }

  go(path: string, params: Record<string, string | undefined> = {}) {
    location.hash = this.href(path, params).slice(1);
  }

  /** Path segments after `prefix`, e.g. match('/governance/proposals/') → ['123']. */
  match(prefix: string): string[] | undefined {
    if (!this.route.path.startsWith(prefix)) return undefined;
    return this.route.path.slice(prefix.length).split('/').filter(Boolean);
  }
}

export const router = new Router();
