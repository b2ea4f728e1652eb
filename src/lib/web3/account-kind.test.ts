import { describe, expect, it } from 'vitest';
import { accountKindOf } from './account-kind.ts';

const address = '5fbdb2315678afecb367f032d93f642f64180aa3';

describe('accountKindOf', () => {
  it('takes an account without code for an EOA', () => {
    expect(accountKindOf('0x')).toBe('eoa');
    expect(accountKindOf(undefined)).toBe('eoa');
  });
  it('takes an EIP-7702 delegation for an EOA: it still signs with its key', () => {
    expect(accountKindOf(`0xef0100${address}`)).toBe('eoa');
    expect(accountKindOf(`0xEF0100${address.toUpperCase()}`)).toBe('eoa');
  });
  it('takes any other code for a contract account, a designator with anything after it included', () => {
    expect(accountKindOf('0x608060405234801561001057600080fd5b50')).toBe('contract');
    expect(accountKindOf(`0xef0100${address}00`)).toBe('contract');
    expect(accountKindOf('0xef0100')).toBe('contract');
  });
});
