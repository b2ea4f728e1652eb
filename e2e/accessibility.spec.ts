import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';
import { everyPage } from './pages/every-page.ts';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('no page has a serious or critical accessibility violation', async ({ page, chain }) => {
      const found: string[] = [];
      await page.goto('./#/');
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      found.push(...(await seriousViolations(page)).map((v) => `disconnected #/ ${v}`));
      await connectWallet(page);
      for (const path of await everyPage(chain)) {
        await page.goto(`./${path}`);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
        found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
      expect(found).toEqual([]);
    });
  });
}
