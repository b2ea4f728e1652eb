import { preload } from '../../../lib/ui/preload.ts';

/**
 * The voting-power card's forms (wrap, unwrap, delegate) and a viewed Safe's export: drawn only for
 * an account, so their code (permits, typed data, the spend flow, the Safe batch) is not part of the
 * proposal list's first visit; asked for as soon as an account is known, beside its read.
 */
export const votesForms = {
  wrap: () => import('./wrap-forms.svelte'),
  delegate: () => import('./delegate-form.svelte'),
  safeExport: () => import('../../../lib/ui/safe-export.svelte'),
};

/**
 * The parts of the voting-power card and the list's one-line reminder that need an address: their
 * reads, ABIs and summary load only when one is viewed.
 */
export const yourVotesParts = {
  detail: () => import('./your-votes-detail.svelte'),
  line: () => import('./your-votes-line.svelte'),
};

/** Starts loading the forms an account's card draws. */
export function preloadVotesForms() {
  preload(...Object.values(votesForms));
}
