/**
 * The first page's own code in one chunk. Left to itself, the bundler cuts the modules the entry
 * shares with lazy pages into a chunk per set of pages that import them, so adding a lazy page can
 * split the first page's code into more files: the same code, compressed file by file, with import
 * and export lists between them. Adding the activity page did that (about 4 KiB gzip more on the first
 * page for no code of its own). This group keeps the app's modules that the entry reaches through
 * static imports in one chunk, whatever the lazy pages share. Libraries (Svelte, TanStack Query,
 * viem) are left to the bundler, which puts what the first page runs into the same chunk: through
 * their barrels the entry "reaches" all of each, and tree-shaking, not this graph, says which parts
 * the first page runs.
 */
import type { Rolldown } from 'vite';

type Info = { importers: string[]; importedIds: string[]; isEntry: boolean } | null;

/**
 * Whether a module is reached from an entry through static imports alone. Walking up a module's
 * importers either finds an entry (then everything that entry statically imports is marked reached)
 * or proves that nothing it walked through can reach one; each module is settled once.
 */
export function staticReach(getModuleInfo: (id: string) => Info) {
  const reached = new Set<string>();
  const unreached = new Set<string>();
  const markFrom = (entry: string) => {
    const stack = [entry];
    while (stack.length) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      stack.push(...(getModuleInfo(id)?.importedIds ?? []));
    }
  };
  return (id: string): boolean => {
    if (reached.has(id)) return true;
    if (unreached.has(id)) return false;
    const seen = new Set([id]);
    const stack = [id];
    let found = false;
    walk: while (stack.length) {
      const m = stack.pop()!;
      const info = getModuleInfo(m);
      if (!info) continue;
      if (info.isEntry) {
        markFrom(m); // `id` is among what this entry imports
        found = true;
        break;
      }
      for (const up of info.importers) {
        if (reached.has(up)) {
          found = true;
          break walk;
        }
        if (!seen.has(up) && !unreached.has(up)) (seen.add(up), stack.push(up));
      }
    }
    if (!found) {
      // Every importer of what was walked is in `seen` or already known unreached: none reaches an entry.
      for (const m of seen) unreached.add(m);
      return false;
    }
    markFrom(id);
    return true;
  };
}

/**
 * The app's own modules (a library's `src/` is not the app's). Libraries are left to the bundler:
 * through their barrels the entry "reaches" every module they have (TanStack Query's observer for
 * lists of queries), and tree-shaking, not this graph, says which the first page runs. The group
 * still takes in what the app's modules import (its default `includeDependenciesRecursively`, without
 * which the first page's library code is cut into a file per set of pages sharing it), so a library
 * that does not declare its modules free of side effects (Svelte) comes in by its barrels.
 */
export const FIRST_PAGE_MODULES = /^(?!.*\/node_modules\/)(?!.*\/i18n\/generated\/).*\/src\/|vite\/preload-helper/;

/**
 * An English message's module (one per message, imported by the code that uses it: scripts/i18n.ts):
 * with the first page when its code uses the message, else where the bundler puts it, with the code
 * that uses it. (A file per section's messages instead made each page fetch its whole section's
 * sentences and every lazy error's: the proposal list's first visit grew by 7 KiB gzip and its mobile
 * Lighthouse score fell from 97 to 95.)
 */
const MESSAGE = /\/i18n\/generated\/en\/([a-z0-9]+)_[\w$]+\.ts$/;

export function firstPageChunk(name = 'app'): Rolldown.CodeSplittingGroup {
  let reach: ((id: string) => boolean) | undefined;
  let lastContext: unknown;
  return {
    name: (id, ctx) => {
      if (ctx !== lastContext || !reach) [reach, lastContext] = [staticReach((m) => ctx.getModuleInfo(m)), ctx];
      const message = MESSAGE.exec(id);
      if (message) return reach(id) ? name : null;
      return FIRST_PAGE_MODULES.test(id) && reach(id) ? name : null;
    },
    debugName: name,
  };
}
