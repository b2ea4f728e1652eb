import * as m from '../../lib/i18n/messages.ts';

/**
 * The governance page's title: drawn by the page, and by the app while the page's code loads (the
 * first and largest text of a first visit, painted with the app rather than after the page's files).
 */
export const GOVERNANCE_HEAD = {
  get title() {
    return m.common_governance_lead_title();
  },
  lead: '',
};
