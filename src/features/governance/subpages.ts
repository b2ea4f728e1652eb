/** Governance's own pages, loaded with the first visit to each (the list is part of its section). */
export const governancePages = {
  proposal: () => import('./proposal-page.svelte'),
  create: () => import('./create-proposal.svelte'),
  delegates: () => import('./delegates-page.svelte'),
  delegate: () => import('./delegate-page.svelte'),
};
