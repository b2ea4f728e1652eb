import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_CHARS, parseMarkdown, revealInvisible } from './markdown.ts';
import { safeLink } from '../format/external-link.ts';

describe('markdown', () => {
  it('keeps only http(s) and mailto links', () => {
    expect(safeLink('https://forum.altlayer.io/t/1')).toEqual({
      kind: 'external',
      href: 'https://forum.altlayer.io/t/1',
      host: 'forum.altlayer.io',
    });
    expect(safeLink('mailto:gov@example.org').kind).toBe('mail');
    // A mail link names its recipients, decoded and cleaned, for the leave-the-app dialog.
    expect(safeLink('mailto:gov%40example.org,a%E2%80%AEb@x.example?subject=hi')).toMatchObject({
      kind: 'mail',
      to: 'gov@example.org, a[U+202E]b@x.example',
    });
    // Recipients in its fields are named too; a mail link naming nobody is no link.
    expect(safeLink('mailto:?to=x%40evil.example&cc=y@evil.example&BCC=z@evil.example&body=hi')).toMatchObject({
      kind: 'mail',
      to: 'x@evil.example, y@evil.example, z@evil.example',
    });
    expect(safeLink('mailto:?subject=hello').kind).toBe('none');
    // Plain http only to this machine; the host is shown as the browser reads it (punycode).
    expect(safeLink('http://127.0.0.1:4173/x.png').kind).toBe('external');
    expect(safeLink('https://аltlayer.io/').kind === 'external' && safeLink('https://аltlayer.io/')).toMatchObject({
      host: 'xn--ltlayer-1fg.io',
    });
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '/relative',
      '#x',
      'java\tscript:alert(1)',
      'http://forum.example.org/t/1',
      'https://user:pass@example.org/',
    ])
      expect(safeLink(bad).kind, bad).toBe('none');
  });

  it('lexes raw HTML as html tokens, which the renderer shows as text', () => {
    const { tokens } = parseMarkdown('<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)>');
    expect(tokens[0].type).toBe('html');
    expect(JSON.stringify(tokens)).toContain('onerror');
  });

  it('cuts very long sources', () => {
    expect(parseMarkdown('a'.repeat(MAX_MARKDOWN_CHARS + 5)).truncated).toBe(true);
    expect(parseMarkdown('short').truncated).toBe(false);
  });

  it('makes bidi overrides and zero-width characters visible', () => {
    expect(revealInvisible('abc\u202Etxt.exe')).toBe('abc[U+202E]txt.exe');
    expect(revealInvisible('plain')).toBe('plain');
  });
});
