/**
 * Markdown from untrusted chain text, parsed to tokens that Svelte renders as elements and text.
 * Nothing here produces an HTML string: raw HTML in the source shows as literal text, links keep only
 * http(s) and mailto targets, and images are never fetched without the reader's click.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { cleanText } from '../format/clean-text.ts';

/** Longer descriptions are cut: a 1 MB proposal must not freeze the page. */
export const MAX_MARKDOWN_CHARS = 100_000;
/**
 * Deepest block nesting kept (quotes inside quotes, lists inside lists). Deeper markers stay as text:
 * the lexer recurses once per level, and a few thousand `>` would otherwise overflow its stack.
 */
export const MAX_NESTING = 8;
/** Deepest token tree rendered: the renderer recurses once per level too. */
const MAX_TOKEN_DEPTH = 16;

export type { Token, Tokens };

export interface ParsedMarkdown {
  tokens: Token[];
  truncated: boolean;
  /** The text could not be parsed as markdown and is shown as plain text. */
  plain: boolean;
}

/** Deepest indentation kept, in columns: list nesting by indentation stays within MAX_NESTING. */
const MAX_INDENT = MAX_NESTING * 2;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * One line with its block markers (quote `>`, bullet `-*+`, ordered `1.`) counted from its start: the
 * first marker past MAX_NESTING is escaped, which ends the nesting (what follows is no longer at a line
 * start), and indentation past MAX_INDENT columns is cut. A plain scan, not a regular expression: a
 * backtracking pattern over thousands of markers overflows the regex engine's stack too.
 */
function limitLine(line: string): string {
  let indent = 0;
  let i = 0;
  while (isSpace(line[i])) indent += line[i++] === '\t' ? 4 : 1;
  if (indent > MAX_INDENT) line = ' '.repeat(MAX_INDENT) + line.slice(i);
  let depth = 0;
  let at = 0;
  while (at < line.length) {
    let j = at;
    while (isSpace(line[j])) j++;
    let end = -1;
    if (line[j] === '>') end = j;
    else if ('-*+'.includes(line[j] ?? 'x') && isSpace(line[j + 1])) end = j;
    else {
      let k = j;
      while (isDigit(line[k]) && k - j < 9) k++;
      if (k > j && (line[k] === '.' || line[k] === ')') && isSpace(line[k + 1])) end = k;
    }
    if (end < 0) break;
    if (depth === MAX_NESTING) return `${line.slice(0, end)}\\${line.slice(end)}`;
    depth++;
    at = end + 1;
  }
  return line;
}

/**
 * Most emphasis delimiters (`*`, `_`, `~`) one paragraph may hold. The lexer pairs delimiters by
 * searching ahead from each one, so its time grows with delimiters times paragraph length: 33,000 of
 * them in 100 KB took 12 s. Past this many (no real prose needs more) the paragraph is shown as
 * preformatted text, exactly as written, without inline parsing.
 */
const MAX_DELIMITERS = 500;
const DELIMITER = /[*_~]/g;

/** Escapes every emphasis delimiter of a paragraph that has more than MAX_DELIMITERS of them. */
function limitDelimiters(lines: string[]): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  let count = 0;
  let fenced = false;
  const flush = () => {
    if (count > MAX_DELIMITERS) {
      // A fence longer than any backtick run inside, so nothing in the paragraph can close it.
      const longest = Math.max(0, ...paragraph.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      out.push(fence, ...paragraph, fence);
    } else out.push(...paragraph);
    paragraph = [];
    count = 0;
  };
  for (const line of lines) {
    // Code blocks keep their text exactly: escapes would show there.
    if (/^ {0,3}(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      out.push(line);
    } else if (fenced) out.push(line);
    else if (line.trim() === '') {
      flush();
      out.push(line);
    } else {
      paragraph.push(line);
      count += line.match(DELIMITER)?.length ?? 0;
    }
  }
  flush();
  return out;
}

/**
 * Makes untrusted markdown cheap and shallow to parse: nesting deeper than MAX_NESTING and paragraphs
 * dense with emphasis delimiters become literal text. The words all stay; only their markup goes.
 */
export function limitNesting(text: string): string {
  return limitDelimiters(text.split('\n').map(limitLine)).join('\n');
}

/** Tokens nested deeper than the renderer should recurse are shown as their source text. */
function capDepth(tokens: Token[], depth = 0): Token[] {
  return tokens.map((token) => {
    if (depth >= MAX_TOKEN_DEPTH) return { type: 'text', raw: token.raw, text: token.raw } as Token;
    const t = token as Token & { tokens?: Token[]; items?: Tokens.ListItem[] };
    if (t.tokens) t.tokens = capDepth(t.tokens, depth + 1);
    if (t.items) for (const item of t.items) item.tokens = capDepth(item.tokens, depth + 1);
    return t;
  });
}

const plainText = (text: string): Token[] => [
  { type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text }] } as Token,
];

/** Parses untrusted markdown to tokens; never throws: what cannot be parsed comes back as plain text. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const truncated = source.length > MAX_MARKDOWN_CHARS;
  const text = truncated ? source.slice(0, MAX_MARKDOWN_CHARS) : source;
  try {
    const tokens = new Lexer({ gfm: true, breaks: false }).lex(limitNesting(text));
    return { tokens: capDepth(tokens), truncated, plain: false };
  } catch {
    return { tokens: plainText(text), truncated, plain: true };
  }
}

/** Text from a markdown token, as every chain-sourced string is shown (see clean-text.ts). */
export const revealInvisible = (text: string): string => cleanText(text, { multiline: true });

/** A token's children (emphasis, a link's text, a paragraph's runs), read without trusting its type. */
export const childrenOf = (token: Token): Token[] | undefined =>
  'tokens' in token && Array.isArray(token.tokens) ? token.tokens : undefined;

/** A token's text (a code span's, an image's alt), else its raw source. */
export const textOf = (token: Token): string =>
  'text' in token && typeof token.text === 'string' ? token.text : token.raw;

/** A link's or an image's target as written (checked by safeLink before it is used). */
export const hrefOf = (token: Token): string => ('href' in token && typeof token.href === 'string' ? token.href : '');
