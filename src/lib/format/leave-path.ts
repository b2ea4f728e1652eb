/**
 * The route of the app's leave page (ui/leave-page.svelte): where every chain-sourced link points in the
 * page (external-link.ts's `leaveHref`), in a module of its own so the first page's router
 * knows the route without loading the link rules.
 */
export const LEAVE_PATH = '/leave';
