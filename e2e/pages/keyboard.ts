/** Keyboard-only driving: reach an element by pressing Tab, as a user without a pointer does. */
import type { Locator, Page } from '@playwright/test';

/** Whether the focused element (looking through shadow roots) is `el`, inside it, or holds it. */
function isFocused(el: Element): boolean {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const within = (inner: Node | null, outer: Node) => {
    for (let n = inner; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === outer) return true;
    return false;
  };
  // Nothing focused means the body is "active", and it holds everything: that is not focus.
  if (!active || active === document.body || active === document.documentElement) return false;
  // A control that wraps the target (a wallet-list button around its label) counts; a container does not.
  const control = active.matches('a[href], button, input, select, textarea, [role="button"], [role="link"]');
  return within(active, el) || (control && within(el, active));
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails if it cannot be reached. */
export async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}) {
  await target.waitFor();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate(isFocused)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} cannot be reached with the keyboard`);
}

/** Whether focus is inside `container` right now. */
export const focusInside = (container: Locator) => container.evaluate(isFocused);
