/**
 * The markdown path never throws, whatever a proposal's author writes: generated nesting (quotes,
 * lists, indentation, emphasis, brackets), long lines, huge tables and random bytes. How long it takes
 * is measured in the benchmark (`markdown_worst_ms`), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Lexer } from 'marked';
import { MAX_MARKDOWN_CHARS, parseMarkdown, type Token } from './markdown.ts';

/** How deep a token tree goes: what the renderer recurses through. */
function depthOf(tokens: Token[]): number {
  let max = 0;
  for (const token of tokens) {
    const t = token as Token & { tokens?: Token[]; items?: { tokens: Token[] }[] };
    const children = [...(t.tokens ?? []), ...(t.items ?? []).flatMap((i) => i.tokens)];
    max = Math.max(max, 1 + depthOf(children));
  }
  return max;
}

/** Sources built to recurse: one construct repeated `n` times. */
const nested = fc.record({
  unit: fc.constantFrom(
    '>',
    '> ',
    '- ',
    '* ',
    '1. ',
    '  ',
    '    - ',
    '*',
    '**',
    '_',
    '[',
    '](',
    '`',
    '~~',
    '<',
    '\\',
    '|',
    '#',
  ),
  n: fc.integer({ min: 1, max: 20_000 }),
  tail: fc.string({ maxLength: 20 }),
  lines: fc.integer({ min: 1, max: 3 }),
});

describe('markdown from hostile authors', () => {
  it('2,000 quote markers, which overflow the lexer, parse and render shallow', () => {
    const source = `${'>'.repeat(2_000)} deep`;
    expect(() => new Lexer({ gfm: true }).lex(source)).toThrow(/call stack/);
    const parsed = parseMarkdown(source);
    expect(parsed.plain).toBe(false);
    expect(depthOf(parsed.tokens)).toBeLessThanOrEqual(17);
    expect(JSON.stringify(parsed.tokens)).toContain('deep');
  });

  it('never throws and never nests deeper than the renderer allows, for any repeated construct', () => {
    fc.assert(
      fc.property(nested, ({ unit, n, tail, lines }) => {
        const line = `${unit.repeat(Math.ceil(n / unit.length))}${tail}`;
        const parsed = parseMarkdown(Array.from({ length: lines }, () => line).join('\n'));
        expect(depthOf(parsed.tokens)).toBeLessThanOrEqual(17);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('never throws on long lines, huge tables or random bytes', () => {
    const table = (rows: number, columns: number) =>
      [
        `|${' h |'.repeat(columns)}`,
        `|${' --- |'.repeat(columns)}`,
        ...Array.from({ length: rows }, (_, r) => `|${` ${r} |`.repeat(columns)}`),
      ].join('\n');
    for (const source of [
      'x'.repeat(MAX_MARKDOWN_CHARS),
      `${'word '.repeat(20_000)}`,
      table(3_000, 5),
      table(5, 3_000),
    ]) {
      expect(parseMarkdown(source).tokens.length).toBeGreaterThan(0);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4_000 }), (source) => {
        expect(Array.isArray(parseMarkdown(source).tokens)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('falls back to the text itself when it cannot be parsed', () => {
    const parsed = parseMarkdown('ok');
    expect(parsed.plain).toBe(false);
    expect(parseMarkdown('').tokens).toEqual([]);
  });
});
