import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, clip } from './clean-text.ts';

describe('cleanText', () => {
  it.each([
    ['plain', 'plain'],
    ['abc\u202Etxt.exe', 'abc[U+202E]txt.exe'],
    ['a\u2066b\u2069c', 'a[U+2066]b[U+2069]c'],
    ['zero\u200Bwidth\u200C\u200D\uFEFF', 'zero[U+200B]width[U+200C][U+200D][U+FEFF]'],
    ['soft\u00ADhyphen', 'soft[U+00AD]hyphen'],
    ['bell\u0007 and nul\u0000', 'bell[U+0007] and nul[U+0000]'],
    ['tag\u{E0041}chars', 'tag[U+E0041]chars'],
    ['vs\uFE0Fx\u{E0100}', 'vs[U+FE0F]x[U+E0100]'],
    ['filler\u3164name', 'filler[U+3164]name'],
    ['private\uE000use', 'private[U+E000]use'],
    ['line\nbreak\ttab', 'line break tab'],
    ['Kiln\u0301\u0302\u0303\u0304\u0305\u0306 Rollup', 'Kiln\u0301\u0302\u0303 Rollup'],
    ['Ünïcødé names stay', 'Ünïcødé names stay'],
    ['中文 العربية עברית', '中文 العربية עברית'],
  ])('cleans %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps line breaks and tabs in multi-line text, and normalises CRLF', () => {
    expect(cleanText('a\r\nb\tc\rd\u202Ee', { multiline: true })).toBe('a\nb\tc\nd[U+202E]e');
  });

  it('leaves no hidden or reordering character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = cleanText(s);
        expect(out).not.toMatch(/[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u);
        expect(out).not.toMatch(/\p{M}{4}/u);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('clip', () => {
  it('keeps text within the bound, and cuts longer text to the bound with an ellipsis, never inside a character', () => {
    expect(clip('short', 5)).toBe('short');
    expect(clip('longer', 5)).toBe('long…');
    expect([...clip('😀'.repeat(10), 4)]).toEqual(['😀', '😀', '😀', '…']);
  });
});
