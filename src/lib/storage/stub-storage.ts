/**
 * For unit tests of what the app keeps in localStorage: a storage that keeps items in a map (returned,
 * to read or plant raw values), and one that refuses everything, as private windows and full quotas do.
 */
import { vi } from 'vitest';

export function stubStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
  return items;
}

export function refuseStorage() {
  vi.stubGlobal('localStorage', {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  });
}
