/**
 * The first page's own code in one chunk. Left to itself, the bundler cuts the modules the entry
 * shares with lazy pages into a chunk per set of pages that import them, so adding a lazy page can
 * split the first page's code into more files: the same code, compressed file by file, with import
 * and export lists between them. Adding the activity page did that (about 4 KiB gzip more on the first
 * page for no code of its own). This group keeps the app's modules and the UI runtime (Svelte,
 * TanStack Query) that the entry reaches through static imports in one chunk, whatever the lazy pages
 * share. Libraries imported through a barrel (viem) are left to the bundler: through the barrel the
 * entry "reaches" all of viem, and tree-shaking, not this graph, says which parts the first page runs.
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

/** The app's own modules and the UI runtime; everything else is left to the bundler's own chunking. */
export const FIRST_PAGE_MODULES = /\/src\/|\/node_modules\/(svelte|@tanstack)\/|vite\/preload-helper/;

export function firstPageChunk(name = 'app'): Rolldown.CodeSplittingGroup {
  let reach: ((id: string) => boolean) | undefined;
  let lastContext: unknown;
  return {
    name: (id, ctx) => {
      if (ctx !== lastContext || !reach) [reach, lastContext] = [staticReach((m) => ctx.getModuleInfo(m)), ctx];
      return FIRST_PAGE_MODULES.test(id) && reach(id) ? name : null;
    },
    debugName: name,
  };
}
