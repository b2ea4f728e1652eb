/**
 * The words for the protocol's errors (contract-words.ts), loaded on first need. `contractWords()`
 * is reactive where Svelte reads it (a template, a `$derived`): a page that showed a contract error
 * before the words arrived redraws with them.
 */
type ContractWords = typeof import('./contract-words.ts');

// State rather than `createSubscriber`: importing anything from 'svelte/reactivity' brings its
// SvelteMap and SvelteSet to the first page (the package declares no side-effect-free modules).
let words = $state.raw<ContractWords | undefined>();
let loading: Promise<ContractWords> | undefined;

/** The words, once loaded; undefined before. */
export function contractWords(): ContractWords | undefined {
  return words;
}

/** Loads the words (once; a failed load is tried again next time). */
export function loadContractWords(): Promise<ContractWords> {
  loading ??= import('./contract-words.ts').then(
    (module) => {
      words = module;
      return module;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
