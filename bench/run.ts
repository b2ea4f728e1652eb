/**
 * `npm run bench`: every performance figure in one run, the same way each time. Starts the devnet at
 * ecosystem scale (500 operators, 1,000 proposals) behind a counting proxy, builds and serves the
 * app, measures it in headless Chromium and Lighthouse, then on the deep devnet (mainnet height and
 * depth, devnet/deep.ts) behind strict, paid and generous provider profiles, runs the airdrop builds, then writes
 * bench/results.json, prints a table and exits non-zero if a budget in bench/budgets.json is broken.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { preview } from 'vite';
import { startDevnet } from '../devnet/start.ts';
import { getAddress } from 'viem';
import { overviewCalls } from '../src/features/overview/read-overview.ts';
import { parseAppConfig } from '../src/lib/config/app-config.ts';
import { createReadClient } from '../src/lib/web3/chains.ts';
import { readCapabilities } from '../src/lib/web3/read-capabilities.ts';
import { benchAirdrop } from './airdrop.ts';
import { firstPageBreakdown } from './first-page.ts';
import { benchMarkdown } from './markdown.ts';
import { benchBrowser, OTHER_LOCALES } from './browser.ts';
import { CountingProxy } from './counting-proxy.ts';
import { LIGHTHOUSE_PAGES, medianLighthouse, runLighthouse } from './lighthouse.ts';
import { benchDeep } from './deep.ts';
import { benchContractGas } from './contract-gas.ts';
import { startDeepDevnet } from '../devnet/deep.ts';

const APP_RPC_PORT = 8545; // what public/config.json points the app at: the proxy
const ANVIL_PORT = 8546;
const PREVIEW_PORT = 4173;
const OPERATORS = 500;
const PROPOSALS = 1_000;
/** Mobile Lighthouse runs per page; their median is measured against the budget. */
const LIGHTHOUSE_MOBILE_RUNS = 3;
const root = new URL('..', import.meta.url).pathname;

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

function step(name: string) {
  const started = performance.now();
  process.stdout.write(`• ${name}…`);
  return () => console.log(` ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const started = performance.now();
for (const port of [APP_RPC_PORT, ANVIL_PORT, PREVIEW_PORT]) {
  if (!(await portFree(port))) {
    console.error(`Port ${port} is in use: stop the running devnet or preview first (the benchmark starts its own).`);
    process.exit(2);
  }
}

let done: () => void;
let firstPageFiles: string[] = [];
const results: Record<string, number> = {};
const labels: Record<string, string> = {};

done = step('contracts: the most gas one transaction needs in the worst states anyone can arrange');
const gas = benchContractGas(root);
results.contract_gas_worst = gas.worst;
labels.contract_gas_worst_call = gas.call;
done();
done = step(`devnet with ${OPERATORS} operators and ${PROPOSALS} proposals`);
const devnet = await startDevnet({ port: ANVIL_PORT, operators: OPERATORS, proposals: PROPOSALS });
done();
const proxy = new CountingProxy(APP_RPC_PORT, devnet.anvil.url);
await proxy.listen();
let server: Awaited<ReturnType<typeof preview>> | undefined;
let deep: Awaited<ReturnType<typeof startDeepDevnet>> | undefined;
try {
  done = step('build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  done();
  server = await preview({
    root,
    preview: { port: PREVIEW_PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const appUrl = `http://127.0.0.1:${PREVIEW_PORT}/`;

  done = step('browser: bytes, requests, time to data');
  Object.assign(
    results,
    await benchBrowser({
      appUrl,
      distDir: `${root}dist`,
      proxy,
      anvilUrl: devnet.anvil.url,
      operators: OPERATORS,
      onFirstPage: (files) => (firstPageFiles = files),
    }),
  );
  // The same Overview reads made one request each, as an app without batching would: every call in
  // its batch, plus the block number and chain time the batch carries.
  const config = parseAppConfig(JSON.parse(readFileSync(`${root}dist/config.json`, 'utf8')));
  const caps = await readCapabilities(createReadClient(config.chains[0]), config.chains[0]);
  results.overview_rpc_requests_naive =
    2 + Object.values(overviewCalls(config.chains[0], caps, getAddress(devnet.accounts[1]))).filter(Boolean).length;
  done();

  done = step(
    `lighthouse: overview, proposal list, staking directory, airdrop (desktop, and mobile as the median of ${LIGHTHOUSE_MOBILE_RUNS} runs); the overview in ${OTHER_LOCALES.join(', ')} (mobile)`,
  );
  for (const [key, path] of LIGHTHOUSE_PAGES) {
    const desktop = await runLighthouse(`${appUrl}${path}`, 'desktop');
    results[`lighthouse_${key}_performance`] = desktop.performance;
    results[`lighthouse_${key}_lcp_ms`] = desktop.lcp_ms;
    results[`lighthouse_${key}_tbt_ms`] = desktop.tbt_ms;
    // Mobile scores swing by several points from one run to the next on a busy machine: the median
    // of three is what is measured against the budget.
    const mobile = await medianLighthouse(`${appUrl}${path}`, 'mobile', LIGHTHOUSE_MOBILE_RUNS);
    results[`lighthouse_${key}_mobile_performance`] = mobile.performance;
    results[`lighthouse_${key}_mobile_lcp_ms`] = mobile.lcp_ms;
    results[`lighthouse_${key}_mobile_tbt_ms`] = mobile.tbt_ms;
  }
  // The Overview in each other language: its messages load before the first paint.
  for (const locale of OTHER_LOCALES) {
    const mobile = await medianLighthouse(`${appUrl}?lang=${locale}#/`, 'mobile', LIGHTHOUSE_MOBILE_RUNS);
    results[`lighthouse_overview_${locale}_mobile_performance`] = mobile.performance;
    results[`lighthouse_overview_${locale}_mobile_lcp_ms`] = mobile.lcp_ms;
  }
  done();

  // The same build on a chain at mainnet height and depth, behind provider-like RPCs.
  await proxy.close();
  await devnet.stop();
  done = step('deep devnet (built once, then loaded from its cache)');
  deep = await startDeepDevnet(ANVIL_PORT, { writeConfig: false });
  done();
  done = step('deep history behind strict, paid and generous providers: cold and warm pages');
  Object.assign(
    results,
    await benchDeep({
      appUrl,
      distDir: `${root}dist`,
      appRpcPort: APP_RPC_PORT,
      anvilUrl: deep.anvil.url,
      client: deep.client,
      deployment: deep.deployment,
    }),
  );
  done();
} finally {
  await server?.close();
  await proxy.close().catch(() => {});
  await devnet.stop();
  await deep?.stop();
}

done = step('markdown: worst 100 KB of hostile text');
Object.assign(results, benchMarkdown());
done();

done = step('airdrop: 1M build, checks, 100k against OpenZeppelin');
Object.assign(results, await benchAirdrop());
results.airdrop_openzeppelin_ratio = results.airdrop_openzeppelin_100k_s / results.airdrop_build_100k_s;
done();
done = step('first page: where its bytes go (a build with hidden source maps)');
const breakdown = firstPageFiles.length ? firstPageBreakdown(root, `${root}dist`, firstPageFiles) : [];
done();
results.bench_total_s = (performance.now() - started) / 1000;

const rounded = Object.fromEntries(
  Object.entries(results).map(([k, v]) => [k, Number.isInteger(v) ? v : Math.round(v * 100) / 100]),
);
const firstPage = Object.fromEntries(breakdown.map(([group, kib]) => [group, Math.round(kib * 100) / 100]));
writeFileSync(
  `${root}bench/results.json`,
  `${JSON.stringify({ ...rounded, ...labels, first_page_breakdown_gzip_kib: firstPage }, null, 2)}\n`,
);

const budgets: Record<string, { max?: number; min?: number }> = JSON.parse(
  readFileSync(`${root}bench/budgets.json`, 'utf8'),
);
const broken: string[] = [];
console.log(`\n${'figure'.padEnd(40)} ${'value'.padStart(12)}  budget`);
for (const [key, value] of Object.entries(rounded)) {
  const budget = budgets[key];
  let mark = '';
  if (budget) {
    const ok = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
    mark = `${budget.max !== undefined ? `≤ ${budget.max}` : `≥ ${budget.min}`} ${ok ? 'ok' : 'BROKEN'}`;
    if (!ok) broken.push(`${key} = ${value} (${budget.max !== undefined ? `max ${budget.max}` : `min ${budget.min}`})`);
  }
  console.log(`${key.padEnd(40)} ${String(value).padStart(12)}  ${mark}`);
}
for (const [key, value] of Object.entries(labels)) console.log(`${key.padEnd(40)} ${value}`);
for (const key of Object.keys(budgets)) if (!(key in rounded)) broken.push(`${key} was not measured`);
console.log(`\nThe first page (${rounded.initial_js_css_gzip_kib} KiB gzip), by where its code comes from:`);
for (const [group, kib] of breakdown) console.log(`  ${group.padEnd(44)} ${kib.toFixed(2).padStart(8)} KiB`);
console.log('\nWrote bench/results.json');
if (broken.length) {
  console.error(`Budgets broken:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
