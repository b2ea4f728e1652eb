/**
 * The words for the protocol's errors (contract-words.ts), loaded on first need. `contractWords()`
 * is reactive where Svelte reads it (a template, a `$derived`): a page that showed a contract error
 * before the words arrived redraws with them.
 */
import { createSubscriber } from 'svelte/reactivity';

type ContractWords = typeof import('./contract-words.ts');

let words: ContractWords | undefined;
let loading: Promise<ContractWords> | undefined;
let arrived: (() => void) | undefined;
const subscribe = createSubscriber((update) => {
  arrived = update;
  return () => (arrived = undefined);
});

/** The words, once loaded; undefined before. */
export function contractWords(): ContractWords | undefined {
  subscribe();
  return words;
}

/** Loads the words (once; a failed load is tried again next time). */
export function loadContractWords(): Promise<ContractWords> {
  loading ??= import('./contract-words.ts').then(
    (module) => {
      words = module;
      arrived?.();
      return module;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
