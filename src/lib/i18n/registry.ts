/**
 * The functions Paraglide's compiled messages call for plurals and formatted values, through the app's
 * cached `Intl` formatters (a message in a list of 500 rows builds its rules once, not 500 times).
 */
import { numberFormat, dateTimeFormat, pluralRules } from '../format/intl.ts';
import { tagOf, type Locale } from './locales.ts';

export const plural = (locale: Locale, input: unknown, options?: Intl.PluralRulesOptions) =>
  pluralRules(tagOf(locale), options).select(Number(input));

export const number = (locale: Locale, input: unknown, options?: Intl.NumberFormatOptions) =>
  numberFormat(tagOf(locale), options).format(Number(input));

export const datetime = (locale: Locale, input: unknown, options?: Intl.DateTimeFormatOptions) =>
  dateTimeFormat(tagOf(locale), options).format(new Date(input as string));
