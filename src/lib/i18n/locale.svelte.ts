/**
 * The language the app is shown in, and the messages it draws with.
 *
 * English is compiled into each message (see scripts/i18n.ts). Another language's messages come in
 * one file per section of the app, loaded for the sections this visit shows: before the first paint
 * for the shell and the page a link opens (so a Korean visitor never sees English first), with a
 * section's code when it is visited, and all of them before the language changes mid-visit. A message
 * whose section's file is not in yet (or failed to load) is shown in English and drawn again when it
 * arrives.
 *
 * The choice comes from the link's `lang` parameter, else this browser's earlier choice, else the
 * browser's preferred languages; it sets `<html lang>` and is kept in the address so a shared link
 * opens in the same language.
 */
import { untrack } from 'svelte';
import { storageKey } from '../storage/keys.ts';
import { BASE_LOCALE, chooseLocale, isLocale, tagOf, type Locale } from './locales.ts';
import { connectLocale, type Table } from './runtime.ts';

export { message, intlTag } from './runtime.ts';

let current = $state<Locale>(BASE_LOCALE);
/** Each language's messages loaded so far (a section's file adds its own). */
let tables = $state.raw<Partial<Record<Locale, Table>>>({});
/** Sections this visit has shown: a change of language loads them all first. */
const shown = new Set<string>();
/** Sections loaded or loading, by `locale/section`. */
const loading = new Map<string, Promise<void>>();
const STORAGE = storageKey('locale');
const PARAM = 'lang';

/** The language the app is shown in. */
export const locale = {
  get current(): Locale {
    return current;
  },
};

/** Where each language's files are: loaded with the first of them (an English visit never needs it). */
let catalogueLoad: Promise<typeof import('./generated/loaders.ts')> | undefined;
const catalogue = () =>
  (catalogueLoad ??= import('./generated/loaders.ts').catch((error) => {
    catalogueLoad = undefined; // tried again by the next load
    throw error;
  }));

function load(target: Locale, section: string): Promise<void> {
  if (target === BASE_LOCALE) return Promise.resolve();
  const key = `${target}/${section}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = catalogue()
      .then(({ loaders }) => loaders[key]?.())
      .then(
        (file) => void (file && (tables = { ...tables, [target]: { ...tables[target], ...file.default } })),
        // Shown in English meanwhile; the next use of the section tries again.
        () => void loading.delete(key),
      );
    loading.set(key, pending);
  }
  return pending;
}

/**
 * Loads the shown language's messages for `sections` (nothing for English); never rejects. Reads the
 * language without depending on it: a page's loader runs inside its `{#await}`, which a change of
 * language must not run again (that would draw the page afresh and lose what was typed in it).
 */
export function loadSections(sections: readonly string[]): Promise<void> {
  for (const s of sections) shown.add(s);
  const target = untrack(() => current);
  return Promise.all(sections.map((s) => load(target, s))).then(() => undefined);
}

connectLocale({
  current: () => current,
  table: (target) => tables[target],
  need: (target, id) =>
    void catalogue().then(
      ({ sectionOf }) => {
        const section = sectionOf(id);
        shown.add(section);
        // Loaded already and still without it: the language lacks that message (English stays).
        if (!loading.has(`${target}/${section}`)) void load(target, section);
      },
      () => {}, // offline or redeployed: English stays, and the next message drawn asks again
    ),
});

function reflect(target: Locale, { inAddress }: { inAddress: boolean }) {
  document.documentElement.lang = tagOf(target);
  if (!inAddress) return;
  const url = new URL(location.href);
  if (url.searchParams.get(PARAM) === target) return;
  url.searchParams.set(PARAM, target);
  // The router keeps its own entry key in the history state: kept as it is.
  history.replaceState(history.state, '', url);
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE);
  } catch {
    return null;
  }
}

/**
 * Picks the language a visit opens in and loads its messages for `sections` (the shell and the page
 * the link opens). Resolves when they are in, or failed (English then): the app mounts after it.
 */
export function startLocale(sections: readonly string[]): Promise<void> {
  const param = new URLSearchParams(location.search).get(PARAM);
  current = chooseLocale({ param, stored: stored(), preferred: navigator.languages });
  // A language other than English is kept in the address, so a link shared from here opens in it.
  reflect(current, { inAddress: param !== null || current !== BASE_LOCALE });
  return loadSections(sections);
}

let latest = 0;

/**
 * Changes the language: loads its messages for every section this visit has shown, then switches all
 * at once (nothing is drawn half in one language), remembers it and puts it in the address.
 */
export async function setLocale(target: Locale): Promise<void> {
  if (!isLocale(target)) return;
  const request = ++latest;
  // Sections a page opened meanwhile asks for are loaded too before the switch.
  for (let count = -1; count !== shown.size;) {
    count = shown.size;
    await Promise.all([...shown].map((s) => load(target, s)));
  }
  if (request !== latest) return;
  current = target;
  try {
    localStorage.setItem(STORAGE, target);
  } catch {
    // Storage refused: the address still carries the choice.
  }
  reflect(target, { inAddress: true });
}

/** `load` (a page's code) with the shown language's messages for `sections`: resolves with both in. */
export const withMessages =
  <T>(load: () => Promise<T>, sections: readonly string[]) =>
  (): Promise<T> =>
    Promise.all([load(), loadSections(sections)]).then(([loaded]) => loaded);
