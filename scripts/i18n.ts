/**
 * Compiles the message catalogue (`messages/<unit>/<locale>.json`, inlang's message format) with
 * Paraglide JS into `src/lib/i18n/generated/`:
 *
 * - `en/<key>.ts`, re-exported by `messages.ts`: one module per message, English compiled in and
 *   dispatching to the chosen language's table once loaded (each its own module, so a page's chunk
 *   carries only the messages it uses);
 * - `<locale>-<section>.ts` for each other language: that section's messages, compiled by Paraglide,
 *   one lazily loaded file per language and section (a visitor fetches the shell's and the page's);
 * - `loaders.ts`: the dynamic imports of those files.
 *
 * A message's section is its key's first word (`staking_title` → `staking`): one of `SECTIONS`.
 * Paraglide compiles each message (variables, plurals by `Intl.PluralRules`); this script only lays
 * the compiled functions out in files. Runs from the Vite plugin below (builds and the dev server)
 * and from `npm run i18n` (`check` runs it); skips the work when nothing it reads has changed. The
 * output is committed, and a unit test fails when it is not current.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { InlangPlugin } from '@inlang/sdk';
import MagicString from 'magic-string';

/** Sections of the catalogue: each language's messages are one file per section. */
export const SECTIONS = [
  'common',
  'errors',
  'overview',
  'activity',
  'network',
  'staking',
  'gov',
  'proposal',
  'delegates',
  'create',
  'airdrop',
] as const;
export type Section = (typeof SECTIONS)[number];

const ROOT = new URL('..', import.meta.url).pathname;
const PROJECT = join(ROOT, 'project.inlang');
const MESSAGES = join(ROOT, 'messages');
export const GENERATED = join(ROOT, 'src/lib/i18n/generated');

export interface CompiledMessage {
  key: string;
  section: Section;
  /** The message's input variables, in the order they are declared. */
  inputs: string[];
  /** Paraglide's compiled function per locale (source text), for each locale that has the message. */
  code: Record<string, string>;
}

export interface Catalogue {
  baseLocale: string;
  locales: string[];
  messages: CompiledMessage[];
}

/** Loads the inlang project and compiles every message with Paraglide. */
export async function compileCatalogue(projectPath = PROJECT): Promise<Catalogue> {
  const [{ loadProjectFromDirectory, selectBundleNested }, { compileBundle }, plugin] = await Promise.all([
    import('@inlang/sdk'),
    import('@inlang/paraglide-js'),
    import('@inlang/plugin-message-format'),
  ]);
  const project = await loadProjectFromDirectory({
    path: projectPath,
    fs,
    providePlugins: [plugin.default as InlangPlugin],
  });
  try {
    const errors = await project.errors.get();
    if (errors.length) throw new Error(`The message catalogue could not be read: ${errors.map(String).join('; ')}`);
    const settings = await project.settings.get();
    const bundles = await selectBundleNested(project.db).execute();
    const fallbackMap = Object.fromEntries(settings.locales.map((l) => [l, undefined]));
    const messages = bundles
      .map((bundle): CompiledMessage => {
        const section = bundle.id.split('_')[0] as Section;
        if (!SECTIONS.includes(section)) {
          throw new Error(
            `Message "${bundle.id}": its key must start with a section (${SECTIONS.join(', ')}) and "_".`,
          );
        }
        const compiled = compileBundle({ bundle, fallbackMap, messageReferenceExpression: () => '' });
        const code: Record<string, string> = {};
        for (const [locale, message] of Object.entries(compiled.messages)) code[locale] = stripCast(message.code);
        const inputs = (bundle.declarations ?? []).filter((d) => d.type === 'input-variable').map((d) => d.name);
        return { key: bundle.id, section, inputs, code };
      })
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    return { baseLocale: settings.baseLocale, locales: settings.locales, messages };
  } finally {
    await project.close();
  }
}

/** Paraglide's compiled function without the JSDoc cast it opens with. */
const stripCast = (code: string) =>
  code
    .replace(/^\s*\/\*\*[\s\S]*?\*\/\s*/, '')
    .trim()
    .replace(/;$/, '');

/** The function's parameter list typed for TypeScript (`(i) =>` → `(i: In<'a' | 'b'>) =>`). */
function typed(code: string, inputs: string[]): string {
  const type = inputs.length ? `In<${inputs.map((n) => `'${n}'`).join(' | ')}>` : 'unknown';
  return code.replace(/^\((i)?\)\s*=>/, (_m, i) => (i ? `(i: ${type}) =>` : `() =>`));
}

/**
 * A compiled message with no variables as its text (a string literal: no function for the bundle to
 * carry), else the function typed for TypeScript.
 */
function compact(code: string, inputs: string[]): string {
  const constant =
    /^\(\) => \{\s*return \/\*\* @type \{LocalizedString\} \*\/ \(`((?:[^`\\$]|\$(?!\{))*)`\)\s*\}$/.exec(code);
  return constant ? JSON.stringify(constant[1]) : typed(code, inputs);
}

/** The generated files, by path under `GENERATED`. */
export function layOut(catalogue: Catalogue): Record<string, string> {
  const { baseLocale, locales, messages } = catalogue;
  // Unchecked: Paraglide's code can declare what a language's text does not use (a plural in Korean).
  const header = '// Generated by scripts/i18n.ts from messages/: edit those, not this.\n// @ts-nocheck\n';
  const files: Record<string, string> = {};
  const registryImport = (path: string) => `import * as registry from '${path}';\n`;

  // English: one module per message, re-exported by `messages.ts`, so the bundler puts each message
  // in the chunk of the code that uses it (the first page carries only its own sentences).
  const exports: string[] = [];
  messages.forEach((m, id) => {
    const code = m.code[baseLocale];
    if (!code) throw new Error(`Message "${m.key}" has no ${baseLocale} text.`);
    const body = `export const ${m.key} = /* @__PURE__ */ message(${id}, ${compact(code, m.inputs)});\n`;
    files[`en/${m.key}.ts`] =
      header +
      (body.includes('registry.') ? registryImport('../../registry.ts') : '') +
      `import { message } from '../../runtime.ts';\n` +
      (m.inputs.length ? `\ntype In<K extends string> = Record<K, NonNullable<unknown>>;\n` : '') +
      `\n${body}`;
    exports.push(`export { ${m.key} } from './en/${m.key}.ts';`);
  });
  files['messages.ts'] = header + exports.join('\n') + '\n';

  const loaders: string[] = [];
  for (const locale of locales) {
    if (locale === baseLocale) continue;
    for (const section of SECTIONS) {
      const entries = messages
        .map((m, id) =>
          m.section === section && m.code[locale] ? `  ${id}: ${compact(m.code[locale], m.inputs)},` : '',
        )
        .filter(Boolean);
      if (!entries.length) continue;
      const body = entries.join('\n');
      // Flat, named by language and section, so the build's file names say which is which.
      files[`${locale}-${section}.ts`] =
        header +
        (body.includes('registry.') ? registryImport('../registry.ts') : '') +
        `type In<K extends string> = Record<K, NonNullable<unknown>>;\n\n` +
        `const table: Record<number, string | ((i: never) => string)> = {\n${body}\n};\nexport default table;\n`;
      loaders.push(`  '${locale}/${section}': () => import('./${locale}-${section}.ts'),`);
    }
  }
  // Messages are sorted by key, and a key starts with its section: each section's ids are one run.
  const starts = SECTIONS.map((section) => [messages.findIndex((m) => m.section === section), section] as const)
    .filter(([start]) => start >= 0)
    .sort((a, b) => a[0] - b[0]);
  files['loaders.ts'] =
    header +
    `/** Each language's messages for a section, loaded when that language shows that section. */\n` +
    `export const loaders: Record<string, () => Promise<{ default: Record<number, string | ((i: never) => string)> }>> = {\n` +
    loaders.join('\n') +
    (loaders.length ? '\n' : '') +
    '};\n\n' +
    `/** Where each section's run of message ids starts. */\n` +
    `const starts: [number, string][] = ${JSON.stringify(starts)};\n\n` +
    `/** The section message \`id\` belongs to. */\n` +
    `export const sectionOf = (id: number): string => starts.findLast(([start]) => start <= id)?.[1] ?? '${SECTIONS[0]}';\n`;
  return files;
}

function inputsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update(fs.readFileSync(path));
    }
  };
  walk(MESSAGES);
  // The project's settings only: the inlang SDK writes files of its own beside them as it loads
  // (absent from a fresh clone), which would make every first build compile again.
  hash.update(fs.readFileSync(join(PROJECT, 'settings.json')));
  hash.update(fs.readFileSync(new URL(import.meta.url)));
  return hash.digest('hex');
}

/** Compiles the catalogue into `GENERATED` unless it is current; returns whether it wrote. */
export async function generateMessages({ force = false } = {}): Promise<boolean> {
  const hash = inputsHash();
  const stamp = join(GENERATED, '.inputs');
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return false;
  const files = layOut(await compileCatalogue());
  fs.rmSync(GENERATED, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    fs.mkdirSync(join(GENERATED, path, '..'), { recursive: true });
    fs.writeFileSync(join(GENERATED, path), text);
  }
  fs.writeFileSync(stamp, hash);
  return true;
}

const NAMESPACE_IMPORT = /import\s*\*\s*as\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])([^'"]*\/i18n\/messages\.ts)\2;?/g;

/**
 * A module's `import * as m from '…/i18n/messages.ts'` as imports of the messages it uses, each from
 * its own module (`m.staking_title` → `import { staking_title as __msg_staking_title } from
 * '…/generated/en/staking_title.ts'`): the build then knows which page uses which message, and each
 * lands in the chunk of the code that uses it (through the catalogue's one index file, every page
 * would import them all). Only names of the catalogue are rewritten; undefined when there is nothing
 * to rewrite.
 */
export function rewriteMessageImports(code: string, keys: ReadonlySet<string>) {
  if (!code.includes('i18n/messages.ts')) return undefined;
  const out = new MagicString(code);
  let changed = false;
  for (const match of code.matchAll(NAMESPACE_IMPORT)) {
    const [statement, name, , path] = match;
    const used = new Set<string>();
    for (const use of code.matchAll(new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g'))) {
      if (!keys.has(use[1])) continue;
      used.add(use[1]);
      out.overwrite(use.index, use.index + use[0].length, `__msg_${use[1]}`);
    }
    // The namespace used as a value (`m[key]`, `f(m)`, a shadowing `(m) =>`) would be left undefined.
    const asValue = new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}\\s*[[),]`).exec(
      code.slice(match.index + statement.length),
    );
    if (asValue)
      throw new Error(
        `The message catalogue is used as a value ("${asValue[0]}"): call its messages as ${name}.key().`,
      );
    const base = path.replace(/messages\.ts$/, 'generated/en/');
    out.overwrite(
      match.index,
      match.index + statement.length,
      [...used].map((k) => `import { ${k} as __msg_${k} } from '${base}${k}.ts';`).join(' '),
    );
    changed = true;
  }
  return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : undefined;
}

/** Vite plugin: compiles the catalogue as a build, the dev server or vitest starts, and again when a message file changes in dev. */
export function messageCatalogue(): Plugin {
  let keys: Set<string> | undefined;
  return {
    name: 'alt:message-catalogue',
    enforce: 'post',
    async configResolved() {
      await generateMessages();
    },
    // In a build, after Svelte's compiler: each module imports the messages it uses (see above).
    async transform(code, id) {
      if (this.environment?.mode === 'dev' || id.includes('/node_modules/') || id.includes('/i18n/generated/')) return;
      keys ??= new Set(fs.readdirSync(join(GENERATED, 'en')).map((f) => f.replace(/\.ts$/, '')));
      return rewriteMessageImports(code, keys);
    },
    configureServer(server) {
      server.watcher.add(MESSAGES);
      server.watcher.on('change', (path) => {
        if (path.startsWith(MESSAGES)) void generateMessages().catch((e) => server.config.logger.error(String(e)));
      });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    // Compiles without writing (several people may be editing messages at once).
    const { messages, locales } = await compileCatalogue();
    const missing = messages.flatMap((m) => locales.filter((l) => !m.code[l]).map((l) => `${m.key} (${l})`));
    console.log(`${messages.length} messages compile.${missing.length ? ` Missing: ${missing.join(', ')}` : ''}`);
    process.exit(0);
  }
  const wrote = await generateMessages({ force: process.argv.includes('--force') });
  console.log(wrote ? `Messages compiled into ${relative(ROOT, GENERATED)}.` : 'Messages are current.');
}
