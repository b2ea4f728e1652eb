/**
 * The names operators are shown by, resolved once for a whole list: inline metadata at once, remote
 * metadata through the same cached queries each row's name reads. Search, sort, pickers and the
 * look-alike check all use exactly what the user sees.
 */
import { createQueries } from '@tanstack/svelte-query';
import type { Address } from 'viem';
import { readInlineMetadata, type MetadataResult } from '../../lib/format/operator-metadata.ts';
import { lookalikeNames } from '../../lib/format/address-identity.ts';
import { useApp } from '../../lib/web3/app-state.svelte.ts';
import { fetchableMetadata, operatorMetadataQuery } from './operator-metadata.ts';

export interface NamedOperator {
  operator: Address;
  metadataURI: string;
}

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
  const results = $derived.by(() => {
    const byUri = new Map<string, MetadataResult | undefined>();
    remote.forEach((o, i) => byUri.set(o.metadataURI, queries[i]?.data));
    return new Map(
      operators().map((o) => [
        o.operator,
        o.metadataURI.startsWith('data:') ? readInlineMetadata(o.metadataURI) : byUri.get(o.metadataURI),
      ]),
    );
  });
  const names = $derived(
    new Map(
      [...results].map(([address, result]) => [
        address,
        result && 'metadata' in result ? result.metadata.name : undefined,
      ]),
    ),
  );
  const lookalikes = $derived(lookalikeNames([...names].map(([address, name]) => ({ address, name }))));
  return {
    /** The name shown for `address`, if its metadata has one. */
    name: (address: Address) => names.get(address),
    /** Operators whose names could pass for this one's. */
    lookalikes: (address: Address) => lookalikes.get(address) ?? [],
  };
}
