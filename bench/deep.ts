/**
 * The app on a chain at mainnet height and depth (devnet/deep.ts) behind RPCs that behave like
 * public providers (scripts/rpc-proxy.ts): for each profile, each page opened cold (a fresh browser
 * profile: empty caches and storage) and warm (the same profile, after 100 more blocks). A figure is
 * navigation start to the page's data on screen, read in the page; requests are HTTP requests that
 * reached the proxy while the page loaded.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { altGovernorAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import { writeDevnetConfig } from '../devnet/start.ts';
import { PROFILES, RpcProxy, type ProviderProfile } from '../scripts/rpc-proxy.ts';
import type { DevnetClient } from '../devnet/client.ts';
import type { Deployment } from '../devnet/deploy.ts';
import { CHROMIUM } from './browser.ts';
import { deepActor } from '../devnet/deep.ts';

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
  /** True once the page shows its data. */
  ready: string;
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
  const text = (pattern: string) => `new RegExp(${JSON.stringify(pattern)}).test(document.body.innerText)`;
  return [
    { key: 'overview', path: '#/', ready: text('as of block \\d+') },
    { key: 'proposals', path: '#/governance', ready: `document.querySelectorAll('li[data-proposal]').length >= 10` },
    {
      key: 'proposal_page',
      path: `#/governance/proposals/${proposal}`,
      ready: text('Description verified against the hash stored on-chain'),
    },
    { key: 'delegates', path: '#/governance/delegates', ready: `document.querySelectorAll('tr[data-delegate]').length >= 25` },
    {
      key: 'delegate_history',
      path: `#/governance/delegates/${delegate}`,
      ready: `document.querySelectorAll('[aria-label="Vote history"] li').length >= 1`,
    },
    { key: 'operators', path: '#/staking', ready: `document.querySelectorAll('tr[data-operator]').length >= 25` },
    {
      key: 'operator_page',
      path: `#/staking/operators/${slashed}`,
      ready: `document.querySelectorAll('[aria-labelledby="slashes-title"] blockquote.reason').length >= 1`,
    },
  ];
}

/** Milliseconds from navigation start to `ready`, or undefined if it did not come within the timeout. */
async function timeToData(page: Page, url: string, ready: string, timeout: number): Promise<number | undefined> {
  await page.goto(url);
  return page
    .waitForFunction(`(${ready}) && performance.now()`, undefined, { timeout, polling: 'raf' })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
}

export async function benchDeep(options: DeepBenchOptions): Promise<Record<string, number>> {
  const { appUrl, distDir, appRpcPort, anvilUrl, client, deployment, pageTimeoutMs = 15_000 } = options;
  const results: Record<string, number> = {};
  const head = await client.getBlockNumber();
  results.head_block = Number(head);
  results.history_blocks = Number(head) - deployment.deployBlock;
  results.full_scan_windows = Math.floor(results.history_blocks / PROFILES.strict.logRange);
  results.operators_count = Number(
    await client.readContract({ address: deployment.contracts.staking, abi: altStakingAbi, functionName: 'operatorCount' }),
  );
  // The built app reads the deep chain through the proxy.
  await writeDevnetConfig(deployment, anvilUrl, join(distDir, 'config.json'));
  const config = JSON.parse((await import('node:fs')).readFileSync(join(distDir, 'config.json'), 'utf8'));
  config.chains.find((c: { id: number }) => c.id === 31337).rpcUrls = [`http://127.0.0.1:${appRpcPort}`];
  writeFileSync(join(distDir, 'config.json'), JSON.stringify(config, null, 2));

  const specs = await pages(client, deployment);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const profile of [PROFILES.strict, PROFILES.paid, PROFILES.generous] as ProviderProfile[]) {
      const proxy = new RpcProxy(appRpcPort, anvilUrl, profile, 11);
      await proxy.listen();
      let errors = 0;
      const contexts: BrowserContext[] = [];
      try {
        for (const spec of specs) {
          const ctx = await browser.newContext();
          await ctx.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort('blockedbyclient'));
          contexts.push(ctx);
          const page = await ctx.newPage();
          const mark = proxy.mark();
          const ms = await timeToData(page, `${appUrl}${spec.path}`, spec.ready, pageTimeoutMs);
          results[`${profile.name}_${spec.key}_cold_ms`] = ms ?? pageTimeoutMs;
          results[`${profile.name}_${spec.key}_cold_requests`] = proxy.since(mark).requests;
          if (ms === undefined || (await page.getByRole('alert').count()) > 0) errors++;
          await page.close();
        }
        // 100 more blocks, then each page again in the profile that saw it.
        await client.mine({ blocks: 100, interval: 12 });
        let warmMax = 0;
        for (const [i, spec] of specs.entries()) {
          const page = await contexts[i].newPage();
          const ms = await timeToData(page, `${appUrl}${spec.path}`, spec.ready, pageTimeoutMs);
          results[`${profile.name}_${spec.key}_warm_ms`] = ms ?? pageTimeoutMs;
          warmMax = Math.max(warmMax, ms ?? pageTimeoutMs);
          if (ms === undefined || (await page.getByRole('alert').count()) > 0) errors++;
          await page.close();
        }
        results[`${profile.name}_warm_max_ms`] = warmMax;
        results[`${profile.name}_errors_shown`] = errors;
        const seen = proxy.since(0);
        results[`${profile.name}_rate_limited`] = seen.rateLimited;
      } finally {
        for (const ctx of contexts) await ctx.close();
        await proxy.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
