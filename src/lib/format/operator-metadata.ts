/**
 * Operator metadata (name, website, description, logo) from an operator's metadata URI. It is
 * untrusted chain-sourced text: only plain strings of bounded length survive, and it is only ever
 * rendered as text. Inline `data:` JSON is decoded here; remote URIs are fetched by the staking feature.
 */
export interface OperatorMetadata {
  name?: string;
  website?: string;
  description?: string;
  logo?: string;
}

const LIMITS = { name: 80, website: 200, description: 1_000, logo: 100_000 };

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
  const metadata: OperatorMetadata = {
    name: text('name'),
    description: text('description'),
    website: website && /^https?:\/\//i.test(website) ? website : undefined,
    logo: logo && /^data:image\/(png|jpeg|webp|gif|svg\+xml);base64,[a-z0-9+/=]+$/i.test(logo) ? logo : undefined,
  };
  return Object.values(metadata).some(Boolean) ? metadata : undefined;
}

/** Decodes an inline `data:application/json` URI (base64 or percent-encoded); undefined otherwise. */
export function decodeInlineMetadata(uri: string): OperatorMetadata | undefined {
  const match = /^data:application\/json(;charset=[\w-]+)?(;base64)?,(.*)$/is.exec(uri);
  if (!match || uri.length > 200_000) return undefined;
  try {
    const json = match[2]
      ? new TextDecoder().decode(Uint8Array.from(atob(match[3]), (c) => c.charCodeAt(0)))
      : decodeURIComponent(match[3]);
    return sanitizeMetadata(JSON.parse(json));
  } catch {
    return undefined;
  }
}
