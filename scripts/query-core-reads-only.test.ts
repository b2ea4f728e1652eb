import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLACED, queryCoreReadsOnly } from './query-core-reads-only.ts';
import { MutationCache, infiniteQueryBehavior } from './query-core-stand-ins.ts';

const core = new URL('../node_modules/@tanstack/query-core/build/modern/', import.meta.url).pathname;
const source = (file: string) => readFileSync(join(core, `${file}.js`), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('query-core without mutations and infinite queries', () => {
  it('replaces imports query-core still makes', () => {
    for (const [file, specifier] of Object.entries(REPLACED)) expect(source(file)).toContain(`from "${specifier}"`);
  });

  it('stands in for every mutation-cache method the QueryClient calls', () => {
    const called = new Set([...source('queryClient').matchAll(/this\.#mutationCache\.(\w+)/g)].map((m) => m[1]));
    expect(called.size).toBeGreaterThan(0);
    const cache = new MutationCache() as unknown as Record<string, unknown>;
    for (const method of called) expect(typeof cache[method], method).toBe('function');
  });

  it('resolves the two imports from query-core only', () => {
    const plugin = queryCoreReadsOnly();
    const resolve = (source: string, importer: string) =>
      (plugin.resolveId as (s: string, i: string) => string | undefined)(source, importer);
    expect(resolve('./mutationCache.js', join(core, 'queryClient.js'))).toMatch(/query-core-stand-ins\.ts$/);
    expect(resolve('./infiniteQueryBehavior.js', join(core, 'query.js'))).toMatch(/query-core-stand-ins\.ts$/);
    expect(resolve('./mutationCache.js', join(core, 'hydration.js'))).toBeUndefined();
    expect(resolve('./mutationCache.js', '/work/app/src/queryClient.js')).toBeUndefined();
  });

  it('is safe because the app asks for neither', () => {
    const app = new URL('../src/', import.meta.url).pathname;
    const uses = filesUnder(app).filter((file) =>
      /\b(createMutation|createInfiniteQuery|infiniteQueryOptions|useMutationState|useIsMutating|getMutationCache)\b/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(uses).toEqual([]);
  });

  it('fails loudly if asked for anyway', () => {
    expect(() => new MutationCache().build()).toThrow(/not built into this app/);
    expect(() => infiniteQueryBehavior()).toThrow(/not built into this app/);
    expect(new MutationCache().findAll()).toEqual([]);
  });
});
