/**
 * First step of `npm test`: the end-to-end tests need a Chromium that starts. Without one it installs
 * Playwright's where the network allows, and otherwise stops before any test with one line saying
 * what to run, instead of 90 tests each failing in 50 ms.
 */
import { spawnSync } from 'node:child_process';
import { findChromium, runs } from './browser.ts';

/** Whether a font for Japanese (and so the other CJK scripts Noto covers) is installed. */
function hasCjkFont(): boolean {
  const list = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  return list.status === 0 && list.stdout.trim().length > 0;
}

const found = findChromium();
if (found && runs(found)) {
  if (!hasCjkFont())
    console.warn(
      'No Chinese/Japanese/Korean font: the language tours will measure fallback boxes, not real text. Install one (Debian: sudo apt-get install fonts-noto-cjk).',
    );
  process.exit(0);
}

if (!found) {
  console.error(
    "No Chromium found for the end-to-end tests: installing Playwright's (npx playwright install chromium)…",
  );
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 });
  const installed = install.status === 0 ? findChromium() : undefined;
  if (installed && runs(installed)) process.exit(0);
}

console.error(
  found
    ? `The Chromium at ${found} does not start: reinstall it (Debian: sudo apt-get install --reinstall chromium), then run npm test again.`
    : 'No usable Chromium for the end-to-end tests: run `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install --with-deps chromium`, then npm test again.',
);
process.exit(1);
