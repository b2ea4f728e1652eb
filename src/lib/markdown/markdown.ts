/**
 * Markdown from untrusted chain text, parsed to tokens that Svelte renders as elements and text.
 * Nothing here produces an HTML string: raw HTML in the source shows as literal text, links keep only
 * http(s) and mailto targets, and images are never fetched without the reader's click.
 */
import { Lexer, type Token, type Tokens } from 'marked';

/** Longer descriptions are cut: a 1 MB proposal must not freeze the page. */
export const MAX_MARKDOWN_CHARS = 100_000;

export type { Token, Tokens };

export function parseMarkdown(source: string): { tokens: Token[]; truncated: boolean } {
  const truncated = source.length > MAX_MARKDOWN_CHARS;
  const text = truncated ? source.slice(0, MAX_MARKDOWN_CHARS) : source;
  return { tokens: new Lexer({ gfm: true, breaks: false }).lex(text), truncated };
}

export type SafeLink =
  { kind: 'external'; href: string; host: string } | { kind: 'mail'; href: string } | { kind: 'none' };

/** The only link targets kept: absolute http(s) URLs (behind a confirmation) and mailto. */
export function safeLink(raw: string): SafeLink {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'none' };
  }
  if (url.protocol === 'https:' || url.protocol === 'http:')
    return { kind: 'external', href: url.href, host: url.host };
  if (url.protocol === 'mailto:') return { kind: 'mail', href: url.href };
  return { kind: 'none' };
}

/** Characters that reorder or hide text (bidi overrides, zero-width): shown as visible escapes. */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\uFEFF]/g;

export const revealInvisible = (text: string): string =>
  text.replace(INVISIBLE, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
