/** Loads an operator's metadata: inline data: URIs decoded at once, https URIs fetched with a size cap. */
import { decodeInlineMetadata, sanitizeMetadata, type OperatorMetadata } from '../../lib/format/operator-metadata.ts';

const MAX_BYTES = 64 * 1024;

/** Undefined for anything that is not valid metadata: the row then shows the operator's address. */
export async function loadOperatorMetadata(uri: string): Promise<OperatorMetadata | undefined> {
  if (uri.startsWith('data:')) return decodeInlineMetadata(uri);
  if (!/^https:\/\//i.test(uri)) return undefined;
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
