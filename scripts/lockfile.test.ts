/**
 * `npm ci` refuses a lockfile that lacks any optional dependency of a locked package ("Missing: … from
 * lock file"), which is what happens when it is written on one platform and a package ships its
 * binaries per platform (anvil, forge, rolldown, esbuild…). Every one must be locked, with its
 * integrity, so a clean install works on every platform.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<
    string,
    { version?: string; integrity?: string; optionalDependencies?: Record<string, string>; link?: boolean }
  >;
};

/** Where npm looks for `name` as seen from the package at `from` (nested first, then hoisted). */
function resolve(from: string, name: string) {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return lock.packages[key];
    if (!dir) return undefined;
  }
}

describe('package-lock.json', () => {
  it('locks every optional (per-platform) dependency of every locked package, with its integrity', () => {
    expect(lock.lockfileVersion).toBe(3);
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const found = resolve(path, name);
        if (!found) missing.push(`${name} (wanted by ${path || 'the project'})`);
        else if (!found.link && !found.integrity) missing.push(`${name} has no integrity`);
      }
    }
    expect(missing).toEqual([]);
  });
});
