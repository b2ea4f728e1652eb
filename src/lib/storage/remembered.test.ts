import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberInteger, rememberedInteger } from './remembered.ts';

describe('remembered integers', () => {
  afterEach(() => vi.unstubAllGlobals());

  const storage = () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    });
    return items;
  };

  it('reads back what was remembered, and only plain digits within the bound', () => {
    const items = storage();
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
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => rememberInteger('a', 1n)).not.toThrow();
    expect(rememberedInteger('a')).toBeUndefined();
  });
});
