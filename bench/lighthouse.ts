/** Lighthouse's performance category for a page of the built app, run in the system Chromium. */
import { median } from './median.ts';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM } from './browser.ts';

/** The pages Lighthouse measures: bench key and route. */
export const LIGHTHOUSE_PAGES = [
  ['overview', '#/'],
  ['proposals', '#/governance'],
  ['staking', '#/staking'],
  ['airdrop', '#/airdrop'],
] as const;

export interface LighthouseFigures {
  performance: number;
  lcp_ms: number;
  tbt_ms: number;
}

/**
 * `formFactor` mobile is Lighthouse's default (4x CPU slowdown, slow 4G); desktop is its desktop
 * preset (no CPU slowdown, 10 Mbit/s), the setting of people who vote from a browser extension.
 */
export async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
    // LH_DEBUG=1 names what to look at when a score drops: the LCP element and the long tasks.
    if (process.env.LH_DEBUG) {
      const lcp = (audits['largest-contentful-paint-element']?.details as any)?.items?.[0]?.items?.[0]?.node;
      const tasks = ((audits['long-tasks']?.details as any)?.items ?? []) as {
        url: string;
        duration: number;
        startTime: number;
      }[];
      console.log(
        `  ${url} (${formFactor}) LCP element: ${lcp ? `${lcp.selector} "${lcp.nodeLabel}"` : String(JSON.stringify(audits['largest-contentful-paint-element'])).slice(0, 600)}`,
      );
      const m = (audits.metrics?.details as any)?.items?.[0] ?? {};
      console.log(
        `    simulated FCP ${m.firstContentfulPaint} LCP ${m.largestContentfulPaint} SI ${m.speedIndex}; observed FCP ${m.observedFirstContentfulPaint} LCP ${m.observedLargestContentfulPaint} load ${m.observedLoad}`,
      );
      const requests = ((audits['network-requests']?.details as any)?.items ?? []) as {
        url: string;
        networkRequestTime: number;
        networkEndTime: number;
        transferSize: number;
      }[];
      for (const r of requests)
        console.log(
          `    request ${Math.round(r.networkRequestTime)}→${Math.round(r.networkEndTime)} ${r.transferSize} B ${r.url.replace(/^https?:\/\/[^/]+/, '')}`,
        );
      const phases = (audits['largest-contentful-paint-element']?.details as any)?.items?.[1]?.items;
      if (phases)
        console.log(`    LCP phases: ${phases.map((p: any) => `${p.phase} ${Math.round(p.timing)} ms`).join(', ')}`);
      const shifts = ((audits['layout-shifts']?.details as any)?.items ?? []) as {
        node?: { selector?: string };
        score: number;
      }[];
      console.log(
        `    CLS ${audits['cumulative-layout-shift']?.numericValue}: ${shifts.map((i) => `${i.node?.selector} ${i.score?.toFixed(3)}`).join('; ')}`,
      );
      for (const t of tasks)
        console.log(`    long task ${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms: ${t.url}`);
    }
    return {
      performance: Math.round((categories.performance.score ?? 0) * 100),
      lcp_ms: audits['largest-contentful-paint'].numericValue ?? NaN,
      tbt_ms: audits['total-blocking-time'].numericValue ?? NaN,
    };
  } finally {
    await chrome.kill();
  }
}

/** Each figure's median over `runs` Lighthouse runs of `url` (each figure on its own). */
export async function medianLighthouse(
  url: string,
  formFactor: 'mobile' | 'desktop',
  runs: number,
): Promise<LighthouseFigures> {
  const all: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await runLighthouse(url, formFactor));
  return {
    performance: median(all.map((f) => f.performance)),
    lcp_ms: median(all.map((f) => f.lcp_ms)),
    tbt_ms: median(all.map((f) => f.tbt_ms)),
  };
}
