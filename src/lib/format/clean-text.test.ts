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
    // An emoji's own selector and joiners stay; the same characters anywhere else are shown.
    ['⚠\uFE0F Risk ✅\uFE0F 1\uFE0F\u20E3', '⚠\uFE0F Risk ✅\uFE0F 1\uFE0F\u20E3'],
    ['👩\u200D💻 👨\u{1F3FD}\u200D🚀 ❤\uFE0F\u200D🔥', '👩\u200D💻 👨\u{1F3FD}\u200D🚀 ❤\uFE0F\u200D🔥'],
    ['⚠\uFE0F\uFE0F', '⚠\uFE0F[U+FE0F]'],
    ['pay\u200Dpal 🚀\u200Dx a\u200D🚀 1\uFE0F', 'pay[U+200D]pal 🚀[U+200D]x a[U+200D]🚀 1[U+FE0F]'],
    ['\u200D🚀 🚀\u200D', '[U+200D]🚀 🚀[U+200D]'],
    // Unassigned code points in the pictographic blocks are escaped, and so is what would join them.
    [
      '\u{1FC00}\u200D\u{1FC00} 🚀\u200D\u{1FC00} \u{1FC00}\uFE0F',
      '[U+1FC00][U+200D][U+1FC00] 🚀[U+200D][U+1FC00] [U+1FC00][U+FE0F]',
    ],
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
        // What may stay: an emoji's joiner between two pictographs.
        const out = cleanText(s).replace(
          /(?<=\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?)\u200D(?=\p{Extended_Pictographic})/gu,
          '',
        );
        expect(out).not.toMatch(/[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u);
        expect(out).not.toMatch(/\p{M}{4}/u);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a joiner or a presentation selector only inside an emoji, in strings made of emoji parts', () => {
    const parts = [
      '🚀',
      '👩',
      '⚠',
      '❤',
      '\u{1F3FD}',
      '\u{1FC00}',
      '\u200D',
      '\uFE0F',
      '\uFE0E',
      '\u20E3',
      '1',
      '#',
      'a',
      ' ',
      '\u202E',
    ];
    const PICTOGRAPH = /(?!\p{Cn})\p{Extended_Pictographic}/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 24 }), (chosen) => {
        const out = [...cleanText(chosen.join(''))];
        out.forEach((c, i) => {
          const before = out[i - 1] ?? '';
          const after = out[i + 1] ?? '';
          if (c === '\uFE0F')
            expect(PICTOGRAPH.test(before) || (/[#*0-9]/.test(before) && after === '\u20E3')).toBe(true);
          if (c === '\u200D') {
            const base = /^[\uFE0F\u{1F3FB}-\u{1F3FF}]$/u.test(before) ? (out[i - 2] ?? '') : before;
            expect(PICTOGRAPH.test(base) && PICTOGRAPH.test(after)).toBe(true);
          }
          expect(c).not.toMatch(/[\uFE0E\u202E\p{Cn}]/u);
        });
      }),
      { numRuns: 3_000 },
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
