/**
 * Hash router: `#/path?query`. Hash routing needs no server rewrites, so the build works from any
 * sub-path and from IPFS. The `address` query parameter carries the read-only address across pages.
 */

export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(query) };
}

class Router {
  route = $state<Route>(parse(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parse(location.hash)));
    }
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
