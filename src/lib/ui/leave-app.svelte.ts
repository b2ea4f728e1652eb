/**
 * The one leave-the-app dialog's state: every link that came from the chain or metadata asks through
 * it (context set once at the app's root), and the one dialog (leave-dialog.svelte) answers.
 */
import { getContext, setContext } from 'svelte';
import type { ExternalLink } from '../format/external-link.ts';
import { preload } from './preload.ts';
import * as m from '../i18n/messages.ts';

/** Follows a link the reader said yes to: a web page in a new tab, a mail address in the mail app. */
export function leaveFor(href: string) {
  if (href.startsWith('mailto:')) location.assign(href);
  else window.open(href, '_blank', 'noopener,noreferrer');
}

/** The dialog's code: loaded when a link is first pointed at, focused or followed. */
export const loadLeaveDialog = () => import('./leave-dialog.svelte');

export class LeaveApp {
  /** The link waiting for the reader's answer, and who wrote it ("the proposal's author"). */
  pending = $state<(ExternalLink & { source: string }) | undefined>();

  ask(link: ExternalLink, source: string) {
    this.pending = { ...link, source };
  }

  /**
   * A click on a chain-sourced link (its `click` and `auxclick` handler): the main button or the
   * middle one (a new tab, which skipped the dialog when only `click` was handled) asks instead of
   * following it.
   */
  follow(event: MouseEvent, link: ExternalLink, source: string) {
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    this.ask(link, source);
  }

  /**
   * Without the dialog's code (offline, a redeploy): the browser's own dialog asks for the link
   * still waiting, with the whole address, and a no opens nothing.
   */
  askWithoutDialog() {
    const asked = this.pending;
    if (!asked) return;
    this.pending = undefined;
    const words = asked.href.startsWith('mailto:') ? m.errors_leave_app_confirm_mail : m.errors_leave_app_confirm;
    if (confirm(words({ host: asked.host, href: asked.href }))) leaveFor(asked.href);
  }

  /** Starts loading the dialog as a pointer or focus reaches a link, so following it does not wait. */
  prepare() {
    preload(loadLeaveDialog);
  }
}

const KEY = Symbol('leave-app');
export const setLeaveApp = (leave: LeaveApp) => setContext(KEY, leave);
export const useLeaveApp = () => getContext<LeaveApp>(KEY);
