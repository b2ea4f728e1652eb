/**
 * `npx tsx bench/lighthouse-only.ts`: the Lighthouse part of `npm run bench` alone (the same devnet,
 * a fresh build, mobile Lighthouse), printed, not written to results.json nor checked against
 * budgets. For a quick look at one page, with its LCP element and long tasks:
 * `LH_PAGES=proposals,staking LH_RUNS=3 LH_DEBUG=1 npx tsx bench/lighthouse-only.ts`.
 */
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { startDevnet } from '../devnet/start.ts';
import { CountingProxy } from './counting-proxy.ts';
import { LIGHTHOUSE_PAGES, medianLighthouse } from './lighthouse.ts';

const root = new URL('..', import.meta.url).pathname;
const only = process.env.LH_PAGES?.split(',');
const runs = Number(process.env.LH_RUNS ?? 3);
const devnet = await startDevnet({ port: 8546, operators: 500, proposals: 1_000 });
const proxy = new CountingProxy(8545, devnet.anvil.url);
await proxy.listen();
let server: Awaited<ReturnType<typeof preview>> | undefined;
try {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  server = await preview({ root, preview: { port: 4173, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  for (const [key, path] of LIGHTHOUSE_PAGES.filter(([key]) => !only || only.includes(key))) {
    const mobile = await medianLighthouse(`http://127.0.0.1:4173/${path}`, 'mobile', runs);
    console.log(
      `${key} mobile (median of ${runs}): ${mobile.performance}, LCP ${Math.round(mobile.lcp_ms)} ms, TBT ${Math.round(mobile.tbt_ms)} ms`,
    );
  }
} finally {
  await server?.close();
  await proxy.close();
  await devnet.stop();
}
