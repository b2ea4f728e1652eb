import * as m from '../i18n/messages.ts';

/** The one sentence for every action ALT's pause disables, and for `EnforcedPause()` reverts. */
export const altPausedMessage = () => m.errors_paused_alt_paused();

/**
 * The same sentence in English only, for what still reads it as a constant (the network banner):
 * `altPausedMessage()` follows the language shown.
 */
export const ALT_PAUSED_MESSAGE =
  "ALT transfers are paused by ALT's owner: nothing that moves ALT can go through until they resume.";
