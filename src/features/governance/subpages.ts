/** Governance's own pages, loaded with the first visit to each (the list is part of its section). */
import { withMessages } from '../../lib/i18n/locale.svelte.ts';

export const governancePages = {
  proposal: withMessages(() => import('./proposal/proposal-page.svelte'), ['proposal']),
  create: withMessages(() => import('./create/create-proposal.svelte'), ['create']),
  delegates: withMessages(() => import('./delegates/delegates-page.svelte'), ['delegates']),
  delegate: withMessages(() => import('./delegates/delegate-page.svelte'), ['delegates']),
};
