/**
 * Vite plugin: AppKit's ViemUtil loads viem with `await import('viem')`. That dynamic import of the
 * whole package makes the bundler put every viem export in a chunk the first page also imports
 * (it hosts the viem modules the first page shares with it), which cost about 40 KiB gzip before
 * anyone opens the modal. Rewritten to a static named import, those three functions ride in the
 * modal's own lazy chunk.
 */
import type { Plugin } from 'vite';

const FILE = /@reown[\\/]appkit-controllers[\\/]dist[\\/]esm[\\/]src[\\/]utils[\\/]ViemUtil\.js$/;
const DYNAMIC = "await import('viem')";

export function appkitStaticViem(): Plugin {
  return {
    name: 'appkit-static-viem',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id)) return undefined;
      if (!code.includes(DYNAMIC)) {
        this.warn(`${id} no longer contains ${DYNAMIC}: check the first-page size.`);
        return undefined;
      }
      return {
        code:
          "import { createPublicClient as __createPublicClient, http as __http, defineChain as __defineChain } from 'viem';\n" +
          code.replaceAll(
            DYNAMIC,
            '({ createPublicClient: __createPublicClient, http: __http, defineChain: __defineChain })',
          ),
        map: null,
      };
    },
  };
}
