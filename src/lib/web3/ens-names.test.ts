import { describe, expect, it } from 'vitest';
import { pad, type Address } from 'viem';
import { forwardFrom, MAX_NAME_LENGTH, primaryFrom, showableName } from './ens-names.ts';

const ok = <T>(result: T) => ({ status: 'success' as const, result });
const failed = { status: 'failure' as const, error: new Error('ReverseAddressMismatch') };
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;

describe('showableName', () => {
  it('shows plain lowercase names as they are', async () => {
    for (const name of ['alice.eth', 'vital-ops.eth', 'a.b.c9.eth']) expect(await showableName(name)).toBe(true);
  });

  it('refuses what is not in ENS normal form, is empty, has one label, or is too long', async () => {
    for (const name of [
      'Alice.eth',
      'alice',
      '',
      'alice..eth',
      '.eth',
      'ab--c.eth',
      'alice.eth ',
      'x'.repeat(MAX_NAME_LENGTH - 3) + '.eth',
    ])
      expect(await showableName(name), name).toBe(false);
  });

  it('checks other names against ENS normalisation (here a stand-in for it)', async () => {
    const lower = (name: string) => name.toLowerCase();
    expect(await showableName('café.eth', lower)).toBe(true);
    expect(await showableName('Café.eth', lower)).toBe(false);
    const throws = () => {
      throw new Error('disallowed character');
    };
    expect(await showableName('a\u202eb.eth', throws)).toBe(false);
  });

  it('uses ENS normalisation itself when none is given: a right-to-left override never shows', async () => {
    expect(await showableName('caf\u00e9.eth')).toBe(true);
    expect(await showableName('evil\u202e.eth')).toBe(false);
    expect(await showableName('ＡＢＣ.eth')).toBe(false); // full-width: normalises to abc.eth, so not normal form
  });
});

describe('primaryFrom and forwardFrom', () => {
  it('read a reverse answer: a name, or none for an empty name or a revert', () => {
    expect(primaryFrom(ok(['alice.eth', ALICE, ALICE]))).toBe('alice.eth');
    expect(primaryFrom(ok(['', ALICE, ALICE]))).toBeUndefined();
    expect(primaryFrom(failed)).toBeUndefined();
    expect(primaryFrom(undefined)).toBeUndefined();
  });

  it('read a forward answer: one ABI-encoded address, nothing else', () => {
    expect(forwardFrom(ok([pad(ALICE.toLowerCase() as Address), ALICE]))).toBe(ALICE);
    expect(forwardFrom(ok(['0x', ALICE]))).toBeUndefined();
    expect(forwardFrom(ok([`${pad(ALICE.toLowerCase() as Address)}00`, ALICE]))).toBeUndefined();
    expect(forwardFrom(failed)).toBeUndefined();
  });
});
