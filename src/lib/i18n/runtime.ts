/**
 * What a compiled message needs at run time, in plain TypeScript so that any module may import the
 * messages (scripts and tests outside Svelte's compiler included): the language shown and its loaded
 * tables come from the source `locale.svelte.ts` connects as the app starts. Before that, and where
 * nothing connects (a script in Node), every message is its English.
 */
import { BASE_LOCALE, tagOf, type Locale } from './locales.ts';

export type Table = Record<number, (i: never) => string>;

export interface LocaleSource {
  /** The language shown (read as state by the app's source: what draws a message follows a change). */
  current(): Locale;
  /** Its table for `section`, if loaded. */
  table(locale: Locale, section: string): Table | undefined;
  /** Starts loading that table (a message drawn meanwhile is English). */
  need(locale: Locale, section: string): void;
}

let source: LocaleSource | undefined;

/** Connects the app's language state; messages and formats read it from then on. */
export function connectLocale(next: LocaleSource) {
  source = next;
}

/** The language shown. */
export const currentLocale = (): Locale => source?.current() ?? BASE_LOCALE;

/** The BCP 47 tag `Intl` formats with for the language shown. */
export const intlTag = () => tagOf(currentLocale());

/**
 * A message: `english` (compiled from the catalogue), or the shown language's text once its section
 * is loaded; a section not loaded yet is asked for, and the message is drawn again when it arrives.
 */
export function message<F extends (...args: never[]) => string>(section: string, id: number, english: F): F {
  return ((input: never) => {
    const target = currentLocale();
    if (target === BASE_LOCALE || !source) return english(input);
    const table = source.table(target, section);
    if (!table) source.need(target, section);
    return ((table?.[id] as F | undefined) ?? english)(input);
  }) as F;
}
