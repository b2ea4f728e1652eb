/** Loads an operator's metadata: inline data: URIs decoded at once, https URIs fetched with a size cap. */
import { decodeInlineMetadata, sanitizeMetadata, type OperatorMetadata } from '../../lib/format/operator-metadata.ts';

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
 * Undefined for anything that is not valid metadata: the row then shows the operator's address.
 * Remote metadata is read only from allowed origins: any other host would learn who reads the page.
 */
export async function loadOperatorMetadata(
  uri: string,
  allowedOrigins: string[],
): Promise<OperatorMetadata | undefined> {
  if (uri.startsWith('data:')) return decodeInlineMetadata(uri);
  if (!fetchableMetadata(uri, allowedOrigins)) return undefined;
  const response = await fetch(uri, {
    signal: AbortSignal.timeout(5_000),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const text = await response.text();
  if (!response.ok || text.length > MAX_BYTES) return undefined;
  try {
    return sanitizeMetadata(JSON.parse(text));
  } catch {
    return undefined;
  }
}
