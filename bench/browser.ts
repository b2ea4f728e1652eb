/**
 * What a user's browser sees, measured in headless Chromium against the built app: bytes of the first
 * page and of the wallet modal, RPC requests and time until each screen shows its data.
 */
import { median } from './median.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEV_ACCOUNTS } from '../e2e/fixtures/chain.ts';
import { connectWallet } from '../e2e/pages/connect.ts';
import type { CountingProxy } from './counting-proxy.ts';
import { findChromium } from '../scripts/browser.ts';

const walletScript = readFileSync(new URL('../e2e/fixtures/test-wallet.js', import.meta.url), 'utf8');
export const CHROMIUM = findChromium() ?? 'chromium';

/**
 * Chromium as the benchmark runs it: headless, and offline but for this machine (every other host
 * name fails to resolve), so nothing is fetched from the internet. Done in the browser rather than
 * with Playwright's request routing, which turns the HTTP cache off and so would make every return
 * visit fetch the app again, as no visitor's browser does.
 */
export const launchOffline = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });

export interface BrowserBenchOptions {
  appUrl: string;
  distDir: string;
  proxy: CountingProxy;
  /** anvil itself, for the test wallet (its traffic is not the app's). */
  anvilUrl: string;
  /** Operators on the chain: the directory is timed until its first page (25 rows) shows. */
  operators: number;
  /** The first page's files (paths under `distDir`), as fetched. */
  onFirstPage?: (files: string[]) => void;
}

const gzipBytes = (distDir: string, path: string) =>
  gzipSync(readFileSync(join(distDir, decodeURIComponent(path))), { level: 9 }).length;

/** A mid-range phone as Lighthouse's mobile run emulates it: its screen, 4× slower CPU, slow 4G. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
async function emulatePhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

/** The app's languages other than English, as `?lang=` takes them. */
export const OTHER_LOCALES = ['zh', 'ko', 'ja'] as const;

export async function context(
  browser: Browser,
  withWallet: boolean,
  anvilUrl: string,
  { phone, inject }: { phone?: boolean; inject?: 'both' | 'eip6963' | 'legacy' } = {},
) {
  const ctx = await browser.newContext(phone ? PHONE : {});
  if (withWallet) {
    const options = {
      accountIndex: 1,
      chainId: 31337,
      rpcUrl: anvilUrl,
      accounts: DEV_ACCOUNTS,
      knownChains: [31337, 1, 56],
      inject,
    };
    await ctx.addInitScript(`window.__TEST_WALLET_OPTIONS__ = ${JSON.stringify(options)};\n${walletScript}`);
  }
  return ctx;
}

/** Milliseconds from navigation start until `selector` matches `count` elements (read in the page). */
export async function msUntil(page: Page, selector: string, count = 1): Promise<number> {
  return page
    .waitForFunction(
      ([s, n]) => document.querySelectorAll(s as string).length >= (n as number) && performance.now(),
      [selector, count] as const,
      { timeout: 60_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>);
}

export async function benchBrowser({ appUrl, distDir, proxy, anvilUrl, operators, onFirstPage }: BrowserBenchOptions) {
  const browser = await launchOffline();
  const results: Record<string, number> = {};
  try {
    // 1. Bytes: the first page, then what opening the modal adds.
    {
      const ctx = await context(browser, true, anvilUrl);
      const page = await ctx.newPage();
      const fetched: string[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.href.startsWith(appUrl) && /\.(js|css)$/.test(url.pathname))
          fetched.push(url.pathname.replace(new URL(appUrl).pathname, ''));
      });
      await page.goto(`${appUrl}#/`);
      await page.getByRole('button', { name: 'Connect wallet' }).waitFor();
      await page.waitForLoadState('networkidle');
      const initial = new Set(fetched);
      results.initial_js_css_gzip_kib = [...initial].reduce((s, p) => s + gzipBytes(distDir, p), 0) / 1024;
      onFirstPage?.([...initial]);
      // Connecting the injected wallet loads wagmi's core, not the wallet modal.
      await connectWallet(page);
      await page.waitForLoadState('networkidle');
      const connecting = new Set(fetched.filter((p) => !initial.has(p)));
      results.connect_injected_gzip_kib = [...connecting].reduce((s, p) => s + gzipBytes(distDir, p), 0) / 1024;

      // 2. The connected Overview for a returning user: reload, count the app's RPC requests and time.
      const mark = proxy.mark();
      await page.reload();
      results.time_to_data_ms = await msUntil(
        page,
        '[data-testid="staked"], [data-testid="voting-power"], [data-testid="rewards"], [data-testid="airdrop-status"] .figure',
        4,
      );
      const counted = proxy.since(mark);
      results.overview_rpc_requests = counted.reads;
      results.overview_block_polls = counted.polls;
      await ctx.close();
    }

    // 2b. Each other language: what a first visit in it fetches of its catalogue (the shell's and the
    // Overview's messages, before the first paint), the largest of its files, and all of them.
    for (const locale of OTHER_LOCALES) {
      const ctx = await context(browser, false, anvilUrl);
      const page = await ctx.newPage();
      const fetched: string[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.href.startsWith(appUrl) && url.pathname.endsWith('.js'))
          fetched.push(url.pathname.replace(new URL(appUrl).pathname, ''));
      });
      await page.goto(`${appUrl}?lang=${locale}#/`);
      await page.locator(`html[lang="${locale === 'zh' ? 'zh-CN' : locale}"]`).waitFor({ state: 'attached' });
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const own = [...new Set(fetched)].filter((p) => p.startsWith(`assets/${locale}-`));
      results[`locale_${locale}_gzip_kib`] = own.reduce((s, p) => s + gzipBytes(distDir, p), 0) / 1024;
      const all = readdirSync(join(distDir, 'assets')).filter((f) => f.startsWith(`${locale}-`) && f.endsWith('.js'));
      const sizes = all.map((f) => gzipBytes(distDir, `assets/${f}`));
      results[`locale_${locale}_largest_file_gzip_kib`] = Math.max(...sizes) / 1024;
      results[`locale_${locale}_total_gzip_kib`] = sizes.reduce((s, b) => s + b, 0) / 1024;
      await ctx.close();
    }

    // 3. The proposal list and the operator directory, each opened directly (read-only visitor).
    for (const [key, path, selector, count] of [
      ['proposals_first_page', '#/governance', 'li[data-proposal]', 10],
      ['operators', '#/staking', 'tr[data-operator]', Math.min(25, operators)],
    ] as const) {
      const ctx = await context(browser, false, anvilUrl);
      const page = await ctx.newPage();
      const mark = proxy.mark();
      await page.goto(`${appUrl}${path}`);
      results[`${key}_ms`] = await msUntil(page, selector, count);
      const counted = proxy.since(mark);
      results[`${key}_rpc_requests`] = counted.reads;
      // BENCH_DEBUG=1 lists each request, to see which one a count over budget comes from.
      if (process.env.BENCH_DEBUG)
        for (const r of proxy.requests.slice(mark))
          console.log(`    [${key}] ${Math.round(r.at)} ${r.methods.join(',')}`);
      await ctx.close();
    }

    // 4. Inside a wallet's in-app browser on a phone: only window.ethereum, a slow CPU and network.
    //    Milliseconds from the tap on Connect until the account shows, median of three fresh visits.
    const taps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await context(browser, true, anvilUrl, { phone: true, inject: 'legacy' });
      const page = await ctx.newPage();
      await page.goto(`${appUrl}#/`);
      const button = page.getByRole('button', { name: 'Connect wallet' });
      await button.waitFor();
      await page.waitForLoadState('networkidle');
      await emulatePhone(page);
      await button.evaluate((b) => b.addEventListener('click', () => ((window as any).__tapAt = performance.now())));
      await button.tap();
      await page.getByRole('button', { name: 'Disconnect' }).waitFor({ timeout: 30_000 });
      const connectedAt = await msUntil(page, '[data-testid="viewed-address"]');
      taps.push(connectedAt - (await page.evaluate(() => (window as any).__tapAt as number)));
      await ctx.close();
    }
    results.connect_injected_ms_mobile = median(taps);
  } finally {
    await browser.close();
  }
  return results;
}
