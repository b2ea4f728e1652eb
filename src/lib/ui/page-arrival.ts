/**
 * What happens when the visitor arrives on another page: a new page starts at its top, with focus on
 * its heading (so keyboard and screen-reader users start at the content, and a phone shows the
 * title, not the middle of the last page's scroll); Back or Forward returns to where that page was.
 * Pages draw their content after they load, so both wait for it, briefly.
 */
import type { Route } from '../router/router.svelte.ts';

/** How long a returning page may take to grow tall enough for its old position, or to show its heading. */
const WAIT_MS = 2_000;

export function arrive(arrival: Route['arrival'], main: HTMLElement | null) {
  if (!main) return;
  // The heading is not drawn yet: main holds focus until it is, and keeps it if the page has none.
  main.focus({ preventScroll: true });
  if (arrival.kind === 'return') restore(arrival.scrollY);
  else window.scrollTo(0, 0);
  focusHeading(main);
}

function focusHeading(main: HTMLElement) {
  const started = performance.now();
  let focused: HTMLElement | undefined;
  const step = () => {
    const active = document.activeElement;
    // Someone already moved on (a click, a Tab): focus stays where they put it.
    const ours = active === main || active === document.body || (focused !== undefined && active === focused);
    if (!ours) return;
    // A page may replace its first heading once its data arrives (a loading title, then the real one):
    // focus follows the heading that is there now.
    // A page's stand-in while its code loads (route-page.svelte) is not the page: its title is not focused.
    const heading = main.querySelector<HTMLElement>('h1:not([data-placeholder] h1)');
    if (heading && heading !== focused) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      focused = heading;
    }
    // A page whose code is still loading has not drawn its heading yet: wait for it, however long.
    if (performance.now() - started < WAIT_MS || main.querySelector('[data-placeholder]')) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function restore(scrollY: number) {
  const started = performance.now();
  const done = new AbortController();
  // A visitor who scrolls, drags, taps or types meanwhile has taken over.
  for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const)
    window.addEventListener(type, () => done.abort(), { once: true, passive: true, signal: done.signal });
  const step = () => {
    if (done.signal.aborted) return;
    window.scrollTo(0, scrollY);
    if (Math.abs(window.scrollY - scrollY) <= 1 || performance.now() - started >= WAIT_MS) done.abort();
    else requestAnimationFrame(step);
  };
  step();
}
