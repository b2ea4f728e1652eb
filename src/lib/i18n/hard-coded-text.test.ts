/**
 * Every sentence a component draws comes from the message catalogue: a component whose markup,
 * text attributes or script hold English of their own fails here, with the file and the text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../', import.meta.url).pathname;

/** Names and symbols shown as they are in every language. */
const UNTRANSLATED = /\b(ALT|wALT|stALT|ETH|BNB|VITAL|MACH|SQUAD|AltLayer|Safe|RPC|UTC|CSV|JSON|ID|0x)\b/g;

/** Attributes a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Text a reader would read: letters left once the untranslated names are taken out. */
const readable = (text: string) => /\p{L}{2,}/u.test(text.replace(UNTRANSLATED, ''));

/** A string in code that reads as a sentence or a label: words with a space, or ending as sentences do. */
const prose = (text: string) =>
  readable(text) && (/^\p{Lu}\p{Ll}+\s+\p{L}/u.test(text.trim()) || /\p{L}[.…:?!]$/u.test(text.trim()));

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return components(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

type Node = { type: string; start?: number; [key: string]: unknown };

/** Every hard-coded text in one component, as `line: text`. */
export function hardCodedText(source: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node; instance?: Node; module?: Node };
  const found: string[] = [];
  const line = (node: Node) => source.slice(0, node.start ?? 0).split('\n').length;
  const report = (node: Node, text: string) => found.push(`${line(node)}: ${text.trim().replace(/\s+/g, ' ')}`);

  /** String literals and template text inside an expression. */
  const strings = (node: unknown, test: (text: string) => boolean) => {
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      const node = n as Node;
      if (node.type === 'Literal' && typeof node.value === 'string' && test(node.value)) report(node, node.value);
      if (node.type === 'TemplateElement') {
        const raw = (node.value as { cooked?: string }).cooked ?? '';
        if (test(raw)) report(node, raw);
      }
      // Keys of objects and imports are code, not text.
      if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || (node.type === 'Property' && key === 'key') || key === 'metadata') continue;
        walk(value);
      }
    };
    walk(node);
  };

  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const node = n as Node;
    if (node.type === 'Text' && readable(node.data as string)) report(node, node.data as string);
    if (node.type === 'Comment') return;
    if (node.type === 'Attribute') {
      const value = node.value;
      const parts = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
      for (const part of parts as Node[]) {
        if (!TEXT_ATTRIBUTES.has(node.name as string)) continue;
        if (part.type === 'Text' && readable(part.data as string)) report(part, part.data as string);
        if (part.type === 'ExpressionTag') strings(part.expression, readable);
      }
      return;
    }
    if (node.type === 'ExpressionTag') {
      strings(node.expression, prose);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && key !== 'metadata') walk(value);
  };
  walk(ast.fragment);
  for (const script of [ast.instance, ast.module]) if (script) strings(script.content, prose);
  return found;
}

describe('hardCodedText', () => {
  it('finds text in markup, in attributes people read and in sentences in code, and nothing else', () => {
    const found = hardCodedText(`<script lang="ts">
  import * as m from './messages.ts';
  const label = 'Stake your ALT';
  const key = 'Escape';
  const css = 'secondary menu-toggle';
</script>
<h1 class="page-title" data-testid="heading">{m.staking_title()}</h1>
<p>Staked</p>
<p>{amount} ALT · {percent}%</p>
<button aria-label="Close" title={busy ? 'Working…' : m.ok()}>×</button>
<input placeholder="0.0" type="text" />
<!-- A comment is not text. -->
<p>{busy ? 'Sending…' : ''}</p>`);
    expect(found).toEqual(['8: Staked', '10: Close', '10: Working…', '13: Sending…', '3: Stake your ALT']);
  });
});

describe('components', () => {
  it('draw no text of their own: every sentence comes from the message catalogue', () => {
    const offending = components(SRC).flatMap((file) =>
      hardCodedText(readFileSync(file, 'utf8')).map((text) => `${relative(SRC, file)}:${text}`),
    );
    expect(offending).toEqual([]);
  });
});
