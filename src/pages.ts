/**
 * Every page but the Overview loads when first visited. The page a link opens is asked for as the app
 * starts, beside config.json, and so is the part of its section it opens (a proposal, a delegate), so
 * a phone on a slow network waits for one round trip, not three in a row.
 */
import type { Component } from 'svelte';
import { STAKING_HEAD } from './features/staking/lead.ts';
import { GOVERNANCE_HEAD } from './features/governance/lead.ts';
import { withMessages } from './lib/i18n/locale.svelte.ts';
import { governancePages, governanceSubpageMessages } from './features/governance/subpages.ts';
import { stakingPages } from './features/staking/subpages.ts';
import { preload } from './lib/ui/preload.ts';

/** The catalogue section of each section's own words (its pages also draw with 'common' and 'errors'). */
const SECTION_MESSAGES = {
  '/staking': 'staking',
  '/governance': 'gov',
  '/airdrop': 'airdrop',
  '/activity': 'activity',
  '/network': 'network',
} as const;
type Section = keyof typeof SECTION_MESSAGES;

/** A section's page, with the shown language's messages for it (nothing more for English). */
const page = <T>(prefix: Section, load: () => Promise<T>) => withMessages(load, ['errors', SECTION_MESSAGES[prefix]]);

/** Each section's page. */
export const pages: Record<Section, () => Promise<{ default: Component }>> = {
  '/staking': page('/staking', () => import('./features/staking/staking-page.svelte')),
  '/governance': page('/governance', () => import('./features/governance/governance-page.svelte')),
  '/airdrop': page('/airdrop', () => import('./features/airdrop/airdrop-page.svelte')),
  '/activity': page('/activity', () => import('./features/activity/activity-page.svelte')),
  '/network': page('/network', () => import('./features/network/network-page.svelte')),
};

/**
 * The sections of the message catalogue the page at `path` draws with: loaded before the first paint
 * in a language other than English, so the page never shows English first.
 */
export function messageSectionsOf(path: string): string[] {
  // The Overview's first screen needs the shell's and its own; a section's pages also show the
  // core's sentences (a form's "connect first", a transaction's steps) from their first paint.
  if (path === '/' || path === '') return ['common', 'overview'];
  const section = sectionOf(path);
  if (!section) return ['common', 'errors'];
  const sections: string[] = ['common', 'errors', SECTION_MESSAGES[section]];
  const subpage = governanceSubpageOf(path);
  if (subpage) sections.push(governanceSubpageMessages[subpage]);
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

/** Which of governance's own pages `path` opens, if any. */
function governanceSubpageOf(path: string): keyof typeof governancePages | undefined {
  if (path.startsWith('/governance/proposals/')) return 'proposal';
  if (path === '/governance/new') return 'create';
  if (path === '/governance/delegates') return 'delegates';
  if (path.startsWith('/governance/delegates/')) return 'delegate';
  return undefined;
}

/** The page within a section that `path` opens, if it has its own. */
export function subpageOf(path: string): (() => Promise<unknown>) | undefined {
  const governance = governanceSubpageOf(path);
  if (governance) return governancePages[governance];
  if (path.startsWith('/staking/operators/')) return stakingPages.operator;
  return undefined;
}

/** The lazily loaded section `path` belongs to, if any. */
export const sectionOf = (path: string): Section | undefined =>
  (Object.keys(SECTION_MESSAGES) as Section[]).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Starts loading the page in `hash` (a `#/…` route) and its own part, if it is not the Overview. */
export function preloadPageOf(hash: string) {
  const path = hash.replace(/^#/, '').split('?')[0];
  const section = sectionOf(path);
  preload(section ? pages[section] : undefined, subpageOf(path));
}
