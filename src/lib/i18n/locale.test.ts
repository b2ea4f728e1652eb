import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Each language's tables as the generated loaders would give them, with a way to hold or fail one. */
const gates = new Map<string, { release: () => void; fail: () => void }>();
const held = new Set<string>();
const failing = new Set<string>();
const loaded: string[] = [];
vi.mock('./generated/loaders.ts', () => {
  // Message 0 is in section common, 1 in staking (as the generated `sectionOf` says).
  const table = (key: string) =>
    key.endsWith('/common')
      ? { default: { 0: `${key}:hello` } }
      : { default: { 1: (i: { n: number }) => `${key}:${i.n}` } };
  const loader = (key: string) => () =>
    new Promise((resolve, reject) => {
      loaded.push(key);
      const release = () => (failing.has(key) ? reject(new Error('offline')) : resolve(table(key)));
      if (held.has(key)) gates.set(key, { release, fail: () => reject(new Error('offline')) });
      else release();
    });
  return {
    loaders: Object.fromEntries(['ko/common', 'ko/staking', 'ja/common', 'ja/staking'].map((k) => [k, loader(k)])),
    sectionOf: (id: number) => (id === 0 ? 'common' : 'staking'),
  };
});

function browser(href: string, languages: string[] = [], stored: Record<string, string> = {}) {
  const items = new Map(Object.entries(stored));
  const state = { href, lang: '', historyState: { altEntry: '7' } as unknown };
  vi.stubGlobal('location', {
    get href() {
      return state.href;
    },
    get search() {
      return new URL(state.href).search;
    },
  });
  vi.stubGlobal('history', {
    get state() {
      return state.historyState;
    },
    replaceState: (s: unknown, _t: string, url: URL) => {
      state.historyState = s;
      state.href = String(url);
    },
  });
  vi.stubGlobal('document', {
    documentElement: {
      set lang(v: string) {
        state.lang = v;
      },
      get lang() {
        return state.lang;
      },
    },
  });
  vi.stubGlobal('navigator', { languages });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
  return { state, items };
}

/** A fresh copy of the module (its state is per page load). */
async function fresh() {
  vi.resetModules();
  return import('./locale.svelte.ts');
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  gates.clear();
  held.clear();
  failing.clear();
  loaded.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('the language a visit opens in', () => {
  it("opens in the browser's language, loads its messages for the sections asked before resolving, and keeps it in the address", async () => {
    const { state } = browser('https://app.example/#/staking', ['ko-KR', 'en']);
    const { startLocale, message, locale } = await fresh();
    const hello = message(0, 'Hello');
    await startLocale(['common', 'staking']);
    expect(locale.current).toBe('ko');
    expect(loaded.sort()).toEqual(['ko/common', 'ko/staking']);
    expect(hello()).toBe('ko/common:hello');
    expect(state.lang).toBe('ko');
    expect(state.href).toBe('https://app.example/?lang=ko#/staking');
    // The router's entry key in the history state is kept.
    expect(state.historyState).toEqual({ altEntry: '7' });
  });

  it('stays in English without loading anything and leaves the address as it is', async () => {
    const { state } = browser('https://app.example/#/', ['de-DE']);
    const { startLocale, message } = await fresh();
    await startLocale(['common']);
    expect(loaded).toEqual([]);
    expect(message(0, 'Hello')()).toBe('Hello');
    expect(state.href).toBe('https://app.example/#/');
    expect(state.lang).toBe('en');
  });

  it("formats in the language's own tag, and in English with the browser's own formats (a German browser's 1,5 stays 1.5)", async () => {
    browser('https://app.example/#/', ['de-DE']);
    const english = await fresh();
    await english.startLocale(['common']);
    expect(english.intlTag()).toBeUndefined();
    browser('https://app.example/?lang=ko#/', ['de-DE']);
    const korean = await fresh();
    await korean.startLocale(['common']);
    expect(korean.intlTag()).toBe('ko');
  });

  it("follows the link's parameter over the stored choice", async () => {
    browser('https://app.example/?lang=ja#/', ['ko'], { 'alt-gov:v1:locale': 'ko' });
    const { startLocale, locale } = await fresh();
    await startLocale(['common']);
    expect(locale.current).toBe('ja');
  });
});

describe('message', () => {
  it('shows English while its section is loading or when it failed to load, then the language once in', async () => {
    browser('https://app.example/?lang=ko#/');
    const { startLocale, message } = await fresh();
    await startLocale(['common']);
    held.add('ko/staking');
    const count = message(1, (i: { n: number }) => `${i.n} in English`);
    // Not asked for before: English now, and the section starts loading.
    expect(count({ n: 3 })).toBe('3 in English');
    await flush();
    expect(loaded).toContain('ko/staking');
    gates.get('ko/staking')!.release();
    await flush();
    expect(count({ n: 3 })).toBe('ko/staking:3');
  });

  it('tries a failed section again on its next use', async () => {
    browser('https://app.example/?lang=ko#/');
    failing.add('ko/common');
    const { startLocale, message } = await fresh();
    // A failure never rejects: the app mounts in English.
    await expect(startLocale(['common'])).resolves.toBeUndefined();
    const hello = message(0, 'Hello');
    failing.delete('ko/common');
    expect(hello()).toBe('Hello');
    await flush();
    expect(hello()).toBe('ko/common:hello');
    expect(loaded.filter((k) => k === 'ko/common').length).toBe(2);
  });
});

describe('setLocale', () => {
  it('loads every section the visit has shown before switching, remembers the choice and puts it in the address', async () => {
    const { state, items } = browser('https://app.example/#/staking?address=0xabc', ['en']);
    const { startLocale, loadSections, setLocale, message, locale } = await fresh();
    await startLocale(['common']);
    await loadSections(['staking']);
    const hello = message(0, 'Hello');
    const count = message(1, (i: { n: number }) => `${i.n}`);
    held.add('ja/staking');
    const switching = setLocale('ja');
    await flush();
    // Nothing switches while a section is missing: no page half in one language.
    expect(locale.current).toBe('en');
    expect(hello()).toBe('Hello');
    gates.get('ja/staking')!.release();
    await switching;
    expect(locale.current).toBe('ja');
    expect([hello(), count({ n: 2 })]).toEqual(['ja/common:hello', 'ja/staking:2']);
    expect(items.get('alt-gov:v1:locale')).toBe('ja');
    expect(state.href).toBe('https://app.example/?lang=ja#/staking?address=0xabc');
    expect(state.lang).toBe('ja');
  });

  it('ends on the last language asked for when the visitor changes it twice quickly', async () => {
    browser('https://app.example/#/');
    const { startLocale, setLocale, locale } = await fresh();
    await startLocale(['common']);
    held.add('ko/common');
    const first = setLocale('ko');
    const second = setLocale('ja');
    await second;
    gates.get('ko/common')!.release();
    await first;
    expect(locale.current).toBe('ja');
  });

  it('refuses what is not one of its languages', async () => {
    browser('https://app.example/#/');
    const { startLocale, setLocale, locale } = await fresh();
    await startLocale(['common']);
    await setLocale('xx' as never);
    expect(locale.current).toBe('en');
  });
});
