/**
 * The words every page shows, as a reader sees them: no separator glued to the word before it
 * ("operators· keeps voting"), read-only and connected, every route.
 */
import { expect, test } from './fixtures/index.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { everyPage } from './pages/every-page.ts';
import { connectWallet } from './pages/connect.ts';

test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

/** Each place in the page's text where a letter or digit is directly followed by "·". */
const glued = (text: string) => [...text.matchAll(/.{0,24}[\p{L}\p{N}]·.{0,24}/gu)].map((m) => m[0]);

test('no page glues a "·" to the word before it', async ({ page, chain }) => {
  test.setTimeout(120_000);
  const paths = await everyPage(chain);
  const found: string[] = [];
  const check = async (label: string) => {
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
    for (const hit of glued(await page.locator('body').innerText())) found.push(`${label}: …${hit}…`);
  };
  for (const path of paths) {
    await page.goto(`./${path}${path.includes('?') ? '&' : '?'}address=${DEV_ACCOUNTS[1]}`);
    await check(`read-only ${path}`);
  }
  await page.goto('./#/');
  await connectWallet(page);
  for (const path of paths) {
    await page.goto(`./${path}`);
    await check(`connected ${path}`);
  }
  expect(found).toEqual([]);
});
