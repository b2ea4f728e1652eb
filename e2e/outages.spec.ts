/**
 * Partial failure is said as what it is: an RPC outage as the chain not answering (and the page
 * comes back), a failed read on its own card, other chains as unreachable until they answer, and a
 * wallet that never answers holds the pages for seconds at most; a page's code the network lost is
 * asked for again from the page.
 */
import { parseEther } from 'viem';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { OperatorPage } from './pages/operator-page.ts';
import { OverviewPage } from './pages/overview-page.ts';

test('an RPC outage on a proposal page says the chain did not answer, and the page comes back', async ({
  page,
  chain,
}) => {
  const id = (await governor(chain).ids())[0];
  await page.route('http://127.0.0.1:8545/**', (route) => route.abort('connectionrefused'));
  await page.goto(`./#/governance/proposals/${id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not read this proposal' });
  await expect(alert).toContainText('did not answer');
  await expect(page.getByText(/There is no proposal/)).toHaveCount(0);
  await page.unroute('http://127.0.0.1:8545/**');
  await expect(page.locator('#proposal-title')).toHaveText(/^AIP-1:/, { timeout: 20_000 });
});

test('a card whose read fails says so while the others show, and a whole failed read shows on every card', async ({
  page,
  chain,
}) => {
  const overview = new OverviewPage(page);
  const code = (await chain.client.getCode({ address: chain.contracts.staking }))!;
  // The staking contract stops answering (its code replaced by an invalid opcode): only its cards fail.
  await chain.client.setCode({ address: chain.contracts.staking, bytecode: '0xfe' });
  await overview.goto(`?address=${DEV_ACCOUNTS[1]}`);
  await expect(overview.card('Staked')).toContainText('Could not read this');
  await expect(overview.card('Unbonding')).toContainText('Could not read this');
  await expect(overview.figure('voting-power')).toContainText('vALT');
  await chain.client.setCode({ address: chain.contracts.staking, bytecode: code });
  await page.route('http://127.0.0.1:8545/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not read AltLayer devnet' })).toBeVisible();
  for (const title of ['Staked', 'Voting power', 'Airdrop Season One']) {
    await expect(overview.card(title)).toContainText('Could not read this');
  }
  await expect(page.getByText('Loading…')).toHaveCount(0);
});

test('a page whose code the network lost says so, and Try again loads it without leaving', async ({ page }) => {
  // The staking page's own file fails to arrive (a dropped connection): its first load, and the
  // preload beside config.json, get nothing.
  let lost = true;
  await page.route(/\/assets\/staking-page-[\w-]+\.js$/, (route) =>
    lost ? route.abort('connectionreset') : route.fallback(),
  );
  await page.goto('./#/staking');
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded' });
  await expect(alert).toBeVisible();
  // The header and navigation still work, and the address did not change.
  await expect(page.getByRole('navigation').first()).toBeVisible();
  expect(page.url()).toContain('#/staking');
  // A try while the file is still lost fails again, and offers to reload the app as well.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert.getByRole('button', { name: 'Reload the app' })).toBeVisible();
  lost = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staking' })).toBeVisible();
  await expect(page.locator('tr[data-operator]').first()).toBeVisible();
  await expect(alert).toHaveCount(0);
  // Focus went to what loaded, not back to the page's start.
  expect(await page.evaluate(() => !!document.activeElement?.closest('.lazy-retried'))).toBe(true);
});

test('other chains say "unreachable" at once and are asked again until they answer', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto(`?address=${DEV_ACCOUNTS[1]}`);
  await expect(overview.balance(1)).toHaveText('unreachable');
  // Ethereum's first RPC starts answering: its balance shows, with no reload.
  await page.route('https://ethereum-rpc.publicnode.com/**', async (route) => {
    const body = route.request().postDataJSON();
    const answer = (request: { id: number; method: string }) => ({
      jsonrpc: '2.0',
      id: request.id,
      result: request.method === 'eth_chainId' ? '0x1' : `0x${parseEther('1234').toString(16).padStart(64, '0')}`,
    });
    await route.fulfill({ json: Array.isArray(body) ? body.map(answer) : answer(body) });
  });
  await expect(overview.balance(1)).toHaveText('1,234 ALT', { timeout: 20_000 });
});

test.describe('a wallet that never answers on return', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('holds the pages for a few seconds at most', async ({ page, wallet }) => {
    const ui = new OperatorPage(page);
    await page.goto('./#/staking');
    await ui.connect();
    await wallet.hangAccounts();
    await page.reload();
    await expect(page.locator('tr[data-operator]').first()).toBeVisible({ timeout: 8_000 });
  });
});
