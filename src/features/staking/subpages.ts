/**
 * Staking's parts the directory does not draw, loaded when first shown: an operator's own page (its
 * stake form, actions and history), and a connected staker's positions and exposure. A first visit
 * to the directory fetches the directory's code alone (about half the files it fetched before).
 */
export const stakingPages = {
  operator: () => import('./operator-page.svelte'),
  exposure: () => import('./exposure-card.svelte'),
  positions: () => import('./positions-summary.svelte'),
};
