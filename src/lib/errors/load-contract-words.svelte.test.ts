import { describe, expect, it, vi } from 'vitest';

// The words' chunk fails to load once (offline, or a redeploy replaced it), then loads.
let failNext = true;
vi.mock('./contract-words.ts', async (original) => {
  if (failNext) {
    failNext = false;
    throw new Error('Failed to fetch dynamically imported module');
  }
  return original();
});

describe('the protocol errors’ words, when their chunk fails to load', () => {
  // Its first import transforms the words' whole module graph (ABIs, the catalogue): about 5 s on a
  // busy two-core machine, past vitest's default timeout.
  it(
    'reports the failure, keeps the named fallback meanwhile, and loads on the next try',
    { timeout: 30_000 },
    async () => {
      const { contractWords, loadContractWords } = await import('./load-contract-words.svelte.ts');
      await expect(loadContractWords()).rejects.toThrow();
      expect(contractWords()).toBeUndefined();
      const words = await loadContractWords();
      expect(words.contractMessage('ZeroAmount', [])).toBe('The amount must be more than zero.');
      expect(contractWords()).toBe(words);
    },
  );
});
