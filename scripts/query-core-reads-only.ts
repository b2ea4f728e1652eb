/**
 * Vite plugin: the app reads with TanStack Query and writes through its own transaction flows
 * (src/lib/tx), so it creates no mutation and no infinite query. query-core's QueryClient still
 * imports its MutationCache (and with it Mutation) and its Query imports the infinite-query
 * behaviour, about 2 KiB gzip on the first page that never runs. This plugin resolves those two
 * imports, from query-core's own files only, to stand-ins (query-core-stand-ins.ts): a mutation
 * cache that is always empty, and an infinite-query behaviour that says it is not built in.
 *
 * `@tanstack/svelte-query` and everything the app uses of it are untouched. The plugin warns when
 * query-core no longer imports the two files where it expects them, and
 * query-core-reads-only.test.ts fails when the client starts calling a cache method the stand-in
 * lacks.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const CORE = /@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]([A-Za-z]+)\.js$/;
const STAND_INS = fileURLToPath(new URL('./query-core-stand-ins.ts', import.meta.url));

/** The imports replaced: importing file (in query-core) → the relative specifier it uses. */
export const REPLACED: Record<string, string> = {
  queryClient: './mutationCache.js',
  query: './infiniteQueryBehavior.js',
};

export function queryCoreReadsOnly(): Plugin {
  const seen = new Set<string>();
  return {
    name: 'query-core-reads-only',
    enforce: 'pre',
    resolveId(source, importer) {
      const file = importer && CORE.exec(importer)?.[1];
      if (!file || REPLACED[file] !== source) return undefined;
      seen.add(file);
      return STAND_INS;
    },
    buildEnd() {
      // Only a build that reached query-core at all says anything about it.
      if (seen.size === 0 || seen.size === Object.keys(REPLACED).length) return;
      for (const file of Object.keys(REPLACED))
        if (!seen.has(file))
          this.warn(
            `@tanstack/query-core's ${file}.js no longer imports ${REPLACED[file]}: check the first-page size.`,
          );
    },
  };
}
