/** Governance's own pages, loaded with the first visit to each (the list is part of its section). */
export const governancePages = {
  proposal: () => import('./proposal/proposal-page.svelte'),
  create: () => import('./create/create-proposal.svelte'),
  delegates: () => import('./delegates/delegates-page.svelte'),
  delegate: () => import('./delegates/delegate-page.svelte'),
};
