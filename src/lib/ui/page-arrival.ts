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
  const step = () => {
    // Someone already moved on (a click, a Tab): focus stays where they put it.
    if (document.activeElement !== main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else if (performance.now() - started < WAIT_MS) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function restore(scrollY: number) {
  const started = performance.now();
  let stopped = false;
  const stop = () => (stopped = true);
  // A visitor who scrolls meanwhile has taken over.
  for (const type of ['wheel', 'touchstart', 'keydown'] as const)
    window.addEventListener(type, stop, { once: true, passive: true });
  const step = () => {
    if (stopped) return;
    window.scrollTo(0, scrollY);
    if (Math.abs(window.scrollY - scrollY) > 1 && performance.now() - started < WAIT_MS) requestAnimationFrame(step);
  };
  step();
}
