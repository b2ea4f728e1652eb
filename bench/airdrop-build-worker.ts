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
// maxRSS is in KiB on Linux.
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
