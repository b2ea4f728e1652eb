import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import fc from 'fast-check';
import { editDistance, identicon, identiconPath, lookalikeNames, nameKey, namesImitate } from './address-identity.ts';

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

  it('tells numbered names apart, but not a digit standing in for a letter', () => {
    expect(namesImitate('Validator 12', 'Validator 13')).toBe(false);
    expect(namesImitate('Operator 10', 'Operator 100')).toBe(false);
    expect(namesImitate('Ki1n', 'Kiln')).toBe(true);
    expect(namesImitate('Node l2', 'Node 12')).toBe(true);
    expect(namesImitate('Staked 2', 'Staked 2')).toBe(true);
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
    expect(found(A)).toEqual([B]);
    expect(found(B)).toEqual([A]);
    expect(found(C)).toEqual([]);
  });
});

describe('lookalikeNames at directory scale', () => {
  // Every pair compared directly: what the grouped search must find, no more and no less.
  const bruteForce = (entries: { address: Address; name: string }[]) => {
    const found = new Map<Address, Set<Address>>();
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++) {
        const [x, y] = [nameKey(entries[i].name), nameKey(entries[j].name)];
        if (x[0] !== y[0] || !namesImitate(entries[i].name, entries[j].name)) continue;
        found.set(entries[i].address, new Set([...(found.get(entries[i].address) ?? []), entries[j].address]));
        found.set(entries[j].address, new Set([...(found.get(entries[j].address) ?? []), entries[i].address]));
      }
    return found;
  };
  const asSets = (of: (address: Address) => Address[], addresses: Address[]) =>
    new Map(addresses.flatMap((a) => (of(a).length ? [[a, new Set(of(a))] as const] : [])));
  // Names built from a few stems with small edits, so that near and exact collisions are common,
  // long names (more edits allowed) included.
  const stems = [
    'Kiln',
    'Northstar Validation',
    'Ottie Labs',
    'Chorus One Rollup Infrastructure Services',
    'P2P',
    'ab',
  ];
  const name = fc
    .record({
      stem: fc.constantFrom(...stems),
      edits: fc.array(
        fc.record({
          at: fc.nat(60),
          op: fc.constantFrom('drop', 'swap', 'add'),
          c: fc.constantFrom('x', 'l', '1', 'e', ' ', '4', '9'),
        }),
        {
          maxLength: 4,
        },
      ),
    })
    .map(({ stem, edits }) =>
      edits.reduce((s, { at, op, c }) => {
        const i = at % (s.length + 1);
        return op === 'drop'
          ? s.slice(0, i) + s.slice(i + 1)
          : op === 'swap'
            ? s.slice(0, i) + c + s.slice(i + 1)
            : s.slice(0, i) + c + s.slice(i);
      }, stem),
    );

  it('finds exactly the pairs that comparing every pair finds', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 40 }), (names) => {
        const entries = names.map((n, i) => ({
          address: `0x${(i + 1).toString(16).padStart(40, '0')}` as Address,
          name: n,
        }));
        expect(
          asSets(
            lookalikeNames(entries),
            entries.map((e) => e.address),
          ),
        ).toEqual(bruteForce(entries));
      }),
      { numRuns: 300 },
    );
  });
});

describe('identicon', () => {
  it('is the same for the same address, different for another, and symmetric', () => {
    const a = identicon(A);
    expect(identicon(A)).toEqual(a);
    expect(identicon('0x9f2d11111111111111111111111111111111abcd' as Address)).not.toEqual(a);
    for (const row of a.cells) expect(row).toEqual([...row].reverse());
  });

  it('draws exactly the lit cells as one path', () => {
    const cells = [
      [true, false, false, false, true],
      [false, false, false, false, false],
      [false, false, true, false, false],
      [false, false, false, false, false],
      [false, false, false, false, false],
    ];
    expect(identiconPath(cells)).toBe('M0 0h1v1h-1zM4 0h1v1h-1zM2 2h1v1h-1z');
  });
});
