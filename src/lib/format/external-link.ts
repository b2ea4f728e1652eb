/**
 * The rule for every link that came from the chain or from operator metadata: only https (http only
 * to this machine, for local testing), opened in a new tab after the leave-the-app dialog, which shows
 * the full host as the URL parser reads it (punycode for look-alike Unicode hosts).
 */
export interface ExternalLink {
  href: string;
  /** The host as the browser will contact it (`xn--…` for internationalised names). */
  host: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The link if it may be offered, else undefined (shown as plain text instead). */
export function safeExternalLink(raw: string): ExternalLink | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    return { href: url.href, host: url.host };
  }
  return undefined;
}
