/**
 * The rule for every link that came from the chain or from operator metadata: only https (http only
 * to this machine, for local testing) and mail addresses, followed only after the leave-the-app
 * dialog, which shows the full host as the URL parser reads it (punycode for look-alike Unicode
 * hosts) or whom a mail writes to. In the page such a link points at the app's own leave page
 * (`leaveHref`), never at the address itself: opened in a new tab from a context menu, a long press
 * or a drag, which no click handler sees, it still asks first.
 */
import { cleanText, clip } from './clean-text.ts';
import { LEAVE_PATH } from './leave-path.ts';

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

export type SafeLink =
  | { kind: 'external'; href: string; host: string }
  /** `to`: the address(es) it writes to, as shown in the leave-the-app dialog. */
  | { kind: 'mail'; href: string; to: string }
  | { kind: 'none' };

/** A mailto link's recipients (its address part and its to, cc and bcc fields), decoded and cleaned as chain text. */
function mailTo(url: URL): string {
  let address = url.pathname;
  try {
    address = decodeURIComponent(address);
  } catch {
    // Malformed escapes: shown as written.
  }
  const fields = [...url.searchParams].filter(([k]) => /^(to|cc|bcc)$/i.test(k)).map(([, v]) => v);
  const all = [address, ...fields]
    .flatMap((list) => list.split(','))
    .map((a) => a.trim())
    .filter(Boolean);
  return clip(cleanText(all.join(', ')), 160);
}

/** The only link targets kept: https URLs (http to this machine) and mailto, behind the leave-the-app dialog. */
export function safeLink(raw: string): SafeLink {
  const external = safeExternalLink(raw);
  if (external) return { kind: 'external', ...external };
  try {
    const url = new URL(raw.trim());
    // A mail link that names nobody writes to no one the reader could be told of: no link.
    if (url.protocol === 'mailto:') {
      const to = mailTo(url);
      return to ? { kind: 'mail', href: url.href, to } : { kind: 'none' };
    }
  } catch {
    // Not a URL at all: no link.
  }
  return { kind: 'none' };
}

/**
 * Where a chain-sourced link points in the page: the app's leave page for it. A click asks through the
 * dialog and never goes there; any other way of opening the link (a new tab from a context menu, a
 * long press, a drag) opens that page, which asks the same question.
 */
export const leaveHref = (href: string) => `#${LEAVE_PATH}?to=${encodeURIComponent(href)}`;
