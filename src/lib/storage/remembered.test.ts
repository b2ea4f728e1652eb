import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberInteger, rememberRecord, rememberedInteger, rememberedRecord } from './remembered.ts';
import { refuseStorage, stubStorage } from './stub-storage.ts';

describe('remembered integers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads back what was remembered, and only plain digits within the bound', () => {
    const items = stubStorage();
    rememberInteger('a', 2_000n);
    expect(rememberedInteger('a')).toBe(2_000n);
    expect(rememberedInteger('a', 6)).toBe(2_000n);
    items.set('b', '1234567');
    expect(rememberedInteger('b', 6)).toBeUndefined();
    expect(rememberedInteger('b')).toBe(1_234_567n);
    items.set('c', '-1');
    expect(rememberedInteger('c')).toBeUndefined();
    expect(rememberedInteger('missing')).toBeUndefined();
  });

  it('treats refused storage as nothing remembered', () => {
    refuseStorage();
    expect(() => rememberInteger('a', 1n)).not.toThrow();
    expect(rememberedInteger('a')).toBeUndefined();
  });

  it('reads a record back with its bigints, only in a shape its reader accepts', () => {
    const items = stubStorage();
    const record = { block: 2n ** 200n, ids: [1n, -3n], name: 'x', nested: { $big: 'not digits' } };
    rememberRecord('r', record);
    expect(rememberedRecord('r', (v) => v)).toEqual(record);
    expect(rememberedRecord('r', () => undefined)).toBeUndefined();
    items.set('broken', '{"block":');
    expect(rememberedRecord('broken', (v) => v)).toBeUndefined();
    expect(rememberedRecord('missing', (v) => v)).toBeUndefined();
    refuseStorage();
    expect(() => rememberRecord('r', record)).not.toThrow();
    expect(rememberedRecord('r', (v) => v)).toBeUndefined();
  });
});
