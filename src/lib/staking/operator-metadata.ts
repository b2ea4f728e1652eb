/** Loads an operator's metadata: inline data: URIs decoded at once, https URIs fetched with a size cap. */
import { parseMetadataJson, readInlineMetadata, type MetadataResult } from '../format/operator-metadata.ts';
import { cache } from '../query/presets.ts';
import { fetchText } from '../net/fetch-text.ts';
import * as m from '../i18n/messages.ts';

const MAX_BYTES = 64 * 1024;

/** Whether the app fetches `uri`: https on an origin the config allows (and the CSP permits). */
export function fetchableMetadata(uri: string, allowedOrigins: string[]): boolean {
  if (!/^https:\/\//i.test(uri)) return false;
  try {
    return allowedOrigins.includes(new URL(uri).origin);
  } catch {
    return false;
  }
}

/**
 * Metadata or the reason there is none. Remote metadata is read only from allowed origins: any
 * other host would learn who reads the page.
 */
export async function loadOperatorMetadata(uri: string, allowedOrigins: string[]): Promise<MetadataResult> {
  if (uri === '') return { problem: m.errors_operator_metadata_none() };
  if (uri.startsWith('data:')) return readInlineMetadata(uri);
  if (!fetchableMetadata(uri, allowedOrigins)) {
    return { problem: m.errors_operator_metadata_not_fetched() };
  }
  try {
    const text = await fetchText(uri, m.errors_operator_metadata_what(), {
      maxBytes: MAX_BYTES,
      timeoutMs: 5_000,
      init: { credentials: 'omit', referrerPolicy: 'no-referrer' },
    });
    return parseMetadataJson(text);
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** The one query both the operator's name and its page read, so the URI is resolved once. */
export const operatorMetadataQuery = (uri: string, allowedOrigins: string[]) => ({
  queryKey: ['operator-metadata', { uri }],
  queryFn: () => loadOperatorMetadata(uri, allowedOrigins),
  ...cache.immutable,
  retry: 0,
});
