/**
 * Operator metadata (name, website, description, logo) from an operator's metadata URI. It is
 * untrusted chain-sourced text: only plain strings of bounded length survive, cleaned like every
 * chain-sourced string (clean-text.ts), and it is only ever rendered as text. Inline `data:` JSON is
 * decoded here; remote URIs are fetched by the staking feature.
 */
import { cleanText } from './clean-text.ts';
import { safeExternalLink } from './external-link.ts';
import * as m from '../i18n/messages.ts';
export interface OperatorMetadata {
  name?: string;
  website?: string;
  description?: string;
  logo?: string;
}

/** Metadata, or the reason there is none, worded to be shown next to the operator. */
export type MetadataResult = { metadata: OperatorMetadata } | { problem: string };

/** The same, the reason as its message: worded when read, so a decode kept below follows the language. */
type Decoded = { metadata: OperatorMetadata } | { problem: () => string };

const worded = (result: Decoded): MetadataResult => ('problem' in result ? { problem: result.problem() } : result);

const LIMITS = { name: 80, website: 200, description: 1_000, logo: 100_000 };
/** An inline URI larger than this is refused before decoding. */
export const MAX_INLINE_URI = 200_000;

/** Keeps only string fields within their limits; a website must be http(s), a logo an image data URI. */
export function sanitizeMetadata(data: unknown): OperatorMetadata | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = data as Record<string, unknown>;
  const text = (key: keyof typeof LIMITS) => {
    const value = raw[key];
    return typeof value === 'string' && value.trim() && value.length <= LIMITS[key] ? value.trim() : undefined;
  };
  const website = text('website');
  const logo = text('logo');
  const name = text('name');
  const description = text('description');
  const metadata: OperatorMetadata = {
    name: name && cleanText(name),
    description: description && cleanText(description, { multiline: true }),
    // Only a link the leave-the-app dialog will open: https, or http to this machine.
    website: website && safeExternalLink(website) ? website : undefined,
    logo: logo && /^data:image\/(png|jpeg|webp|gif|svg\+xml);base64,[a-z0-9+/=]+$/i.test(logo) ? logo : undefined,
  };
  return Object.values(metadata).some(Boolean) ? metadata : undefined;
}

/** Parses metadata JSON text; a problem says what is wrong with it. */
export function parseMetadataJson(json: string): MetadataResult {
  return worded(parseJson(json));
}

function parseJson(json: string): Decoded {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { problem: m.errors_operator_metadata_not_json };
  }
  const metadata = sanitizeMetadata(data);
  return metadata ? { metadata } : { problem: m.errors_operator_metadata_unusable };
}

/** Reads an inline `data:application/json` URI (base64 or percent-encoded). */
export function readInlineMetadata(uri: string): MetadataResult {
  // A URI always reads the same: the directory and every row showing the operator share one decode.
  let result = inlineCache.get(uri);
  if (!result) {
    if (inlineCache.size >= INLINE_CACHE_SIZE) inlineCache.delete(inlineCache.keys().next().value!);
    result = decodeInline(uri);
    inlineCache.set(uri, result);
  }
  return worded(result);
}

const INLINE_CACHE_SIZE = 2_000;
const inlineCache = new Map<string, Decoded>();

function decodeInline(uri: string): Decoded {
  const match = /^data:application\/json(;charset=[\w-]+)?(;base64)?,(.*)$/is.exec(uri);
  if (!match) return { problem: m.errors_operator_metadata_not_data_uri };
  if (uri.length > MAX_INLINE_URI) {
    const size = Math.round(uri.length / 1024);
    return { problem: () => m.errors_operator_metadata_too_large({ size }) };
  }
  let json: string;
  try {
    json = match[2]
      ? new TextDecoder().decode(Uint8Array.from(atob(match[3]), (c) => c.charCodeAt(0)))
      : decodeURIComponent(match[3]);
  } catch {
    return { problem: m.errors_operator_metadata_bad_encoding };
  }
  return parseJson(json);
}

/** Inline metadata when the URI carries valid metadata; undefined otherwise (rows then show the address). */
export function decodeInlineMetadata(uri: string): OperatorMetadata | undefined {
  const result = readInlineMetadata(uri);
  return 'metadata' in result ? result.metadata : undefined;
}
