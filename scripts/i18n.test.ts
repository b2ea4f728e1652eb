import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCatalogue, GENERATED, layOut, rewriteMessageImports, SECTIONS, type Catalogue } from './i18n.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await compileCatalogue();
}, 60_000);

/** The variables a compiled message reads (`i?.amount`). */
const variables = (code: string) => [...new Set([...code.matchAll(/\bi\?\.(\w+)/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  it('has every message English has in every language', () => {
    const missing = catalogue.messages.flatMap((m) =>
      catalogue.locales.filter((l) => !m.code[l]).map((l) => `${m.key} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it('uses in each language exactly the variables of the English message (none dropped, none invented)', () => {
    const differing = catalogue.messages.flatMap((m) =>
      catalogue.locales
        .filter((l) => m.code[l] && variables(m.code[l]).join() !== variables(m.code.en).join())
        .map((l) => `${m.key} (${l}): ${variables(m.code[l]).join(', ')} vs ${variables(m.code.en).join(', ')}`),
    );
    expect(differing).toEqual([]);
  });

  it('keeps every message in a known section', () => {
    for (const m of catalogue.messages) expect(SECTIONS).toContain(m.section);
  });

  it('is compiled into src/lib/i18n/generated as it stands (run `npm run i18n` after editing messages/)', () => {
    const expected = layOut(catalogue);
    const onDisk: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) onDisk[relative(GENERATED, path)] = readFileSync(path, 'utf8');
      }
    };
    walk(GENERATED);
    expect(Object.keys(onDisk).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected)) expect(onDisk[path], path).toBe(text);
  });
});

describe('layOut', () => {
  const fixture: Catalogue = {
    baseLocale: 'en',
    locales: ['en', 'ko'],
    messages: [
      {
        key: 'common_hello',
        section: 'common',
        inputs: ['name'],
        code: { en: '(i) => `Hello ${i?.name}`', ko: '(i) => `${i?.name}님 안녕하세요`' },
      },
      {
        key: 'staking_title',
        section: 'staking',
        inputs: [],
        code: { en: '() => {\n\treturn /** @type {LocalizedString} */ (`Staking`)\n}' },
      },
    ],
  };

  it('compiles English into each message and puts each other language in one file per section it has', () => {
    const files = layOut(fixture);
    expect(Object.keys(files).sort()).toEqual([
      'en/common_hello.ts',
      'en/staking_title.ts',
      'ko-common.ts',
      'loaders.ts',
      'messages.ts',
    ]);
    expect(files['en/common_hello.ts']).toContain(
      "export const common_hello = /* @__PURE__ */ message(0, (i: In<'name'>) => `Hello ${i?.name}`);",
    );
    // A message without variables is its text.
    expect(files['en/staking_title.ts']).toContain(
      'export const staking_title = /* @__PURE__ */ message(1, "Staking");',
    );
    expect(files['messages.ts']).toContain("export { staking_title } from './en/staking_title.ts';");
    expect(files['ko-common.ts']).toContain("0: (i: In<'name'>) => `${i?.name}님 안녕하세요`,");
    expect(files['loaders.ts']).toContain("'ko/common': () => import('./ko-common.ts'),");
    expect(files['loaders.ts']).toContain('const starts: [number, string][] = [[0,"common"],[1,"staking"]];');
  });

  it('refuses a message English lacks', () => {
    expect(() =>
      layOut({ ...fixture, messages: [{ key: 'common_x', section: 'common', inputs: [], code: { ko: '() => `x`' } }] }),
    ).toThrow('no en text');
  });
});

describe('rewriteMessageImports', () => {
  const keys = new Set(['common_menu', 'staking_title']);

  it('imports each message a module uses from its own module, and leaves what is not a message', () => {
    const code = [
      "import * as m from '../../lib/i18n/messages.ts';",
      'const a = m.common_menu();',
      'const b = () => m.staking_title() + m.common_menu();',
      'const c = item.m.common_menu;',
    ].join('\n');
    const out = rewriteMessageImports(code, keys)!;
    expect(out.code.split('\n')).toEqual([
      "import { common_menu as __msg_common_menu } from '../../lib/i18n/generated/en/common_menu.ts'; import { staking_title as __msg_staking_title } from '../../lib/i18n/generated/en/staking_title.ts';",
      'const a = __msg_common_menu();',
      'const b = () => __msg_staking_title() + __msg_common_menu();',
      'const c = item.m.common_menu;',
    ]);
    expect(out.map.mappings).not.toBe('');
  });

  it('refuses the catalogue used as a value, which the rewrite would leave undefined', () => {
    const head = "import * as m from './lib/i18n/messages.ts';\n";
    expect(() => rewriteMessageImports(`${head}const pick = (k) => m[k]();`, keys)).toThrow('used as a value');
    expect(() => rewriteMessageImports(`${head}render(m);`, keys)).toThrow('used as a value');
    expect(() => rewriteMessageImports(`${head}load().then((m) => m.default);`, keys)).toThrow('used as a value');
  });

  it('leaves a module without the catalogue as it is', () => {
    expect(rewriteMessageImports("import * as m from './math.ts';\nm.max(1, 2);", keys)).toBeUndefined();
  });
});
