/**
 * Staking's own page the directory does not draw: an operator's (its stake form, actions and
 * history), loaded with the first visit to one, and asked for as the app starts when a link opens it
 * (pages.ts). A connected staker's positions and exposure load from the staking page itself.
 */
export const stakingPages = {
  operator: () => import('./operator-page.svelte'),
};
