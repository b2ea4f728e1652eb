/**
 * The app on a 360 × 740 phone, inside a wallet's in-app browser (the wallet injects only
 * window.ethereum): every page fits the screen with no sideways page scroll, the header is one line
 * with a menu, every control is a 24 × 24 px target, and Connect is one tap.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { everyPage } from './pages/every-page.ts';
import { connectWallet } from './pages/connect.ts';
import { offenders, overflow } from './pages/phone.ts';

test.use({
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  walletOptions: { accountIndex: 1, chainId: 31337, inject: 'legacy' },
});

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
}

test('every page fits a 360 px screen, before and after connecting, with 24 px targets', async ({
  page,
  chain,
  wallet,
}) => {
  const paths = await everyPage(chain);
  const problems: string[] = [];
  const check = async (label: string) => {
    await settle(page);
    const extra = await overflow(page);
    if (extra > 0) problems.push(`${label}: ${extra}px too wide (${(await offenders(page)).join('; ')})`);
    // The header is one line (brand, menu, wallet) while the menu is closed.
    const header = await page.locator('header.app-header').boundingBox();
    if (header!.height > 64) problems.push(`${label}: header is ${Math.round(header!.height)}px tall`);
    const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
    for (const v of violations) for (const n of v.nodes) problems.push(`${label}: target-size ${n.target.join(' ')}`);
  };
  for (const path of paths) {
    await page.goto(`./${path}`);
    await check(`read-only ${path}`);
  }
  await page.goto('./#/');
  await page.getByRole('button', { name: 'Connect wallet' }).tap();
  await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[1]);
  expect((await wallet.state()).connected).toBe(true);
  for (const path of paths) {
    await page.goto(`./${path}`);
    await check(`connected ${path}`);
  }
  expect(problems).toEqual([]);
});

test('the menu holds the pages, the address viewer and the network, and closes on the way', async ({ page }) => {
  await page.goto('./#/');
  const menu = page.locator('#header-menu');
  const toggle = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(menu.getByRole('combobox', { name: 'Network' })).toBeVisible();
  await expect(menu.getByPlaceholder('View address 0x…')).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await menu.getByRole('link', { name: 'Governance' }).tap();
  await expect(page).toHaveURL(/#\/governance$/);
  await expect(menu).toBeHidden();
  await toggle.tap();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('a page picked from the menu opens at its top with focus on its title; Back returns to where you were', async ({
  page,
}) => {
  await page.goto('./#/governance');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
  await page.getByRole('button', { name: 'Menu' }).tap();
  // The open menu pushes the page down; the page picked still opens at its top, title in view.
  await page.mouse.wheel(0, 400);
  await page.locator('#header-menu').getByRole('link', { name: 'Staking' }).tap();
  await expect(page).toHaveURL(/#\/staking$/);
  const title = page.getByRole('heading', { level: 1, name: 'Staking' });
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // Deep in the list, an operator opens at its top; Back returns to the same place in the list.
  const row = page.locator('tr[data-operator]').nth(12);
  await row.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  // Where the page rests once the wheel's scroll has ended (read mid-scroll, it would be short).
  let left = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => window.scrollY);
      const resting = y === left && y > 400;
      left = y;
      return resting;
    })
    .toBe(true);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/staking\/operators\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page).toHaveURL(/#\/staking$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(left - 30);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(left + 30);
});

/**
 * For every card of a card list: its right edge, and each labelled figure's label, value and how many
 * lines its value's text takes (a figure never breaks).
 */
const cards = (page: Page, rows: string) =>
  page.locator(rows).evaluateAll((trs) =>
    trs.map((tr) => ({
      right: tr.getBoundingClientRect().right,
      figures: [...tr.querySelectorAll<HTMLElement>('td[data-label]')].map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        const text = td.textContent?.trim() ?? '';
        return {
          label: td.dataset.label!,
          text,
          lines: td.classList.contains('fig') ? tops.size : 1,
          visible: td.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
        };
      }),
    })),
  );

test('operators, positions and delegates are cards at phone width: every figure on screen, labelled, unbroken', async ({
  page,
}) => {
  await page.goto('./#/staking');
  await connectWallet(page);
  // The rows read before connecting stay while the account's are read: its column says they are in.
  await expect(page.locator('tr[data-operator] td[data-label="My stake"]').first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const operators = await cards(page, 'tr[data-operator]');
  expect(operators.length).toBeGreaterThan(0);
  for (const card of operators) {
    expect(card.right).toBeLessThanOrEqual(width);
    expect(card.figures.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Total delegated', 'Commission', 'Net reward rate', 'My stake']),
    );
    for (const f of card.figures) {
      expect(f.visible, `${f.label} is on screen`).toBe(true);
      expect(f.lines, `${f.label} "${f.text}" stays on one line`).toBe(1);
    }
  }
  // Sorting, whose buttons are in the hidden header row, is chosen from a list.
  await page.getByLabel('Sort by').selectOption({ label: 'Commission, lowest first' });
  const commissions = await page
    .locator('tr[data-operator] td[data-label="Commission"]')
    .evaluateAll((tds) => tds.map((td) => parseFloat(td.textContent!.trim())));
  expect(commissions).toEqual([...commissions].sort((a, b) => a - b));
  // Your positions show pending rewards beside the stake.
  const positions = await cards(page, 'table[aria-label="Your positions"] tbody tr');
  expect(positions.length).toBeGreaterThan(0);
  for (const card of positions) {
    expect(card.figures.map((f) => f.label)).toEqual(['Staked', 'Pending rewards']);
    for (const f of card.figures) expect(f.visible && f.lines === 1, `${f.label} "${f.text}"`).toBe(true);
  }
  // The risk card's rows too, and what changed since staking, opened.
  const risks = await cards(page, 'tr[data-risk-operator]');
  expect(risks.length).toBeGreaterThan(0);
  for (const card of risks) {
    expect(card.right).toBeLessThanOrEqual(width);
    expect(card.figures.map((f) => f.label)).toEqual(expect.arrayContaining(['At stake', 'Most it could lose now']));
    for (const f of card.figures) expect(f.visible, `${f.label} is on screen`).toBe(true);
  }
  await page.getByRole('button', { name: 'Show what changed since you staked' }).tap();
  await expect(page.locator('li[data-since-operator]').first()).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await page.goto('./#/governance/delegates');
  await expect(page.locator('tr[data-delegate]').first()).toBeVisible();
  for (const card of await cards(page, 'tr[data-delegate]')) {
    expect(card.right).toBeLessThanOrEqual(width);
    for (const f of card.figures) expect(f.visible && f.lines === 1, `${f.label} "${f.text}"`).toBe(true);
  }
  expect(await overflow(page)).toBe(0);
});
