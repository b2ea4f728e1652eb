/**
 * What a compiled message needs at run time, in plain TypeScript so that any module may import the
 * messages (scripts and tests outside Svelte's compiler included): the language shown and its loaded
 * messages come from the source `locale.svelte.ts` connects as the app starts. Before that, and where
 * nothing connects (a script in Node), every message is its English.
 */
import { BASE_LOCALE, tagOf, type Locale } from './locales.ts';

/** A language's loaded messages by id (each section's file adds its own). */
export type Table = Record<number, string | ((i: never) => string)>;

export interface LocaleSource {
  /** The language shown (read as state by the app's source: what draws a message follows a change). */
  current(): Locale;
  /** Its messages loaded so far, read as state. */
  table(locale: Locale): Table | undefined;
  /** Starts loading the section holding message `id` (a message drawn meanwhile is English). */
  need(locale: Locale, id: number): void;
}

let source: LocaleSource | undefined;

/** Connects the app's language state; messages and formats read it from then on. */
export function connectLocale(next: LocaleSource) {
  source = next;
}

/** The language shown. */
export const currentLocale = (): Locale => source?.current() ?? BASE_LOCALE;

/**
 * The BCP 47 tag `Intl` formats with: the language shown's, or for English the browser's own
 * (undefined), so an English reader whose browser writes "1.234,5" reads and types amounts as always.
 */
export const intlTag = (): string | undefined => {
  const locale = currentLocale();
  return locale === BASE_LOCALE ? undefined : tagOf(locale);
};

const call = (text: string | ((i: never) => string), input: never) => (typeof text === 'string' ? text : text(input));

/**
 * Message `id`: `english` (compiled from the catalogue: the text itself when it has no variables), or
 * the shown language's once its section is loaded; a section not loaded yet is asked for, and the
 * message is drawn again when it arrives.
 */
export function message(id: number, english: string): () => string;
export function message<F extends (...args: never[]) => string>(id: number, english: F): F;
export function message(id: number, english: string | ((i: never) => string)) {
  return (input: never) => {
    const target = currentLocale();
    if (target === BASE_LOCALE || !source) return call(english, input);
    const own = source.table(target)?.[id];
    if (own === undefined) source.need(target, id);
    return call(own ?? english, input);
  };
}
