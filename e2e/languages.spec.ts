/**
 * The app in its holders' languages: the language follows the browser on a first visit with no English
 * drawn first, changes from the menu mid-visit without losing what the page holds, is remembered and
 * travels in a shared link; every page in Chinese, Korean and Japanese fits a phone, before and after
 * connecting, with no accessibility violation and `<html lang>` set.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { everyPage } from './pages/every-page.ts';
import { connectWallet } from './pages/connect.ts';
import { offenders, overflow } from './pages/phone.ts';
import { HTML_LANG, OTHER_LANGUAGES, say, type Language } from './pages/language.ts';

/** The menu's language control. */
const languageSelect = (page: Page) => page.locator('.language-select select');
/** The main navigation's links, as drawn. */
const navTexts = (page: Page) => page.locator('header nav a').allTextContents();
const NAV = ['overview', 'staking', 'governance', 'airdrop', 'activity'];
const navIn = (language: Language) => NAV.map((k) => say(language, `common_nav_${k}`));

test.describe('a first visit from a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('opens in Korean with no English drawn first, sets <html lang> and puts the language in the address', async ({
    page,
  }) => {
    // Everything the header's navigation ever showed, from the first paint on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __navSeen: string[] }).__navSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('header nav a')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto('./#/staking');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect.poll(() => navTexts(page)).toEqual(navIn('ko'));
    expect(await page.evaluate(() => (window as unknown as { __navSeen: string[] }).__navSeen)).toEqual([
      say('ko', 'common_nav_overview'),
    ]);
    expect(new URL(page.url()).search).toBe('?lang=ko');
    expect(new URL(page.url()).hash).toBe('#/staking');
    await expect(languageSelect(page)).toHaveValue('ko');
  });
});

test('the menu changes the language mid-visit, keeping the page, the connection and what was typed; the choice is remembered and a link carries it', async ({
  page,
  context,
  chain,
  wallet,
}) => {
  const operator = (await chain.operators())[0].operator;
  await page.goto(`./#/staking/operators/${operator}`);
  await connectWallet(page);
  const typed = '0x1234';
  await page.locator('#view-address').fill(typed);
  // A field of the page itself (drawn by a lazily loaded page) keeps its value too.
  await page.locator('#stake-amount').fill('12.5');
  await page.evaluate(() => window.scrollTo(0, 200));

  await languageSelect(page).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect.poll(() => navTexts(page)).toEqual(navIn('ja'));
  await expect(page.locator('#view-address')).toHaveValue(typed);
  await expect(page.locator('#stake-amount')).toHaveValue('12.5');
  await expect(page.getByRole('form', { name: say('ja', 'staking_stake_form_stake'), exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: say('ja', 'common_connect_button_disconnect') })).toBeVisible();
  expect((await wallet.state()).connected).toBe(true);
  expect(new URL(page.url()).hash).toBe(`#/staking/operators/${operator}`);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('ja');
  // Still where it was read (the text is shorter in Japanese: the page may end a little sooner).
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);

  // Remembered in this browser: the next visit without the parameter opens in Japanese.
  await page.goto('./#/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect.poll(() => navTexts(page)).toEqual(navIn('ja'));

  // A shared link opens in its own language, whatever this browser chose before.
  const shared = await context.newPage();
  await shared.goto('./?lang=zh#/staking');
  await expect(shared.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(() => navTexts(shared)).toEqual(navIn('zh'));

  // And back to English from the menu.
  await languageSelect(page).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => navTexts(page)).toEqual(navIn('en'));
});

/** Serious and critical WCAG 2.1 A/AA violations, and controls under 24 × 24 px, one line each. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'target-size')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const language of OTHER_LANGUAGES) {
  test.describe(`the phone and accessibility tour in ${language}`, () => {
    test.use({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      walletOptions: { accountIndex: 1, chainId: 31337, inject: 'legacy' },
    });

    test(`every page in ${language} fits a 360 px screen before and after connecting, with no violation and <html lang> set`, async ({
      page,
      chain,
      wallet,
    }) => {
      const paths = await everyPage(chain);
      const problems: string[] = [];
      const check = async (label: string) => {
        await page.waitForLoadState('networkidle');
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
        const lang = await page.locator('html').getAttribute('lang');
        if (lang !== HTML_LANG[language]) problems.push(`${label}: <html lang="${lang}">`);
        const extra = await overflow(page);
        if (extra > 0) problems.push(`${label}: ${extra}px too wide (${(await offenders(page)).join('; ')})`);
        const header = await page.locator('header.app-header').boundingBox();
        if (header!.height > 64) problems.push(`${label}: header is ${Math.round(header!.height)}px tall`);
        problems.push(...(await violations(page)).map((v) => `${label}: ${v}`));
      };
      for (const path of paths) {
        await page.goto(`./?lang=${language}${path}`);
        await check(`read-only ${path}`);
      }
      await page.goto(`./?lang=${language}#/`);
      await page.locator('header .header-tools button').first().tap();
      await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[1]);
      expect((await wallet.state()).connected).toBe(true);
      for (const path of paths) {
        await page.goto(`./?lang=${language}${path}`);
        await check(`connected ${path}`);
      }
      expect(problems).toEqual([]);
    });
  });
}
