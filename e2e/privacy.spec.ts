/**
 * No address leaves for a party the deployer did not choose: every request the app makes while a
 * wallet connects and the user goes through every page goes to the app's own origin or to an origin
 * config.json names (its RPCs and metadata hosts). Nothing else is even attempted: no wallet registry,
 * analytics, identity lookup, font host or image host.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';
import { everyPage } from './pages/every-page.ts';

const config = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')) as {
  walletConnectProjectId: string;
  chains: { rpcUrls: string[] }[];
  metadataOrigins?: string[];
};

test('connecting and using every page contacts only the origins config.json names', async ({ page, chain, wallet }) => {
  expect(config.walletConnectProjectId).toBe('');
  const allowed = new Set([
    'http://127.0.0.1:4173',
    ...config.chains.flatMap((c) => c.rpcUrls.map((u) => new URL(u).origin)),
    ...(config.metadataOrigins ?? []).map((u) => new URL(u).origin),
  ]);
  const contacted = new Map<string, string>();
  page.context().on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:') contacted.set(url.origin, r.url());
  });
  page.on('websocket', (ws) => contacted.set(new URL(ws.url()).origin, ws.url()));

  await page.goto('./#/');
  await connectWallet(page);
  expect((await wallet.state()).connected).toBe(true);
  for (const path of await everyPage(chain)) {
    await page.goto(`./${path}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  }
  const strangers = [...contacted].filter(([origin]) => !allowed.has(origin)).map(([, url]) => url);
  expect(strangers).toEqual([]);
  // The app's own RPC was used, so the recording works.
  expect(contacted.has('http://127.0.0.1:8545')).toBe(true);
});
