import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { appkitStaticViem } from './scripts/appkit-static-viem.ts';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { immutableAssets } from './scripts/immutable-assets.ts';
import { firstPageChunk } from './scripts/first-page-chunk.ts';
import { messageCatalogue } from './scripts/i18n.ts';
import { queryCoreReadsOnly } from './scripts/query-core-reads-only.ts';

// `base: './'` and hash routing let the build run from any sub-path or an IPFS gateway without rewrites.
export default defineConfig({
  base: './',
  plugins: [
    messageCatalogue(),
    svelte(),
    appkitStaticViem(),
    queryCoreReadsOnly(),
    contentSecurityPolicy('public/config.json'),
    immutableAssets('public/config.json'),
  ],
  resolve: {
    // Wallet SDKs for connectors the app never configures (see scripts/absent-sdk.ts).
    alias: {
      '@base-org/account': new URL('./scripts/absent-sdk.ts', import.meta.url).pathname,
      '@coinbase/wallet-sdk': new URL('./scripts/absent-sdk.ts', import.meta.url).pathname,
    },
  },
  build: {
    target: 'es2022',
    // SOURCEMAP=hidden: maps without the comment that names them, so the code is what is served (bench/first-page.ts).
    sourcemap: process.env.SOURCEMAP === 'hidden' ? 'hidden' : !!process.env.SOURCEMAP,
    chunkSizeWarningLimit: 4_000,
    // Every browser the build targets but Safari before 17 follows <link rel="modulepreload">; there
    // it is only ignored (the module still loads when imported), so the polyfill, a separate entry
    // file on every first visit, is left out.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            firstPageChunk(),
            // The log-reading stack (the log index, the snapshot's reader, viem's event decoding), which
            // every page with history loads whole: one file instead of six cut by which pages share
            // each part. On a phone's first visit (Lighthouse mobile, HTTP/1.1) the proposal list's
            // largest paint came 290 ms sooner and the staking page's 120 ms.
            { name: 'history', test: /\/src\/lib\/logs\/chain-logs\.ts$/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
