/**
 * The app inside Safe{Wallet} as a Safe App: a host page of our own frames it and answers the Safe
 * Apps protocol for the devnet's 2-of-3 Safe. The app connects to that Safe at once (no modal, no
 * extension), sends each action through the SDK as one Safe transaction (a batch as one MultiSend),
 * and follows it through the owners' confirmations by its Safe transaction hash; the test has the
 * second owner confirm and execute, and reads the chain.
 */
import type { FrameLocator } from '@playwright/test';
import { parseEther, type Address } from 'viem';
import { SEEDED_SAFE_ADDRESS as SAFE } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test as base } from './fixtures/index.ts';
import { SafeHost } from './fixtures/safe-host.ts';

/** The host page, served for the test and closed after it. */
const test = base.extend<{ host: SafeHost }>({
  host: async ({ page, chain }, use) => {
    const host = new SafeHost(page, chain);
    await use(host);
    await host.close();
  },
});

const toast = (app: FrameLocator, label: string | RegExp) =>
  app.getByRole('region', { name: 'Transactions' }).locator('.toast').filter({ hasText: label });

/** Waits for the app to follow the Safe transaction, has the second owner execute it, waits for the end. */
async function followedToExecution(host: SafeHost, label: string | RegExp) {
  const app = host.app();
  await expect(toast(app, label)).toContainText('Waiting for your Safe: 1 of 2 confirmations');
  await host.executeNext();
  await toast(app, label).getByText('Confirmed in block').waitFor();
  await expect(toast(app, label)).toContainText('Executed by your Safe');
}

test('inside Safe{Wallet} the app is connected to the Safe at once, and a vote goes through it as one Safe transaction', async ({
  host,
  chain,
}) => {
  const gov = governor(chain);
  const id = (await gov.ids())[7];
  expect(await gov.hasVoted(id, SAFE)).toBe(false);
  await host.open(`#/governance/proposals/${id}`);
  const app = host.app();
  // Connected as the Safe with no click: the header names it.
  await expect(app.getByRole('banner')).toContainText(SAFE.slice(0, 6));
  expect(host.messages[0]).toBe('getSafeInfo');
  const form = app.getByRole('form', { name: 'Cast your vote' });
  await form.getByLabel('For', { exact: true }).check();
  await form.getByRole('button', { name: 'Vote' }).click();
  await followedToExecution(host, /^Vote/);
  expect(host.prompts()).toEqual(['sendTransactions']);
  expect(await gov.hasVoted(id, SAFE)).toBe(true);
});

test('a stake from the Safe App is one Safe transaction: an exact approval and the stake, as one MultiSend', async ({
  host,
  chain,
}) => {
  const operator = (await chain.operators())[5].operator as Address;
  const principal = async () => (await chain.staker(SAFE))[0].find((p) => p.operator === operator)?.principal ?? 0n;
  await host.open(`#/staking/operators/${operator}`);
  const form = host.app().getByRole('form', { name: 'Stake', exact: true });
  await form.getByLabel('Amount to stake').fill('1500');
  const risk = form.getByLabel('I understand these risks');
  if (await risk.count()) await risk.check();
  await form.getByRole('button', { name: 'Stake' }).click();
  await followedToExecution(host, 'Stake 1,500 ALT');
  expect(host.prompts()).toEqual(['sendTransactions']);
  expect(host.proposed[0].tx.operation).toBe(1);
  expect(await principal()).toBe(parseEther('1500'));
  expect(await chain.stakingAllowance(SAFE)).toBe(0n);
});

test("the Safe's airdrop claim from the Safe App lands in the Safe", async ({ host, chain }) => {
  const claimed = () => chain.claimed(SAFE);
  const before = await chain.altBalance(SAFE);
  await host.open('#/airdrop');
  await host.app().getByRole('button', { name: 'Claim to my wallet' }).click();
  await followedToExecution(host, /^Claim/);
  expect(host.prompts()).toEqual(['sendTransactions']);
  expect(await claimed()).toBe(true);
  expect((await chain.altBalance(SAFE)) - before).toBe(parseEther('25000'));
});

test('only the configured Safe{Wallet} origins may frame the app, and its manifest is readable from them', async ({
  host,
  page,
}) => {
  // Served as a Safe App manifest: name, description and icon, readable cross-origin.
  const manifest = await page.request.get('http://127.0.0.1:4173/manifest.json', {
    headers: { Origin: 'https://app.safe.global' },
  });
  expect(manifest.headers()['access-control-allow-origin']).toBe('*');
  const body = await manifest.json();
  expect(body).toMatchObject({ name: 'ALT Governance', iconPath: 'favicon.svg' });
  expect(body.description.length).toBeGreaterThan(20);
  expect((await page.request.get(`http://127.0.0.1:4173/${body.iconPath}`)).ok()).toBe(true);
  const root = await page.request.get('http://127.0.0.1:4173/');
  expect(root.headers()['content-security-policy']).toBe(
    "frame-ancestors 'self' https://app.safe.global http://127.0.0.1:4175",
  );

  // Another origin's page frames nothing: the browser refuses, and no message reaches it.
  await host.open('#/', 'http://127.0.0.1:4176');
  await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  expect(host.messages).toEqual([]);
});

test('a page that frames the app but is no Safe{Wallet} gets no writes: the app says to open it in its own tab', async ({
  page,
  chain,
}) => {
  const host = new SafeHost(page, chain, false);
  try {
    const id = (await governor(chain).ids())[7];
    await host.open(`#/governance/proposals/${id}?address=${SAFE}`);
    const app = host.app();
    await expect(app.getByRole('heading', { name: /AIP-8/ })).toBeVisible();
    await expect(
      app.getByText('This page is shown inside another site: open it in its own tab to act.').first(),
    ).toBeVisible();
    expect(host.messages).toContain('getSafeInfo');
  } finally {
    await host.close();
  }
});
