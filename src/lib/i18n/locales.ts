/**
 * The app's languages: English, the catalogue's source, and the languages of the exchanges many
 * holders trade ALT on. Each is named in itself in the menu; `tag` is its BCP 47 tag for `<html lang>`
 * and for `Intl`.
 */
export const LOCALES = [
  { id: 'en', tag: 'en', name: 'English' },
  { id: 'zh', tag: 'zh-CN', name: '简体中文' },
  { id: 'ko', tag: 'ko', name: '한국어' },
  { id: 'ja', tag: 'ja', name: '日本語' },
] as const;

export type Locale = (typeof LOCALES)[number]['id'];
export const BASE_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.some((l) => l.id === value);
export const tagOf = (locale: Locale): string => LOCALES.find((l) => l.id === locale)!.tag;

/**
 * The catalogue's language for a BCP 47 tag the browser prefers, if it has one: by its language
 * (`ko-KR` → `ko`). Chinese in Traditional script (`zh-Hant`, or Taiwan's, Hong Kong's and Macao's
 * `zh` without a script) is not matched: the catalogue is Simplified, so the next preference decides.
 */
export function localeOfTag(tag: string): Locale | undefined {
  const parts = tag.toLowerCase().split(/[-_]/);
  const language = parts[0];
  if (language === 'zh') {
    const script = parts.find((p) => p.length === 4);
    if (script === 'hant') return undefined;
    if (!script && parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return undefined;
  }
  return isLocale(language) ? language : undefined;
}

/**
 * The language a visit opens in: the link's `lang` parameter, else the one chosen before in this
 * browser, else the first of the browser's preferred languages the catalogue has, else English.
 */
export function chooseLocale(from: {
  param?: string | null;
  stored?: string | null;
  preferred?: readonly string[];
}): Locale {
  if (isLocale(from.param)) return from.param;
  if (isLocale(from.stored)) return from.stored;
  for (const tag of from.preferred ?? []) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return BASE_LOCALE;
}
