/**
 * `npx tsx bench/deep-only.ts`: the deep-history part of `npm run bench` alone (the deep devnet from
 * its cache, a fresh build, the pages behind the provider profiles), printed, not written to
 * results.json nor checked against budgets. For a quick look while working on one page:
 * `BENCH_PROFILE=strict BENCH_PAGES=delegates BENCH_MATRIX=0 npx tsx bench/deep-only.ts`.
 */
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { startDeepDevnet } from '../devnet/deep.ts';
import { benchDeep } from './deep.ts';

const root = new URL('..', import.meta.url).pathname;
const deep = await startDeepDevnet(8546, { writeConfig: false });
let server: Awaited<ReturnType<typeof preview>> | undefined;
try {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  server = await preview({ root, preview: { port: 4173, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const results = await benchDeep({
    appUrl: 'http://127.0.0.1:4173/',
    distDir: `${root}dist`,
    appRpcPort: 8545,
    anvilUrl: deep.anvil.url,
    client: deep.client,
    deployment: deep.deployment,
  });
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(44)} ${value}`);
} finally {
  await server?.close();
  await deep.stop();
  // The build's config.json points at the deep devnet now: rebuild before using dist/ otherwise.
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
