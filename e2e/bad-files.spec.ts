import type { Page, Route } from '@playwright/test';
import type { Address } from 'viem';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { AirdropPage } from './pages/airdrop-page.ts';

const setMetadataURI = (chain: Chain, operator: Address, uri: string) => chain.setOperatorMetadata(operator, uri);

const prefix = DEV_ACCOUNTS[1].slice(2, 5).toLowerCase();
const MANIFEST = '**/airdrop/season-one/manifest.json';
const SHARD = `**/airdrop/season-one/shards/${prefix}.json`;

/** Answers `url` with what `corrupt` makes of the real file. */
const serveCorrupted = (page: Page, url: string, corrupt: (real: string) => { status?: number; body: string }) =>
  page.route(url, async (route: Route) => {
    const { status = 200, body } = corrupt(await (await route.fetch()).text());
    await route.fulfill({ status, contentType: 'application/json', body });
  });

for (const [what, url, corrupt, message] of [
  [
    'a truncated manifest',
    MANIFEST,
    (real: string) => ({ body: real.slice(0, real.length / 2) }),
    'The airdrop manifest is not valid JSON (truncated or corrupted).',
  ],
  [
    'a manifest of the wrong shape',
    MANIFEST,
    () => ({ body: '{"version":1,"root":"0x00","shards":[]}' }),
    'The airdrop manifest is malformed.',
  ],
  ['a missing manifest', MANIFEST, () => ({ status: 404, body: '' }), 'could not be loaded (HTTP 404)'],
  [
    'a truncated shard',
    SHARD,
    (real: string) => ({ body: real.slice(0, 100) }),
    `Airdrop shard ${prefix} is not valid JSON (truncated or corrupted).`,
  ],
  [
    'an oversized shard',
    SHARD,
    (real: string) => ({ body: real.replace('"entries":', `"padding":"${'x'.repeat(3 * 1024 * 1024)}","entries":`) }),
    `Airdrop shard ${prefix} is too large (over 2048 KiB).`,
  ],
  [
    'a shard with entries of the wrong type',
    SHARD,
    (real: string) => ({ body: real.replace(/"entries":\[\[/, '"entries":[[42,') }),
    `Airdrop shard ${prefix} is malformed.`,
  ],
] as const) {
  test(`${what} gives a clear message, offers no claim, and the rest of the app works`, async ({ page }) => {
    await serveCorrupted(page, url, corrupt);
    const airdrop = new AirdropPage(page);
    await airdrop.goto(DEV_ACCOUNTS[1]);
    await expect(page.getByRole('main')).toContainText(message);
    await expect(airdrop.claimPanel()).toHaveCount(0);
    await expect(airdrop.claimButton()).toHaveCount(0);
    // Fixed files are picked up by "Try again" (or by the next check), with no reload.
    await page.unroute(url);
    const retry = page.getByRole('button', { name: 'Try again' });
    if (await retry.count()) await retry.click();
    else await airdrop.checkAddress(DEV_ACCOUNTS[1]);
    await expect(airdrop.total()).toHaveText('9,250 ALT');
    await page.getByRole('link', { name: 'Governance' }).click();
    await expect(page.getByRole('list', { name: 'Proposals' }).getByRole('listitem').first()).toBeVisible();
  });
}

test('operator metadata that is not JSON is reported on its page, and the directory still lists it', async ({
  page,
  chain,
}) => {
  const operator = (await chain.operators())[2].operator;
  await setMetadataURI(chain, operator, 'data:application/json,{"name": "Half-written');
  await page.goto(`./#/staking/operators/${operator}`);
  await expect(page.getByTestId('metadata-problem')).toHaveText(
    "This operator's metadata is not shown: The metadata is not valid JSON.",
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${operator.slice(0, 6)}…`);
  await expect(page.getByRole('form', { name: 'Stake' })).toBeVisible();
  await page.goto('./#/staking');
  await expect(page.locator(`tr[data-operator="${operator}"]`)).toContainText(`${operator.slice(0, 6)}…`);
});

test.describe('remote operator metadata', () => {
  // The deployment below allows one metadata origin; its CSP entry is covered by csp.spec.ts.
  test.use({ bypassCSP: true });
  const ORIGIN = 'https://metadata.example.org';

  for (const [what, body, problem] of [
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 'The metadata is not valid JSON.'],
    ['a huge file', `{"name":"${'A'.repeat(512 * 1024)}"}`, 'The metadata is too large (over 64 KiB).'],
  ] as const) {
    test(`${what} is reported and the operator is listed by address`, async ({ page, chain }) => {
      const operator = (await chain.operators())[3].operator;
      await setMetadataURI(chain, operator, `${ORIGIN}/operators/${operator}.json`);
      await page.route('**/config.json', async (route) => {
        const config = await (await route.fetch()).json();
        await route.fulfill({ json: { ...config, metadataOrigins: [ORIGIN] } });
      });
      await page.route(`${ORIGIN}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      await page.goto(`./#/staking/operators/${operator}`);
      await expect(page.getByTestId('metadata-problem')).toHaveText(
        `This operator's metadata is not shown: ${problem}`,
      );
      await expect(page.getByRole('form', { name: 'Stake' })).toBeVisible();
    });
  }
});

test('an RPC answering garbage gets a plain message, and the app recovers when it answers properly', async ({
  page,
}) => {
  await page.route('http://127.0.0.1:8545/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' }),
  );
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  await page.goto(`./#/?address=${DEV_ACCOUNTS[1]}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not read AltLayer devnet' })).toContainText(
    'answered with data that cannot be read',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'AltLayer devnet is unreachable' })).toBeVisible();
  await page.getByRole('link', { name: 'Staking' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not read staking' })).toContainText('cannot be read');
  await page.unroute('http://127.0.0.1:8545/**');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('balance-31337')).toContainText('ALT');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(crashes).toEqual([]);
});
