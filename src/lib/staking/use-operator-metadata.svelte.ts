/** An operator's metadata as reactive state: inline URIs at once, remote ones through one shared query. */
import { createQuery } from '@tanstack/svelte-query';
import { readInlineMetadata, type MetadataResult } from '../format/operator-metadata.ts';
import { useApp } from '../session/app-state.svelte.ts';
import { operatorMetadataQuery } from './operator-metadata.ts';

export function useOperatorMetadata(uri: () => string) {
  const app = useApp();
  const inline = $derived(uri().startsWith('data:') ? readInlineMetadata(uri()) : undefined);
  const remote = createQuery(() => ({
    ...operatorMetadataQuery(uri(), app.config.metadataOrigins),
    enabled: !inline,
  }));
  const result = $derived<MetadataResult | undefined>(inline ?? remote.data);
  return {
    get metadata() {
      return result && 'metadata' in result ? result.metadata : undefined;
    },
    get problem() {
      return result && 'problem' in result ? result.problem : undefined;
    },
  };
}
