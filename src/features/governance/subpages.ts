/** Governance's own pages, loaded with the first visit to each (the list is part of its section). */
import { withMessages } from '../../lib/i18n/locale.svelte.ts';

/** The catalogue section each of them draws with, beside the governance section's own ('gov'). */
export const governanceSubpageMessages = {
  proposal: 'proposal',
  create: 'create',
  delegates: 'delegates',
  delegate: 'delegates',
} as const;

const sections = governanceSubpageMessages;
export const governancePages = {
  proposal: withMessages(() => import('./proposal/proposal-page.svelte'), [sections.proposal]),
  create: withMessages(() => import('./create/create-proposal.svelte'), [sections.create]),
  delegates: withMessages(() => import('./delegates/delegates-page.svelte'), [sections.delegates]),
  delegate: withMessages(() => import('./delegates/delegate-page.svelte'), [sections.delegate]),
};
