import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { serveRpcUrls, SpareNode } from './fixtures/spare-node.ts';
import { OperatorPage } from './pages/operator-page.ts';

// These tests point the app at RPCs other than the devnet's, which the built site's CSP (listing
// only configured RPCs) would block: the policy is tested in csp.spec.ts and set aside here.
test.use({ bypassCSP: true });

const DEAD = 'http://127.0.0.1:8548';

test('reads through the second RPC when the first is dead, and stops asking the dead one', async ({ page, chain }) => {
  const node = await SpareNode.from(chain.client, 8547);
  try {
    await serveRpcUrls(page, [DEAD, node.url]);
    const asked = { dead: 0, live: 0 };
    page.on('request', (r) => {
      if (r.url().startsWith(DEAD)) asked.dead++;
      if (r.url().startsWith(node.url)) asked.live++;
    });
    await page.goto(`./#/?address=${DEV_ACCOUNTS[1]}`);
    await expect(page.getByTestId('balance-31337')).toContainText('ALT');
    // Reads that start together may each try the dead RPC once; after that, none goes there.
    const deadAtStart = asked.dead;
    expect(deadAtStart).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Staking' }).click();
    await expect(page.locator('tr[data-operator]').first()).toBeVisible();
    await page.getByRole('link', { name: 'Governance' }).click();
    await expect(page.getByRole('list', { name: 'Proposals' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(asked.live).toBeGreaterThan(2);
    expect(asked.dead).toBe(deadAtStart);
  } finally {
    await node.kill();
  }
});

test('when every RPC is down it says so, disables writes, and recovers by itself', async ({ page, chain }) => {
  const node = await SpareNode.from(chain.client, 8547);
  try {
    await serveRpcUrls(page, [DEAD, node.url]);
    const crashes: string[] = [];
    page.on('pageerror', (e) => crashes.push(e.message));
    const operator = (await chain.operators())[5].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    const stake = ui.stakeForm().getByRole('button', { name: 'Stake' });
    await expect(stake).toBeEnabled();

    await node.kill();
    const banner = page.getByRole('alert').filter({ hasText: 'AltLayer devnet is unreachable' });
    await expect(banner).toBeVisible();
    await expect(stake).toBeDisabled();
    await expect(ui.stakeForm()).toContainText('AltLayer devnet is unreachable right now.');
    // Other pages still open and explain themselves instead of breaking.
    await page.getByRole('link', { name: 'Governance' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not read proposals' })).toContainText(
      'did not answer',
    );
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not read AltLayer devnet' })).toBeVisible();

    await node.restart();
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('balance-31337')).toContainText('ALT');
    await page.getByRole('link', { name: 'Governance' }).click();
    await expect(page.getByRole('list', { name: 'Proposals' }).getByRole('listitem').first()).toBeVisible();
    await ui.goto(operator);
    await expect(stake).toBeEnabled();
    expect(crashes).toEqual([]);
  } finally {
    await node.kill();
  }
});
