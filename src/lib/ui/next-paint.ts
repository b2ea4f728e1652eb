/**
 * Resolves once the browser has painted its next frame (a frame callback, then a task after the
 * paint), or after 100 ms in a tab that is not painting. A screen whose first read brings back a
 * large answer (the staking directory: hundreds of KB for 500 operators) waits for it before asking,
 * so that its frame (heading, lead, the places its figures go) is on screen before that answer's
 * parsing takes the main thread, however fast the answer comes. It costs at most one frame.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
