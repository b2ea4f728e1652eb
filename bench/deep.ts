/**
 * The app on a chain at mainnet height and depth (devnet/deep.ts) behind RPCs that behave like
 * public providers (scripts/rpc-proxy.ts): for each profile, each page opened cold (a fresh browser
 * profile: empty caches and storage) and warm (the same profile, after 100 more blocks). A figure is
 * navigation start to the page's data on screen, read in the page; requests are HTTP requests that
 * reached the proxy while the page loaded. A page that first shows the history the app already had
 * (the build's snapshot, 500 blocks behind the head here, or an earlier visit's logs), labelled as
 * such, or the operator directory's first screen as the last visit read it, also reports
 * `*_current_ms`: when it reached the head.
 */
import { median } from './median.ts';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { altGovernorAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import { writeDevnetConfig } from '../devnet/start.ts';
import { describeProfile, PROFILES, randomProfile, RpcProxy, type ProviderProfile } from '../scripts/rpc-proxy.ts';
import type { DevnetClient } from '../devnet/client.ts';
import type { Deployment } from '../devnet/deploy.ts';
import { launchOffline } from './browser.ts';
import { deepActor } from '../devnet/deep.ts';
import { httpRequest, writeHistorySnapshot } from '../scripts/history-snapshot.ts';
import { snapshotPaths } from '../src/lib/logs/snapshot-format.ts';
import { parseAppConfig } from '../src/lib/config/app-config.ts';

/** Blocks between the build's history snapshot and the head when the pages are measured. */
const SNAPSHOT_LAG = 500n;

export interface DeepBenchOptions {
  appUrl: string;
  distDir: string;
  /** Where the app's config says its RPC is: the proxy listens there. */
  appRpcPort: number;
  anvilUrl: string;
  client: DevnetClient;
  deployment: Deployment;
  /** Longest a page is given to show its data before it counts as failed at that time. */
  pageTimeoutMs?: number;
}

interface PageSpec {
  key: string;
  path: string;
  /** The page shows its data once `count` elements match `selector`, or its text matches `text`. */
  ready: { selector: string; count?: number } | { text: string };
}

/** The pages measured, with what "its data on screen" means for each. */
async function pages(client: DevnetClient, deployment: Deployment): Promise<PageSpec[]> {
  const { governor, staking } = deployment.contracts;
  const count = await client.readContract({ address: governor, abi: altGovernorAbi, functionName: 'proposalCount' });
  // A proposal from the middle of the history, and the delegate and operator that history names most.
  const [proposal] = (await client.readContract({
    address: governor,
    abi: altGovernorAbi,
    functionName: 'proposalDetailsAt',
    args: [count / 2n],
  })) as readonly [bigint, ...unknown[]];
  const operators = (await client.readContract({
    address: staking,
    abi: altStakingAbi,
    functionName: 'getOperators',
    args: [0n, 500n],
  })) as readonly { operator: `0x${string}`; slashCount: number }[];
  const slashed = operators.filter((o) => o.slashCount > 0).at(-1)!.operator;
  const delegate = deepActor('delegate', 0);
  // The newest proposal that may still be executed: its page's pre-flight (simulated at the head).
  const states = await Promise.all(
    Array.from({ length: Math.min(Number(count), 40) }, async (_, k) => {
      const [id] = (await client.readContract({
        address: governor,
        abi: altGovernorAbi,
        functionName: 'proposalDetailsAt',
        args: [count - 1n - BigInt(k)],
      })) as readonly [bigint, ...unknown[]];
      const state = await client.readContract({
        address: governor,
        abi: altGovernorAbi,
        functionName: 'state',
        args: [id],
      });
      return { id, live: [0, 1, 4, 5].includes(Number(state)) };
    }),
  );
  const live = states.find((s) => s.live)?.id;
  return [
    // A holder's Overview: its figures read in one batch, "as of block N" once they show.
    { key: 'overview', path: `#/?address=${delegate}`, ready: { text: 'as of block \\d+' } },
    { key: 'proposals', path: '#/governance', ready: { selector: 'li[data-proposal]', count: 10 } },
    {
      key: 'proposal_page',
      path: `#/governance/proposals/${proposal}`,
      ready: { text: 'Description verified against the hash stored on-chain' },
    },
    { key: 'delegates', path: '#/governance/delegates', ready: { selector: 'tr[data-delegate]', count: 25 } },
    {
      key: 'delegate_history',
      path: `#/governance/delegates/${delegate}`,
      ready: { selector: '[aria-label="Vote history"] li' },
    },
    { key: 'operators', path: '#/staking', ready: { selector: 'tr[data-operator]', count: 25 } },
    ...(live === undefined
      ? []
      : [
          {
            key: 'preflight',
            path: `#/governance/proposals/${live}`,
            ready: { text: 'Would succeed|Would revert at action|fails when tried alone|cannot simulate' },
          },
        ]),
    {
      key: 'operator_page',
      path: `#/staking/operators/${slashed}`,
      ready: { selector: '[aria-labelledby="slashes-title"] blockquote.reason' },
    },
  ];
}

/**
 * Milliseconds from navigation start to `ready`, or undefined if it did not come within the timeout;
 * and to the data reaching the head (a history page first shows what the app already had, labelled,
 * while it reads the blocks since, and the operator directory the first screen of the last visit,
 * labelled, while it reads the current one: `current` is when that label is gone).
 */
async function timeToData(
  page: Page,
  url: string,
  ready: PageSpec['ready'],
  timeout: number,
): Promise<{ ms?: number; current?: number }> {
  await page.goto(url);
  // A function, not a string: the site's CSP forbids evaluating strings.
  const ms = await page
    .waitForFunction(
      (r) =>
        ('text' in r
          ? new RegExp(r.text).test(document.body.innerText)
          : document.querySelectorAll(r.selector).length >= (r.count ?? 1)) && performance.now(),
      ready,
      { timeout, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  if (ms === undefined) return {};
  const current = await page
    .waitForFunction(
      () =>
        !document.querySelector('[data-testid="history-catching-up"], [data-testid="directory-preview"]') &&
        performance.now(),
      null,
      { timeout, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  return { ms, current };
}

/** Whether the page failed: no data in time, or an error shown; what it showed is printed. */
async function shownError(page: Page, ms: number | undefined, label: string): Promise<boolean> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  if (ms === undefined) console.log(`  ${label}: no data${alerts.length ? `; shown: ${alerts.join(' | ')}` : ''}`);
  else if (alerts.length) console.log(`  ${label}: error shown: ${alerts.join(' | ')}`);
  return ms === undefined || alerts.length > 0;
}

/** What the requests since `mark` asked for, by method: "eth_getLogs 52, eth_call 14". */
function methodCounts(proxy: RpcProxy, mark: number): string {
  const counts = new Map<string, number>();
  for (const r of proxy.requests.slice(mark)) for (const m of r.methods) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
}

/** BENCH_TIMELINE=1: each request since `mark`, when it went and came back, what it carried. */
function printTimeline(proxy: RpcProxy, mark: number, started: number) {
  for (const r of proxy.requests.slice(mark)) {
    const counts = new Map<string, number>();
    for (const m of r.methods) counts.set(m, (counts.get(m) ?? 0) + 1);
    const what = [...counts].map(([m, n]) => `${m.replace('eth_', '')}×${n}`).join(' ');
    const spans = r.spans?.length ? ` [${r.spans.join(' ')}]` : '';
    const back = r.answeredAt === undefined ? '-' : Math.round(r.answeredAt - started);
    console.log(
      `    ${Math.round(r.at - started)}→${back} ms ${r.status}${r.rateLimited ? ' rate' : ''} ${what}${spans}`,
    );
  }
}

/** Cold visits per page and profile (BENCH_COLD_RUNS, 3 unless set); the figures are their medians. */
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);

/**
 * Waits out the provider's rate window (one second) before a page is measured: the proxy limits
 * calls per client over the last second, and every page here comes from one client, so a page opened
 * at once after the previous one would be measured on that page's traffic, which no visitor opening
 * it has.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_100));

export async function benchDeep(options: DeepBenchOptions): Promise<Record<string, number>> {
  const { appUrl, distDir, appRpcPort, anvilUrl, client, deployment, pageTimeoutMs = 15_000 } = options;
  const results: Record<string, number> = {};
  const head = await client.getBlockNumber();
  results.head_block = Number(head);
  results.history_blocks = Number(head) - deployment.deployBlock;
  results.full_scan_windows = Math.floor(results.history_blocks / PROFILES.strict.logRange);
  results.operators_count = Number(
    await client.readContract({
      address: deployment.contracts.staking,
      abi: altStakingAbi,
      functionName: 'operatorCount',
    }),
  );
  // The built app reads the deep chain through the proxy.
  await writeDevnetConfig(deployment, anvilUrl, join(distDir, 'config.json'));
  const config = JSON.parse(readFileSync(join(distDir, 'config.json'), 'utf8'));
  config.chains.find((c: { id: number }) => c.id === 31337).rpcUrls = [`http://127.0.0.1:${appRpcPort}`];
  writeFileSync(join(distDir, 'config.json'), JSON.stringify(config, null, 2));

  // The build ships a history snapshot a week of mainnet behind (500 devnet blocks: the devnet
  // compresses history about 100× against a 1,000-block cap); the app reads only what follows it.
  const snapshotStarted = performance.now();
  const chainConfig = parseAppConfig(config).chains.find((c) => c.id === 31337)!;
  const snapshot = await writeHistorySnapshot({
    request: httpRequest(anvilUrl),
    chain: { ...chainConfig, rpcUrls: [anvilUrl] },
    outDir: distDir,
    block: head - SNAPSHOT_LAG,
  });
  results.history_snapshot_lag_blocks = Number(SNAPSHOT_LAG);
  results.history_snapshot_build_ms = Math.round(performance.now() - snapshotStarted);
  results.history_snapshot_logs = snapshot.logs;
  results.history_snapshot_head_kib =
    Math.round((gzipSync(readFileSync(join(distDir, snapshotPaths(31337).head))).length / 1024) * 10) / 10;
  results.history_snapshot_total_mib = Math.round((snapshot.totalBytes / 1024 / 1024) * 10) / 10;

  // BENCH_PAGES=delegates,operators measures only those pages (a quicker look while working on one).
  const onlyPages = process.env.BENCH_PAGES?.split(',');
  const specs = (await pages(client, deployment)).filter((p) => !onlyPages || onlyPages.includes(p.key));
  const browser = await launchOffline();
  try {
    const only = process.env.BENCH_PROFILE;
    for (const profile of [PROFILES.strict, PROFILES.paid, PROFILES.generous].filter(
      (p) => !only || p.name === only,
    ) as ProviderProfile[]) {
      const proxy = new RpcProxy(appRpcPort, anvilUrl, profile, 11);
      await proxy.listen();
      let errors = 0;
      const contexts: BrowserContext[] = [];
      try {
        for (const spec of specs) {
          // Each cold visit in a fresh browser profile, COLD_RUNS times: the figures are their medians
          // (a rate limit met a few milliseconds earlier or later moves one visit by a second). The
          // last profile is kept for the warm visit.
          const visits: { ms?: number; current?: number; requests: number }[] = [];
          let ctx: BrowserContext | undefined;
          for (let run = 0; run < COLD_RUNS; run++) {
            await ctx?.close();
            ctx = await browser.newContext();
            const page = await ctx.newPage();
            // BENCH_DEBUG=1 prints what the page logs (a warning the app writes while investigating).
            if (process.env.BENCH_DEBUG)
              page.on('console', (m) => console.log(`    [${spec.key}] ${m.type()}: ${m.text()}`));
            await settle();
            const mark = proxy.mark();
            const visitStarted = performance.now();
            const { ms, current } = await timeToData(page, `${appUrl}${spec.path}`, spec.ready, pageTimeoutMs);
            if (process.env.BENCH_TIMELINE) printTimeline(proxy, mark, visitStarted);
            visits.push({ ms, current, requests: proxy.since(mark).requests });
            console.log(
              `  ${profile.name} ${spec.key} cold #${run + 1}: ${ms === undefined ? `no data in ${pageTimeoutMs} ms` : `${Math.round(ms)} ms`} (up to the head: ${current === undefined ? 'not within the timeout' : `${Math.round(current)} ms`}), ${proxy.since(mark).requests} requests (calls: ${methodCounts(proxy, mark)})`,
            );
            if (await shownError(page, ms, `${profile.name} ${spec.key} cold`)) errors++;
            await page.close();
          }
          contexts.push(ctx!);
          const ms = median(visits.map((v) => v.ms ?? pageTimeoutMs));
          const current = median(visits.map((v) => v.current ?? pageTimeoutMs));
          const requests = median(visits.map((v) => v.requests));
          results[`${profile.name}_${spec.key}_cold_ms`] = ms;
          results[`${profile.name}_${spec.key}_cold_current_ms`] = current;
          results[`${profile.name}_${spec.key}_cold_requests`] = requests;
          if (COLD_RUNS > 1)
            console.log(
              `  ${profile.name} ${spec.key} cold, median of ${COLD_RUNS}: ${Math.round(ms)} ms (up to the head: ${Math.round(current)} ms), ${requests} requests`,
            );
        }
        // 100 more blocks, then each page again in the profile that saw it.
        // Raw, without the client's 10 s timeout: each block over this state takes anvil ~0.15 s.
        await fetch(anvilUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_mine', params: ['0x64', '0xc'] }),
        });
        let warmMax = 0;
        for (const [i, spec] of specs.entries()) {
          await settle();
          const page = await contexts[i].newPage();
          const { ms, current } = await timeToData(page, `${appUrl}${spec.path}`, spec.ready, pageTimeoutMs);
          results[`${profile.name}_${spec.key}_warm_ms`] = ms ?? pageTimeoutMs;
          results[`${profile.name}_${spec.key}_warm_current_ms`] = current ?? pageTimeoutMs;
          // The warm budget is the pages' data; a proposal's pre-flight has its own (cold) budget.
          if (spec.key !== 'preflight') warmMax = Math.max(warmMax, ms ?? pageTimeoutMs);
          console.log(
            `  ${profile.name} ${spec.key} warm: ${ms === undefined ? 'no data' : `${Math.round(ms)} ms`} (up to the head: ${current === undefined ? '-' : `${Math.round(current)} ms`})`,
          );
          if (await shownError(page, ms, `${profile.name} ${spec.key} warm`)) errors++;
          await page.close();
        }
        results[`${profile.name}_warm_max_ms`] = warmMax;
        // A proposal's pre-flight verdict, from a cold visit to its page (#31's `strict_preflight_ms`).
        if (results[`${profile.name}_preflight_cold_ms`] !== undefined)
          results[`${profile.name}_preflight_ms`] = results[`${profile.name}_preflight_cold_ms`];
        results[`${profile.name}_errors_shown`] = errors;
        const seen = proxy.since(0);
        results[`${profile.name}_rate_limited`] = seen.rateLimited;
      } finally {
        for (const ctx of contexts) await ctx.close();
        await proxy.close();
      }
    }
    // BENCH_MATRIX=0 leaves out the random providers and the failover (a quicker look at one page).
    if (process.env.BENCH_MATRIX !== '0') {
      Object.assign(results, await providerMatrix(browser, specs, appUrl, appRpcPort, anvilUrl));
      Object.assign(results, await failoverRecovery(browser, appUrl, distDir, config, appRpcPort, anvilUrl));
    }
  } finally {
    await browser.close();
    // The snapshot describes the deep chain only: the build is left as it was.
    rmSync(join(distDir, 'history'), { recursive: true, force: true });
  }
  return results;
}

/**
 * The seeds of the matrix's providers: fixed, so runs compare (e2e draws new ones every run).
 * BENCH_SEEDS=1005,1007 visits behind those only (a quicker look at one provider).
 */
const MATRIX_SEEDS = process.env.BENCH_SEEDS
  ? process.env.BENCH_SEEDS.split(',').map(Number)
  : Array.from({ length: 10 }, (_, i) => 1_001 + i);
/** How long a page has to show its data in the matrix. */
const MATRIX_TIMEOUT_MS = 20_000;

/**
 * `provider_matrix_ok`: behind each of ten seeded random providers (every limit drawn from its range,
 * see randomProfile), each page opened cold in a fresh profile; the share of visits that show their
 * data within 20 s with no error shown.
 */
async function providerMatrix(
  browser: Awaited<ReturnType<typeof launchOffline>>,
  specs: PageSpec[],
  appUrl: string,
  appRpcPort: number,
  anvilUrl: string,
): Promise<Record<string, number>> {
  let visits = 0;
  let ok = 0;
  for (const seed of MATRIX_SEEDS) {
    const profile = randomProfile(seed);
    console.log(`  provider ${seed}: ${describeProfile(profile)}`);
    const proxy = new RpcProxy(appRpcPort, anvilUrl, profile, seed);
    await proxy.listen();
    const context = await browser.newContext();
    try {
      for (const spec of specs) {
        const page = await context.newPage();
        await settle();
        const { ms } = await timeToData(page, `${appUrl}${spec.path}`, spec.ready, MATRIX_TIMEOUT_MS);
        visits++;
        if (!(await shownError(page, ms, `provider ${seed} ${spec.key}`))) ok++;
        await page.close();
      }
    } finally {
      await context.close();
      await proxy.close();
    }
  }
  console.log(`  ${ok} of ${visits} visits showed their data within ${MATRIX_TIMEOUT_MS / 1000} s`);
  return { provider_matrix_ok: ok / visits, provider_matrix_visits: visits };
}

/**
 * `failover_recovery_ms`: the Overview open over two RPCs; the one in use dies and a block is mined
 * at once; the time until the page shows that block's data (read through the other).
 */
async function failoverRecovery(
  browser: Awaited<ReturnType<typeof launchOffline>>,
  appUrl: string,
  distDir: string,
  config: { chains: { id: number; rpcUrls: string[] }[] },
  appRpcPort: number,
  anvilUrl: string,
): Promise<Record<string, number>> {
  const quick = { ...PROFILES.generous, name: 'failover', latencyMs: 20 };
  const endpoints = [new RpcProxy(appRpcPort, anvilUrl, quick, 1), new RpcProxy(appRpcPort + 100, anvilUrl, quick, 2)];
  // A second RPC, as a deployer adds one: in config.json and in the CSP's connect-src of index.html.
  const file = join(distDir, 'config.json');
  const html = join(distDir, 'index.html');
  const original = readFileSync(file, 'utf8');
  const originalHtml = readFileSync(html, 'utf8');
  const two = structuredClone(config);
  two.chains.find((c) => c.id === 31337)!.rpcUrls = endpoints.map((e) => e.url);
  writeFileSync(file, JSON.stringify(two, null, 2));
  writeFileSync(html, originalHtml.replace("connect-src 'self'", `connect-src 'self' ${endpoints[1].url}`));
  const context = await browser.newContext();
  try {
    for (const e of endpoints) await e.listen();
    const page = await context.newPage();
    const delegate = deepActor('delegate', 0);
    await page.goto(`${appUrl}#/?address=${delegate}`);
    const asOf = async () => Number(/as of block (\d+)/.exec(await page.locator('main').innerText())?.[1] ?? 0);
    await page
      .waitForFunction(() => /as of block \d+/.test(document.body.innerText), null, { timeout: 30_000 })
      .catch((e) => {
        throw new Error(`the Overview did not show over two RPCs: ${(e as Error).message.split('\n')[0]}`);
      });
    await settle();
    // The endpoint in use is the one that answered last.
    const marks = endpoints.map((e) => e.mark());
    await new Promise((r) => setTimeout(r, 2_000));
    const inUse = endpoints.reduce((a, b, i) =>
      b.since(marks[i]).requests > a.since(marks[endpoints.indexOf(a)]).requests ? b : a,
    );
    const shown = await asOf();
    const started = performance.now();
    inUse.kill();
    await fetch(anvilUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_mine', params: ['0x1', '0xc'] }),
    });
    await page.waitForFunction(
      (after) => Number(/as of block (\d+)/.exec(document.body.innerText)?.[1] ?? 0) > after,
      shown,
      { timeout: 30_000, polling: 'raf' },
    );
    const ms = Math.round(performance.now() - started);
    console.log(`  failover: block ${shown + 1} shown ${ms} ms after the RPC in use died`);
    return { failover_recovery_ms: ms };
  } catch (error) {
    console.log(`  failover: the next block was not shown (${(error as Error).message.split('\n')[0]})`);
    return { failover_recovery_ms: 30_000 };
  } finally {
    await context.close();
    for (const e of endpoints) await e.close();
    writeFileSync(file, original);
    writeFileSync(html, originalHtml);
  }
}
