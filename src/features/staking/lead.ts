/** The staking directory's title and lead: drawn by the page, and by the app while the page's code loads. */
export const STAKING_HEAD = {
  title: 'Staking',
  lead: "Bond ALT to operators who run AltLayer's services. Stake earns ALT and can be slashed if its operator misbehaves.",
} as const;
