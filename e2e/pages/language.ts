/**
 * The app's words in a language, read from the message catalogue the app is compiled from, so a test
 * in Korean finds "스테이킹" where the English one finds "Stake" (plural messages: their "other" form).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Language = 'en' | 'zh' | 'ko' | 'ja';
export const OTHER_LANGUAGES = ['zh', 'ko', 'ja'] as const;
/** The `<html lang>` each language sets. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN', ko: 'ko', ja: 'ja' };

const MESSAGES = new URL('../../messages/', import.meta.url).pathname;
const catalogues = new Map<Language, Record<string, unknown>>();

function catalogue(language: Language): Record<string, unknown> {
  let found = catalogues.get(language);
  if (!found) {
    found = {};
    for (const unit of readdirSync(MESSAGES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      Object.assign(found, JSON.parse(readFileSync(join(MESSAGES, unit.name, `${language}.json`), 'utf8')));
    }
    catalogues.set(language, found);
  }
  return found;
}

/** The text of message `key` in `language`, its variables filled in. */
export function say(language: Language, key: string, variables: Record<string, string | number> = {}): string {
  const entry = catalogue(language)[key];
  if (entry === undefined) throw new Error(`No message ${key} in ${language}`);
  const text =
    typeof entry === 'string'
      ? entry
      : String(
          Object.entries((entry as { match: Record<string, string> }[])[0].match).find(([k]) =>
            k.endsWith('=other'),
          )?.[1],
        );
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(variables[name] ?? `{${name}}`));
}
