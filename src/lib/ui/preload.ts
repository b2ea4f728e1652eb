/**
 * Starts loading code that will be drawn soon (a page a link opens, a card an account will show),
 * so it is in by the time it is needed. A load that fails is not an error here: the part that draws
 * it (lib/ui/lazy.svelte) asks again and says so. An absent load (nothing to preload) is skipped.
 */
export function preload(...loads: ((() => Promise<unknown>) | undefined)[]) {
  for (const load of loads) void load?.().catch(() => {});
}
