import { describe, expect, it } from 'vitest';
import { parseLinks, statementExcerpt, statementProblem } from './statements.ts';

describe('statementProblem', () => {
  it('accepts a statement within the registry limits with https links', () => {
    expect(statementProblem('I vote for audits.', ['https://forum.example/u/me'])).toBeUndefined();
    expect(statementProblem('é'.repeat(4096), [])).toBeUndefined();
  });

  it('counts bytes, not characters, and refuses what the registry would revert', () => {
    expect(statementProblem('é'.repeat(4097), [])).toBe('The statement is 8,194 bytes; at most 8,192.');
    expect(statementProblem('', Array(6).fill('https://a.example'))).toBe('At most 5 links.');
    expect(statementProblem('', [`https://a.example/${'x'.repeat(190)}`])).toBe('Each link can be at most 200 bytes.');
  });

  it('refuses links that are not https', () => {
    for (const link of ['javascript:alert(1)', 'http://plain.example', 'forum.example', 'data:text/html,x'])
      expect(statementProblem('', [link])).toMatch(/^Links must be https addresses/);
  });
});

describe('parseLinks', () => {
  it('takes one link per line and ignores blank lines and spaces', () => {
    expect(parseLinks(' https://a.example \n\n https://b.example\n')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(parseLinks('')).toEqual([]);
  });
});

describe('statementExcerpt', () => {
  it('is the first line with text, markdown marks dropped', () => {
    expect(statementExcerpt('\n## Security **before** growth\n\nMore.')).toBe('Security before growth');
    expect(statementExcerpt('> quoted [a link](https://x.example) `code`')).toBe('quoted a link code');
    expect(statementExcerpt('- first item\n- second')).toBe('first item');
  });

  it('is chain text: what reorders or hides text is shown, not obeyed', () => {
    expect(statementExcerpt('Vote \u202Eyes\u202C for 0xab\u200Bcd')).toBe(
      'Vote [U+202E]yes[U+202C] for 0xab[U+200B]cd',
    );
  });

  it('cuts long lines at a character boundary with an ellipsis', () => {
    const excerpt = statementExcerpt('🗳️'.repeat(200), 10);
    expect([...excerpt]).toHaveLength(10);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(statementExcerpt('')).toBe('');
  });
});
