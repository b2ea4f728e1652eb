/**
 * Intl formatters, built once per locale and options: building one costs far more than formatting with
 * it (a directory of 500 operators spent 90 ms of a phone's main thread on constructors alone). Without
 * a locale they format for the language the app is shown in (read as state, so what formats is drawn
 * again when the language changes).
 */
import { intlTag } from '../i18n/runtime.ts';

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules;
const cache = new Map<string, Formatter>();

function memo<T extends Formatter>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export const numberFormat = (locale: string | undefined = intlTag(), options: Intl.NumberFormatOptions = {}) =>
  memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale: string | undefined = intlTag(), options: Intl.DateTimeFormatOptions = {}) =>
  memo(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const pluralRules = (locale: string | undefined = intlTag(), options: Intl.PluralRulesOptions = {}) =>
  memo(`p|${locale}|${JSON.stringify(options)}`, () => new Intl.PluralRules(locale, options));
