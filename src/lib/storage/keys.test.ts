import { describe, expect, it } from 'vitest';
import { adoptLegacyStorage, storageKey } from './keys.ts';

/** A Storage over a map, as the browser's localStorage behaves. */
function memoryStorage(entries: Record<string, string>): Storage & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('storageKey', () => {
  it('puts every key under one versioned prefix, its parts joined by colons', () => {
    expect(storageKey('rpc-added', 31337)).toBe('alt-gov:v1:rpc-added:31337');
    expect(storageKey('rpc', 'https://rpc.example/v1?key=a')).toBe('alt-gov:v1:rpc:https://rpc.example/v1?key=a');
    expect(storageKey('pending-transactions')).toBe('alt-gov:v1:pending-transactions');
  });
});

describe('adoptLegacyStorage', () => {
  it("moves the wallet session, pending transactions and added RPCs from an earlier version's keys, and leaves caches", () => {
    const storage = memoryStorage({
      'alt-dapp.pending-transactions': '[{"hash":"0x01"}]',
      'alt-dapp.wallet.recentConnectorId': '"injected"',
      'alt-dapp.wallet.store': '{"state":{}}',
      'alt-gov:rpc-added:1': '["https://rpc.example"]',
      'alt-gov:log-window:1': '2000',
    });
    adoptLegacyStorage(storage);
    expect(Object.fromEntries(storage.items)).toEqual({
      'alt-gov:v1:pending-transactions': '[{"hash":"0x01"}]',
      'alt-gov:v1:wallet.recentConnectorId': '"injected"',
      'alt-gov:v1:wallet.store': '{"state":{}}',
      'alt-gov:v1:rpc-added:1': '["https://rpc.example"]',
      'alt-gov:log-window:1': '2000',
    });
  });
  it('never overwrites what this version already stored', () => {
    const storage = memoryStorage({
      'alt-dapp.pending-transactions': '[{"hash":"0x01"}]',
      'alt-gov:v1:pending-transactions': '[{"hash":"0x02"}]',
    });
    adoptLegacyStorage(storage);
    expect(Object.fromEntries(storage.items)).toEqual({ 'alt-gov:v1:pending-transactions': '[{"hash":"0x02"}]' });
  });
  it('loses nothing when storage refuses', () => {
    const refusing = {
      get length(): number {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(() => adoptLegacyStorage(refusing)).not.toThrow();
  });
});
