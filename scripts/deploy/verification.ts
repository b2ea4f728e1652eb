/**
 * Standard-JSON compiler input for source verification on block explorers: for one contract, its
 * source file and every file it imports (contracts/ and OpenZeppelin), with the exact settings
 * `npm run compile` used, so the explorer reproduces the deployed bytecode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import solc from 'solc';
import { compilerSettings } from '../compile.ts';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function read(unit: string): string {
  return readFileSync(unit.startsWith('contracts/') ? join(root, unit) : require.resolve(unit), 'utf8');
}

/** Source units `unit` needs, itself included, keyed as solc names them. */
export function importClosure(unit: string, found = new Map<string, string>()): Map<string, string> {
  if (found.has(unit)) return found;
  const content = read(unit);
  found.set(unit, content);
  for (const [, path] of content.matchAll(/^\s*import\s+(?:[^'"]*from\s+)?["']([^"']+)["']/gm)) {
    const resolved = path.startsWith('.') ? posix.normalize(posix.join(posix.dirname(unit), path)) : path;
    importClosure(resolved, found);
  }
  return found;
}

export interface VerificationInput {
  /** e.g. `contracts/AltStaking.sol:AltStaking`, as explorers ask for it. */
  contract: string;
  compilerVersion: string;
  input: { language: 'Solidity'; sources: Record<string, { content: string }>; settings: object };
}

/** The standard-JSON input that verifies `name` (a contract in contracts/<name>.sol). */
export function verificationInput(name: string): VerificationInput {
  const unit = `contracts/${name}.sol`;
  const sources = Object.fromEntries([...importClosure(unit)].sort().map(([key, content]) => [key, { content }]));
  return {
    contract: `${unit}:${name}`,
    compilerVersion: `v${solc.version().replace(/\.Emscripten\.clang$/, '')}`,
    input: {
      language: 'Solidity',
      sources,
      settings: { ...compilerSettings, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
    },
  };
}
