import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_MODULES, staticReach } from './first-page-chunk.ts';

/** A module graph from its static import lists; entries are named. */
function graph(imports: Record<string, string[]>, entries: string[]) {
  const importers: Record<string, string[]> = {};
  for (const [from, tos] of Object.entries(imports)) for (const to of tos) (importers[to] ??= []).push(from);
  let lookups = 0;
  const info = (id: string) => {
    lookups++;
    return id in imports || id in importers
      ? { importers: importers[id] ?? [], importedIds: imports[id] ?? [], isEntry: entries.includes(id) }
      : null;
  };
  return { info, lookups: () => lookups };
}

describe('staticReach', () => {
  // E imports A; A imports B and C; C imports A back (a cycle); P and M import each other, and A imports P;
  // L is a lazy page (no static importer) importing B and its own Z; Z imports Y.
  const imports = {
    E: ['A'],
    A: ['B', 'C', 'P'],
    C: ['A'],
    P: ['M'],
    M: ['P'],
    L: ['B', 'Z'],
    Z: ['Y'],
    B: [],
    Y: [],
  };

  it('marks what the entry imports, through cycles, and nothing only lazy pages import', () => {
    const { info } = graph(imports, ['E']);
    const reach = staticReach(info);
    expect(['E', 'A', 'B', 'C', 'P', 'M'].map(reach)).toEqual([true, true, true, true, true, true]);
    expect(['L', 'Z', 'Y', 'unknown'].map(reach)).toEqual([false, false, false, false]);
  });

  it('gives the same answers whatever order it is asked in (a cycle met first is not settled as unreached)', () => {
    for (const order of [
      ['M', 'P', 'Z', 'C', 'B', 'Y', 'L'],
      ['Y', 'Z', 'L', 'M', 'B', 'C', 'P'],
    ]) {
      const reach = staticReach(graph(imports, ['E']).info);
      expect(Object.fromEntries(order.map((id) => [id, reach(id)]))).toEqual({
        M: true,
        P: true,
        C: true,
        B: true,
        Z: false,
        Y: false,
        L: false,
      });
    }
  });

  it('settles each module once: asking again reads no module', () => {
    const g = graph(imports, ['E']);
    const reach = staticReach(g.info);
    for (const id of Object.keys(imports)) reach(id);
    const before = g.lookups();
    for (const id of Object.keys(imports)) reach(id);
    expect(g.lookups()).toBe(before);
  });
});

describe('FIRST_PAGE_MODULES', () => {
  it('takes the app, and leaves libraries (imported through their barrels) to the bundler', () => {
    expect(FIRST_PAGE_MODULES.test('/repo/src/lib/web3/app-state.svelte.ts')).toBe(true);
    expect(FIRST_PAGE_MODULES.test('/repo/node_modules/svelte/src/internal/client/runtime.js')).toBe(false);
    expect(FIRST_PAGE_MODULES.test('/repo/node_modules/@tanstack/query-core/build/modern/query.js')).toBe(false);
    expect(FIRST_PAGE_MODULES.test('/repo/node_modules/@tanstack/svelte-query/dist/createQueries.svelte.js')).toBe(
      false,
    );
    expect(FIRST_PAGE_MODULES.test('/repo/node_modules/viem/_esm/index.js')).toBe(false);
    expect(FIRST_PAGE_MODULES.test('/repo/node_modules/uplot/dist/uPlot.esm.js')).toBe(false);
    // The compiled catalogue: each message goes where the code using it is (the group decides by reach).
    expect(FIRST_PAGE_MODULES.test('/repo/src/lib/i18n/generated/en/common_menu.ts')).toBe(false);
  });
});
