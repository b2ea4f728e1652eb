import * as m from '../../lib/i18n/messages.ts';

/** The staking directory's title and lead: drawn by the page, and by the app while the page's code loads. */
export const STAKING_HEAD = {
  get title() {
    return m.common_staking_lead_title();
  },
  get lead() {
    return m.common_staking_lead_text();
  },
};
