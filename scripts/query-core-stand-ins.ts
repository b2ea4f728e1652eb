/**
 * What query-core-reads-only.ts puts in place of query-core's MutationCache and infinite-query
 * behaviour: the app makes no mutation and no infinite query (its writes are transaction flows, its
 * long lists are pages of reads), so the cache is always empty and the behaviour is never asked for.
 * Asking for either anyway fails loudly, naming this file, rather than doing nothing.
 */
const notBuiltIn = (what: string) =>
  new Error(`${what} is not built into this app (scripts/query-core-reads-only.ts); remove the stand-in to use it.`);

/** The QueryClient's mutation cache in an app that makes no mutation: empty, and staying so. */
export class MutationCache {
  build(): never {
    throw notBuiltIn('A TanStack mutation');
  }
  findAll(): [] {
    return [];
  }
  find(): undefined {
    return undefined;
  }
  getAll(): [] {
    return [];
  }
  clear(): void {}
  resumePausedMutations(): Promise<void> {
    return Promise.resolve();
  }
  subscribe(): () => void {
    return () => {};
  }
}

export function infiniteQueryBehavior(): never {
  throw notBuiltIn('A TanStack infinite query');
}
