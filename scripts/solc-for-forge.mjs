#!/usr/bin/env node
/**
 * A native-solc stand-in for Foundry's forge, which cannot download a compiler here: it answers the two
 * calls forge makes (`--version`, and `--standard-json` with the input on stdin) with the npm `solc`
 * package, the same compiler `npm run compile` uses. Named in foundry.toml as `solc`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const solc = require('solc');
const args = process.argv.slice(2);

if (args.includes('--version')) {
  // forge reads the line "Version: x.y.z+commit.hash"; solcjs appends ".Emscripten.clang", which it rejects.
  const version = solc.version().replace(/\.Emscripten\.clang$/, '');
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write(`solc-for-forge: only --version and --standard-json are supported (got ${args.join(' ')})\n`);
  process.exit(1);
}

const valuesOf = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] ? args[i + 1].split(',') : []));
const roots = [...valuesOf('--base-path'), ...valuesOf('--include-path'), process.cwd()];

function findImports(path) {
  const candidates = isAbsolute(path) ? [path] : roots.map((root) => resolve(root, path));
  for (const candidate of candidates) {
    if (existsSync(candidate)) return { contents: readFileSync(candidate, 'utf8') };
  }
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `File not found: ${path} (looked in ${roots.map((r) => join(r, path)).join(', ')})` };
  }
}

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const input = Buffer.concat(chunks).toString('utf8');
  process.stdout.write(solc.compile(input, { import: findImports }));
});
