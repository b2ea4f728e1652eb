import { expect, test } from './fixtures/index.ts';
import { everyPage } from './pages/every-page.ts';
import { connectWallet } from './pages/connect.ts';

// Every Content-Security-Policy violation in the page is recorded before any app code runs.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    );
  });
});

const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as any).__cspViolations);

test('the built site ships a strict policy and no page breaks it', async ({ page, chain, wallet }) => {
  await page.goto('./#/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:8545 /);
  // No WalletConnect project id is configured: no wallet vendor, font host or image wildcard.
  expect(csp).not.toMatch(/walletconnect|reown|web3modal|fonts\.|https:;|https: /);
  await connectWallet(page);
  for (const path of await everyPage(chain)) {
    await page.goto(`./${path}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  }
  // Nothing on any page trips the policy (the wallet SDK that inlined a telemetry script is no longer
  // in the build).
  expect(await violations(page)).toEqual([]);
});

test('an injected inline script is blocked by the policy', async ({ page }) => {
  await page.goto('./#/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as any).__inlineRan)).toBeUndefined();
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
});
