import { defineConfig } from '@playwright/test';
import { systemChromium } from './scripts/browser.ts';

// The random provider e2e/provider-limits.spec.ts draws: one seed per run, the same in the runner and
// its workers (set here, before they start), printed with the test's title and replayable with
// PROVIDER_SEED=<seed>.
process.env.PROVIDER_SEED ??= String(Math.floor(Math.random() * 1_000_000));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173/',
    trace: 'retain-on-failure',
    launchOptions: {
      // The system Chromium where there is one (Debian's); otherwise Playwright's own.
      executablePath: systemChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npm run devnet',
      port: 8545,
      env: { DEVNET_BLOCK_TIME: '0' },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'pipe',
    },
    {
      command: 'npm run build && npm run preview -- --host 127.0.0.1',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
