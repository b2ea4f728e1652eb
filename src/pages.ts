/**
 * Every page but the Overview loads when first visited. The page a link opens is asked for as the app
 * starts, beside config.json, and so is the part of its section it opens (a proposal, a delegate), so
 * a phone on a slow network waits for one round trip, not three in a row.
 */
import type { Component } from 'svelte';
import { STAKING_HEAD } from './features/staking/lead.ts';
import { GOVERNANCE_HEAD } from './features/governance/lead.ts';
import { withMessages } from './lib/i18n/locale.svelte.ts';

/** Each section's page, with the shown language's messages for it (nothing more for English). */
export const pages: Record<string, () => Promise<{ default: Component }>> = {
  '/staking': withMessages(() => import('./features/staking/staking-page.svelte'), ['errors', 'staking']),
  '/governance': withMessages(() => import('./features/governance/governance-page.svelte'), ['errors', 'gov']),
  '/airdrop': withMessages(() => import('./features/airdrop/airdrop-page.svelte'), ['errors', 'airdrop']),
  '/activity': withMessages(() => import('./features/activity/activity-page.svelte'), ['errors', 'activity']),
  '/network': withMessages(() => import('./features/network/network-page.svelte'), ['errors', 'network']),
};

/**
 * The sections of the message catalogue the page at `path` draws with: loaded before the first paint
 * in a language other than English, so the page never shows English first.
 */
export function messageSectionsOf(path: string): string[] {
  // The Overview's first screen needs the shell's and its own; a section's pages also show the
  // core's sentences (a form's "connect first", a transaction's steps) from their first paint.
  if (path === '/' || path === '') return ['common', 'overview'];
  const sections = ['common', 'errors'];
  if (path.startsWith('/governance')) {
    sections.push('gov');
    if (path.startsWith('/governance/proposals/')) sections.push('proposal');
    else if (path === '/governance/new') sections.push('create');
    else if (path.startsWith('/governance/delegates')) sections.push('delegates');
  } else {
    const section = sectionOf(path);
    if (section) sections.push(section.slice(1));
  }
  return sections;
}

/**
 * The title and lead a section's page opens with, drawn while its code loads: the first and largest
 * text of a first visit is painted with the app, not a round trip later (the same words, in the same
 * place, so nothing moves when the page arrives).
 */
export const sectionHeads: Record<string, { title: string; lead: string }> = {
  '/staking': STAKING_HEAD,
  '/governance': GOVERNANCE_HEAD,
};

export { governancePages } from './features/governance/subpages.ts';
import { governancePages } from './features/governance/subpages.ts';
import { stakingPages } from './features/staking/subpages.ts';
import { preload } from './lib/ui/preload.ts';

/** The page within a section that `path` opens, if it has its own. */
export function subpageOf(path: string): (() => Promise<unknown>) | undefined {
  if (path.startsWith('/governance/proposals/')) return governancePages.proposal;
  if (path === '/governance/new') return governancePages.create;
  if (path === '/governance/delegates') return governancePages.delegates;
  if (path.startsWith('/governance/delegates/')) return governancePages.delegate;
  if (path.startsWith('/staking/operators/')) return stakingPages.operator;
  return undefined;
}

/** The lazily loaded section `path` belongs to, if any. */
export const sectionOf = (path: string) =>
  Object.keys(pages).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Starts loading the page in `hash` (a `#/…` route) and its own part, if it is not the Overview. */
export function preloadPageOf(hash: string) {
  const path = hash.replace(/^#/, '').split('?')[0];
  const section = sectionOf(path);
  preload(section ? pages[section] : undefined, subpageOf(path));
}
