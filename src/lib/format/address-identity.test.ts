import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { editDistance, identicon, lookalikeNames, nameKey, namesImitate } from './address-identity.ts';

const A = '0x1111111111111111111111111111111111111111' as Address;
const B = '0x2222222222222222222222222222222222222222' as Address;
const C = '0x3333333333333333333333333333333333333333' as Address;

describe('operator names that imitate each other', () => {
  it.each([
    ['Kiln Rollup Services', 'Kiln Rollup Services', true],
    ['Kiln Rollup Services', 'kiln rollup services.', true],
    ['Kiln Rollup Services', 'K1ln Rollup Services', true],
    ['Kiln Rollup Services', 'Кiln Rоllup Sеrvices', true],
    ['Kiln Rollup Services', 'Kiln Rolup Services', true],
    ['Kiln Rollup Services', 'K i l n  R o l l u p  S e r v i c e s', true],
    ['Kiln Rollup Services', 'Kíln Rollup Servíces', true],
    ['Northstar Validation', 'Northstar Va1idation', true],
    ['Lumen Staking', 'Lumen Stakinq', true],
    ['Kiln Rollup Services', 'Chorus Validation', false],
    ['Lumen Staking', 'Tidewater Staking', false],
    ['Ottie Labs', 'Relay Foundry', false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(namesImitate(a, b)).toBe(expected);
  });

  it('folds look-alikes the same way', () => {
    expect(nameKey('ΚIΙN')).toBe(nameKey('kiin'));
    expect(nameKey('Mode')).toBe(nameKey('rnode'));
  });

  it('measures edit distance and stops early past the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 2)).toBe(3);
  });

  it('finds every pair among many operators, both ways', () => {
    const found = lookalikeNames([
      { address: A, name: 'Kiln Rollup Services' },
      { address: B, name: 'Kiln Rollup Servlces' },
      { address: C, name: 'Northstar Validation' },
    ]);
    expect(found.get(A)).toEqual([B]);
    expect(found.get(B)).toEqual([A]);
    expect(found.has(C)).toBe(false);
  });
});

describe('identicon', () => {
  it('is the same for the same address, different for another, and symmetric', () => {
    const a = identicon(A);
    expect(identicon(A)).toEqual(a);
    expect(identicon('0x9f2d11111111111111111111111111111111abcd' as Address)).not.toEqual(a);
    for (const row of a.cells) expect(row).toEqual([...row].reverse());
  });
});
