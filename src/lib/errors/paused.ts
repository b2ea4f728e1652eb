/** The one sentence for every action ALT's pause disables, and for `EnforcedPause()` reverts. */
export const ALT_PAUSED_MESSAGE =
  "ALT transfers are paused by ALT's owner: nothing that moves ALT can go through until they resume.";
