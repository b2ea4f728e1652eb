/**
 * Caching the way a static host should serve this build: the files under `assets/` are named by a
 * hash of their content, so a name never changes meaning and a browser may keep them for a year
 * without asking again; everything else (index.html, config.json, the history snapshot, the airdrop
 * files) keeps the default of revalidating on each visit. `npm run preview` (and so the e2e suite and
 * the benchmark) serves the build this way, and the build ships the same rule in `_headers` for hosts
 * that read one (Netlify, Cloudflare Pages). Without it, a returning visitor's browser asks again for
 * each chunk of the page, one round trip per level of imports, before the page can read the chain.
 */
import type { Plugin } from 'vite';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether a request path names a content-hashed file of the build (any base path in front). */
export const isHashedAsset = (pathname: string) => /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(pathname);

export function immutableAssets(): Plugin {
  return {
    name: 'immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        // sirv, which serves the files after this, keeps a Cache-Control header already set.
        if (isHashedAsset(new URL(req.url ?? '/', 'http://x').pathname)) res.setHeader('Cache-Control', IMMUTABLE);
        next();
      });
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: `/assets/*\n  Cache-Control: ${IMMUTABLE}\n/config.json\n  Cache-Control: no-cache\n`,
      });
    },
  };
}
