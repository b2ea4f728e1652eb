/**
 * Every page but the Overview loads when first visited. The page a link opens is asked for as the app
 * starts, beside config.json, so a phone on a slow network waits for one round trip, not two in a row.
 */
import type { Component } from 'svelte';

export const pages: Record<string, () => Promise<{ default: Component }>> = {
  '/staking': () => import('./features/staking/staking-page.svelte'),
  '/governance': () => import('./features/governance/governance-page.svelte'),
  '/airdrop': () => import('./features/airdrop/airdrop-page.svelte'),
};

/** The lazily loaded section `path` belongs to, if any. */
export const sectionOf = (path: string) =>
  Object.keys(pages).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Starts loading the page in `hash` (a `#/…` route), if it is not the Overview. */
export function preloadPageOf(hash: string) {
  const section = sectionOf(hash.replace(/^#/, '').split('?')[0]);
  if (section) void pages[section]().catch(() => {});
}
