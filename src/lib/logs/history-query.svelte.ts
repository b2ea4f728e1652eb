/**
 * A page that shows history reads it in two steps: what the app already has (the build's history
 * snapshot, checked against the chain, and the logs earlier visits stored) at once, labelled with
 * the block it reaches, then the same brought up to the head, which replaces it. A returning
 * visitor or a site with a snapshot sees the history in one round trip instead of waiting for
 * every window since; nothing is shown as newer than it is.
 */
import { createQuery } from '@tanstack/svelte-query';
import { cache } from '../query/presets.ts';
import type { HistoryUpTo } from './chain-logs.ts';
import * as m from '../i18n/messages.ts';

export interface HistoryQueryOptions<T> {
  /** The key of the up-to-date read (a per-block root); the stored read is kept beside it. */
  queryKey: readonly unknown[];
  /** Reads the page's data from the stored history (null if there is none yet) or up to the head. */
  read: (upTo: HistoryUpTo) => Promise<T | null>;
  enabled?: boolean;
}

export function historyQuery<T>(options: () => HistoryQueryOptions<T>) {
  const stored = createQuery(() => {
    const o = options();
    return {
      // Not under a per-block root: what is stored does not change with each block.
      queryKey: ['stored-history', ...o.queryKey],
      queryFn: async () => (await o.read('stored')) ?? null,
      enabled: o.enabled ?? true,
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      retry: false,
    };
  });
  const current = createQuery(() => {
    const o = options();
    return {
      queryKey: o.queryKey,
      queryFn: async () => {
        const value = await o.read('head');
        if (value === null) throw new Error(m.errors_history_query_failed());
        return value;
      },
      enabled: o.enabled ?? true,
      ...cache.perBlock,
    };
  });
  return {
    /** The newest data there is: up to the head once read, else what was stored. */
    get data(): T | undefined {
      return current.data ?? stored.data ?? undefined;
    },
    /** Whether the data reaches the head (else it reaches an older block, and the head is being read). */
    get current(): boolean {
      return current.data !== undefined;
    },
    get isError(): boolean {
      return current.isError;
    },
    get error(): Error | null {
      return current.error as Error | null;
    },
  };
}
