/**
 * The headers a static host should serve this build with, in one place: `npm run preview` (and so
 * the e2e suite and the benchmark) serves them, and the build ships the same rules in `_headers` for
 * hosts that read one (Netlify, Cloudflare Pages).
 * - Caching: the files under `assets/` are named by a hash of their content, so a browser may keep
 *   them for a year without asking again; everything else (index.html, config.json, the history
 *   snapshot, the airdrop files) revalidates on each visit. Without it, a returning visitor's
 *   browser asks again for each chunk of the page, one round trip per level of imports.
 * - Framing: only the Safe{Wallet} origins config.json names (`safeAppOrigins`) may show the app in
 *   a frame (`frame-ancestors`, which works only as an HTTP header, never in the page's meta CSP), so
 *   it runs as a Safe App there, and, where the host serves these headers, no other site can frame
 *   it (where one does not, the app itself turns writes off in a frame that is no Safe{Wallet}).
 * - The Safe App manifest is readable from those origins (CORS), as Safe's app specification asks.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Safe{Wallet}'s own origin, allowed to frame the app when config.json names none. */
export const SAFE_WALLET_ORIGIN = 'https://app.safe.global';

/** Whether a request path names a content-hashed file of the build (any base path in front). */
export const isHashedAsset = (pathname: string) => /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(pathname);

export interface HeaderRule {
  /** A path as `_headers` writes it: exact, or ending in `*`. */
  path: string;
  headers: Record<string, string>;
}

/** The origins that may frame the app: config.json's `safeAppOrigins`, else Safe{Wallet}'s. */
export function safeAppOrigins(config: { safeAppOrigins?: string[] }): string[] {
  return (config.safeAppOrigins ?? [SAFE_WALLET_ORIGIN]).map((o) => {
    const url = new URL(o);
    // https only, but a loopback origin (a local Safe{Wallet}, the e2e suite's host page); the build fails otherwise.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && /^(127\.0\.0\.1|localhost)$/.test(url.hostname)))
      throw new Error(`config.json: safeAppOrigins: ${o} must be an https origin`);
    return url.origin;
  });
}

/** Every rule, most general first (a host applies all that match). */
export function headerRules(config: { safeAppOrigins?: string[] }): HeaderRule[] {
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': `frame-ancestors 'self' ${safeAppOrigins(config).join(' ')}`,
        'X-Content-Type-Options': 'nosniff',
      },
    },
    { path: '/assets/*', headers: { 'Cache-Control': IMMUTABLE } },
    { path: '/config.json', headers: { 'Cache-Control': 'no-cache' } },
    {
      path: '/manifest.json',
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': 'X-Requested-With, content-type, Authorization',
      },
    },
  ];
}

/** The rules as a `_headers` file. */
export const headersFile = (rules: HeaderRule[]) =>
  rules
    .map(
      (r) =>
        `${r.path}\n${Object.entries(r.headers)
          .map(([k, v]) => `  ${k}: ${v}\n`)
          .join('')}`,
    )
    .join('');

/** Whether `rule` applies to `pathname` (any base path in front, as the build runs from a sub-path). */
export function ruleMatches(rule: HeaderRule, pathname: string): boolean {
  if (rule.path === '/*') return true;
  if (rule.path === '/assets/*') return isHashedAsset(pathname);
  return pathname === rule.path || pathname.endsWith(rule.path);
}

export function immutableAssets(configFile: string): Plugin {
  const rules = () => headerRules(JSON.parse(readFileSync(configFile, 'utf8')));
  return {
    name: 'host-headers',
    configurePreviewServer(server) {
      const all = rules();
      server.middlewares.use((req, res, next) => {
        // sirv, which serves the files after this, keeps headers already set.
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        for (const rule of all)
          if (ruleMatches(rule, pathname)) for (const [k, v] of Object.entries(rule.headers)) res.setHeader(k, v);
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(rules()) });
    },
  };
}
