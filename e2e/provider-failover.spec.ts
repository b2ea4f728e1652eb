/**
 * Several RPC endpoints behind one app, each failing in its own way (scripts/rpc-proxy.ts): one dies
 * mid-visit, one rate-limits, one answers from a block behind. The app keeps every page current with
 * no error shown, and its Network page says what happened to each. A person adds an RPC of their
 * own there, checked for its chain and the site's CSP first.
 */
import { PROFILES, RpcProxy, type ProviderProfile } from '../scripts/rpc-proxy.ts';
import { DEV_ACCOUNTS, RPC_URL } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { serveRpcUrls } from './fixtures/spare-node.ts';
import { everyPage } from './pages/every-page.ts';

// The app is pointed at the proxies, RPCs the built site's CSP does not list (see csp.spec.ts).
test.use({ bypassCSP: true });

const profile = (overrides: Partial<ProviderProfile>): ProviderProfile => ({
  ...PROFILES.generous,
  latencyMs: 5,
  ...overrides,
});

const proxies: RpcProxy[] = [];
test.afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
});

test('one endpoint dies mid-visit, one rate-limits, one lags: every page stays current with no error, and the Network page tells', async ({
  page,
  chain,
}) => {
  test.setTimeout(120_000);
  const dying = new RpcProxy(8551, RPC_URL, profile({ name: 'dying' }), 1);
  const limited = new RpcProxy(8552, RPC_URL, profile({ name: 'limited', ratePerSecond: 15, retryAfter: true }), 2);
  const lagging = new RpcProxy(8553, RPC_URL, profile({ name: 'lagging', latencyMs: 1, lagEvery: 1 }), 3);
  proxies.push(dying, limited, lagging);
  for (const p of proxies) await p.listen();
  await serveRpcUrls(
    page,
    proxies.map((p) => p.url),
  );

  const pages = await everyPage(chain);
  for (const [i, path] of pages.entries()) {
    // Half-way through the visit, the endpoint in use dies.
    if (i === Math.floor(pages.length / 2)) {
      expect(dying.since(0).requests).toBeGreaterThan(0);
      dying.kill();
    }
    await page.goto(`./${path}`);
    await expect(page.locator('[aria-busy="true"]'), path).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByRole('alert'), path).toHaveCount(0);
    await expect(page.locator('main'), path).not.toContainText('Could not read');
  }
  // Current data: a new block shows on the proposal list, read through the endpoint that is not behind.
  await page.goto('./#/governance');
  const asOf = page.getByText(/as of block \d+/);
  await expect(asOf).toBeVisible({ timeout: 20_000 });
  await chain.mine();
  const head = await chain.client.getBlockNumber();
  await expect(asOf).toHaveText(new RegExp(`as of block ${head}\\b`), { timeout: 10_000 });
  expect(limited.since(0).rateLimited).toBeGreaterThan(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // What happened, endpoint by endpoint.
  await page.getByRole('link', { name: 'RPC status' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  const endpoint = (p: RpcProxy) =>
    page.getByRole('list', { name: 'RPC endpoints' }).getByRole('listitem', { name: `127.0.0.1:${p.port}` });
  await expect(endpoint(dying).getByTestId('endpoint-error')).toContainText(/HTTP request failed|took too long/);
  await expect(endpoint(dying).getByTestId('endpoint-state')).toHaveText('down', { timeout: 15_000 });
  await expect(endpoint(limited)).toContainText('In use');
  await expect(endpoint(limited).getByTestId('endpoint-rate')).toContainText(/limits? met|yes, for/);
  await expect(endpoint(limited).getByTestId('endpoint-pace')).toContainText(/calls a second/);
  await expect(endpoint(lagging).getByTestId('endpoint-behind')).toHaveText('1 block behind the others');
  await expect(endpoint(lagging)).not.toContainText('In use');
});

test('a person adds an RPC of their own: checked for its chain and the CSP first, kept in this browser, removable', async ({
  page,
}) => {
  const only = new RpcProxy(8554, RPC_URL, profile({ name: 'configured' }), 4);
  proxies.push(only);
  await only.listen();
  await serveRpcUrls(page, [only.url]);
  // An RPC of another chain, at an origin the CSP admits.
  await page.route('http://127.0.0.1:8545/mainnet', (route) =>
    route.fulfill({ json: { jsonrpc: '2.0', id: JSON.parse(route.request().postData()!).id, result: '0x1' } }),
  );
  await page.goto('./#/network');
  const list = page.getByRole('list', { name: 'RPC endpoints' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const form = page.getByRole('form', { name: 'Add an RPC' });
  const add = async (url: string) => {
    await form.getByLabel('RPC URL').fill(url);
    await form.getByRole('button', { name: 'Check and add' }).click();
  };
  await add('http://rpc.example.org');
  await expect(form.getByRole('alert')).toHaveText('Use an https:// URL (http:// only for a node on this computer).');
  // The built site's CSP lists the configured RPCs only: another origin is refused before any request.
  await add('https://rpc.example.org');
  await expect(form.getByRole('alert')).toContainText('only connects to the RPCs its deployer allowed');
  await add('http://127.0.0.1:8545/mainnet');
  await expect(form.getByRole('alert')).toHaveText('127.0.0.1:8545 serves chain 1, not AltLayer devnet (chain 31337).');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await add('http://127.0.0.1:8545');
  await expect(form.getByRole('status')).toHaveText(
    'Added http://127.0.0.1:8545. Reads use it when it is the healthiest.',
  );
  const mine = list.getByRole('listitem', { name: '127.0.0.1:8545' });
  await expect(mine).toContainText('Added by you');
  // Kept in this browser: a reload finds it, and it answers.
  await page.reload();
  await expect(mine).toContainText('Added by you');
  await expect(mine.getByTestId('endpoint-state')).toHaveText(/answering|at the head/, { timeout: 15_000 });
  await mine.getByRole('button', { name: 'Remove 127.0.0.1:8545' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('the endpoint in use dies: the next block shows, read through the other', async ({ page, chain }) => {
  const endpoints = [
    new RpcProxy(8555, RPC_URL, profile({ name: 'first', latencyMs: 20 }), 5),
    new RpcProxy(8556, RPC_URL, profile({ name: 'second', latencyMs: 20 }), 6),
  ];
  proxies.push(...endpoints);
  for (const e of endpoints) await e.listen();
  await serveRpcUrls(
    page,
    endpoints.map((e) => e.url),
  );
  await page.goto(`./#/?address=${DEV_ACCOUNTS[1]}`);
  const asOf = page.getByText(/as of block \d+/).first();
  await expect(asOf).toBeVisible({ timeout: 20_000 });
  // The one in use is the one the head watch keeps asking.
  const marks = endpoints.map((e) => e.mark());
  await expect.poll(() => endpoints.some((e, i) => e.since(marks[i]).requests > 1)).toBe(true);
  const inUse = endpoints.reduce((a, b) =>
    b.since(marks[endpoints.indexOf(b)]).requests > a.since(marks[endpoints.indexOf(a)]).requests ? b : a,
  );
  inUse.kill();
  await chain.mine();
  const head = await chain.client.getBlockNumber();
  await expect(asOf).toHaveText(new RegExp(`as of block ${head}\\b`));
  await expect(page.getByRole('alert')).toHaveCount(0);
});
