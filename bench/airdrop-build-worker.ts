/** Child process for the airdrop benchmark: builds one distribution and reports time and peak memory. */
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { readFileSync } from 'node:fs';
import { buildAirdropFiles, wasmKeccak } from '../scripts/airdrop/build.ts';
import { parseCsv } from '../scripts/airdrop/distribution.ts';

const [mode, input, outDir] = process.argv.slice(2);
const started = performance.now();
if (mode === 'ours') {
  buildAirdropFiles(input, outDir, 'bench', await wasmKeccak());
} else {
  // OpenZeppelin's library over the same leaves, as one tree: the reference the builder is measured against.
  const { recipients } = parseCsv(readFileSync(input, 'utf8'));
  const tree = StandardMerkleTree.of(
    recipients.map((r) => [r.address, r.total.toString()]),
    ['address', 'uint256'],
  );
  void tree.root;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, peakMiB: peakMiB() }));

/**
 * This process's own peak resident memory. Linux keeps `getrusage`'s maxRSS across exec, so a child
 * spawned by a large parent reports at least the parent's size there (the bench's parent holds
 * browsers' results and a devnet's: a 1M build read 790 MiB under it, 270 MiB alone). The peak of
 * this process's own memory map (`VmHWM`) is its own; elsewhere maxRSS is all there is.
 */
function peakMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux.
  }
  // maxRSS is in KiB on Linux and macOS.
  return process.resourceUsage().maxRSS / 1024;
}
