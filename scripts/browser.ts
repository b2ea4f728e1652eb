/**
 * The Chromium the end-to-end tests, the benchmark and Lighthouse run in: the system's where there is
 * one (Debian's, since Playwright cannot download its own everywhere), else Playwright's own once it
 * has been installed. One place, so the three never disagree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Whether `path` is a browser that starts (a broken install or a missing library fails here). */
export function runs(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** The system Chromium's path, if there is one. */
export const systemChromium = (): string | undefined => SYSTEM_CHROMIUMS.find((p) => existsSync(p));

/** The Chromium to launch: the system's, else Playwright's own if it is installed; undefined if neither. */
export function findChromium(): string | undefined {
  const system = systemChromium();
  if (system) return system;
  const own = chromium.executablePath();
  return existsSync(own) ? own : undefined;
}
