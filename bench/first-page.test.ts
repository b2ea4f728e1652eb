import { describe, expect, it } from 'vitest';
import { bytesBySource, groupOf } from './first-page.ts';

describe('groupOf', () => {
  it('names a package, scoped or not, and the app folder a module sits in', () => {
    expect(groupOf('../node_modules/viem/_esm/utils/abi/encode.js')).toBe('viem');
    expect(groupOf('../../node_modules/@tanstack/query-core/build/modern/query.js')).toBe('@tanstack/query-core');
    expect(groupOf('../node_modules/.pnpm/x/node_modules/svelte/src/internal/client/index.js')).toBe('svelte');
    expect(groupOf('../src/lib/web3/chains.ts')).toBe('app: src/lib/web3');
    expect(groupOf('../src/app.svelte')).toBe('app: src/app.svelte');
  });
});

describe('bytesBySource', () => {
  it('gives each source the generated text from its mapping to the next, every byte counted once', () => {
    // Line 1: "aaaa" from a.ts, then "bb" from b.ts; line 2: "cc" from a.ts.
    const code = 'aaaabb\ncc';
    const map = {
      version: '3',
      sources: ['a.ts', 'b.ts'],
      names: [],
      // [column, source, line, column] deltas: (0 → a), (4 → b); next line (0 → a).
      mappings: 'AAAA,ICAA;ADAA',
      file: 'x.js',
    };
    const bytes = bytesBySource(code, map as never);
    expect(bytes.get('a.ts')).toBe(6);
    // "bb" and the line break after it, up to the next mapping.
    expect(bytes.get('b.ts')).toBe(3);
    expect(bytes.get('(unmapped)')).toBe(0);
  });
});
