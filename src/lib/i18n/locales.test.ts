import { describe, expect, it } from 'vitest';
import { chooseLocale, localeOfTag, LOCALES } from './locales.ts';

describe('localeOfTag', () => {
  it("matches a browser's tag by its language", () => {
    expect(localeOfTag('ko-KR')).toBe('ko');
    expect(localeOfTag('ja')).toBe('ja');
    expect(localeOfTag('en-GB')).toBe('en');
    expect(localeOfTag('zh-CN')).toBe('zh');
    expect(localeOfTag('zh-Hans-SG')).toBe('zh');
    expect(localeOfTag('zh')).toBe('zh');
  });

  it('leaves Chinese in Traditional script to the next preference: the catalogue is Simplified', () => {
    expect(localeOfTag('zh-TW')).toBeUndefined();
    expect(localeOfTag('zh-HK')).toBeUndefined();
    expect(localeOfTag('zh-Hant')).toBeUndefined();
    expect(localeOfTag('zh_Hant_TW')).toBeUndefined();
    // A script named overrides the region.
    expect(localeOfTag('zh-Hans-HK')).toBe('zh');
  });

  it('has no language for tags the catalogue lacks or that are not tags', () => {
    expect(localeOfTag('de-DE')).toBeUndefined();
    expect(localeOfTag('')).toBeUndefined();
    expect(localeOfTag('__proto__')).toBeUndefined();
  });
});

describe('chooseLocale', () => {
  it("takes the link's parameter first, then this browser's earlier choice, then its preferences", () => {
    expect(chooseLocale({ param: 'ja', stored: 'ko', preferred: ['zh-CN'] })).toBe('ja');
    expect(chooseLocale({ param: null, stored: 'ko', preferred: ['zh-CN'] })).toBe('ko');
    expect(chooseLocale({ stored: null, preferred: ['de', 'zh-TW', 'ko-KR', 'ja'] })).toBe('ko');
  });

  it('ignores a parameter or stored value that is not one of its languages, and falls back to English', () => {
    expect(chooseLocale({ param: 'xx', stored: '<script>', preferred: ['fr'] })).toBe('en');
    expect(chooseLocale({ param: 'KO', preferred: [] })).toBe('en');
    expect(chooseLocale({})).toBe('en');
  });

  it('names each language in itself, with a tag Intl knows', () => {
    for (const l of LOCALES) {
      expect(Intl.NumberFormat.supportedLocalesOf([l.tag])).toEqual([l.tag]);
      expect(new Intl.DisplayNames([l.tag], { type: 'language' }).of(l.id)).toBeTruthy();
    }
    expect(LOCALES.map((l) => l.name)).toEqual(['English', '简体中文', '한국어', '日本語']);
  });
});
