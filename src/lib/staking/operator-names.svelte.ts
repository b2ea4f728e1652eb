/**
 * The names operators are shown by, resolved once for a whole list: inline metadata at once, remote
 * metadata through the same cached queries each row's name reads. Search, sort, pickers and the
 * look-alike check all use exactly what the user sees.
 */
import { createQueries } from '@tanstack/svelte-query';
import type { Address } from 'viem';
import { readInlineMetadata, type MetadataResult, type OperatorMetadata } from '../format/operator-metadata.ts';
import { lookalikeNames } from '../format/address-identity.ts';
import { useApp } from '../session/app-state.svelte.ts';
import { fetchableMetadata, operatorMetadataQuery } from './operator-metadata.ts';

export interface NamedOperator {
  operator: Address;
  metadataURI: string;
}

/** The browser's next idle moment (a task, where it has no idle callbacks: Safari). */
const idle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 1_000 })
      : setTimeout(resolve, 0),
  );

export function useOperatorNames(operators: () => NamedOperator[]) {
  const app = useApp();
  const remote = $derived(
    operators().filter(
      (o) => !o.metadataURI.startsWith('data:') && fetchableMetadata(o.metadataURI, app.config.metadataOrigins),
    ),
  );
  const queries = createQueries(() => ({
    queries: remote.map((o) => operatorMetadataQuery(o.metadataURI, app.config.metadataOrigins)),
  }));
  const uris = $derived(new Map(operators().map((o) => [o.operator, o.metadataURI])));
  const remoteResults = $derived.by(() => {
    const byUri = new Map<string, MetadataResult | undefined>();
    remote.forEach((o, i) => byUri.set(o.metadataURI, queries[i]?.data));
    return byUri;
  });
  // A name is read when a row asks for it (inline metadata decodes once per URI, see
  // readInlineMetadata): a page of 25 rows decodes 25, not the whole directory.
  const metadataOf = (address: Address): OperatorMetadata | undefined => {
    const uri = uris.get(address);
    if (!uri) return undefined;
    const result = uri.startsWith('data:') ? readInlineMetadata(uri) : remoteResults.get(uri);
    return result && 'metadata' in result ? result.metadata : undefined;
  };
  const nameOf = (address: Address): string | undefined => metadataOf(address)?.name;
  // The look-alike scan needs every name; it runs while the browser is idle, after the rows have
  // drawn (their tasks come first), reading names a hundred at a time, and flags rows when it is done.
  let lookalikes = $state<(address: Address) => Address[]>(() => []);
  $effect(() => {
    const list = operators();
    void remoteResults; // and again whenever a remote name arrives
    let cancelled = false;
    void (async () => {
      const named: { address: Address; name?: string }[] = [];
      for (let i = 0; i < list.length; i += 100) {
        await idle();
        if (cancelled) return;
        for (const o of list.slice(i, i + 100)) named.push({ address: o.operator, name: nameOf(o.operator) });
      }
      await idle();
      if (!cancelled) lookalikes = lookalikeNames(named);
    })();
    return () => {
      cancelled = true;
    };
  });
  return {
    /** The name shown for `address`, if its metadata has one. */
    name: nameOf,
    /** `address`'s metadata, as far as it is known (rows read it here rather than each querying). */
    metadata: metadataOf,
    /** Operators whose names could pass for this one's. */
    lookalikes: (address: Address) => lookalikes(address),
  };
}
