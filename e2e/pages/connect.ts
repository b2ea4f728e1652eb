/** The header's Connect button and the AppKit modal, as every page reaches them. */
import type { Page } from '@playwright/test';

/** Connects through the same AppKit modal a user sees, choosing the injected test wallet. */
export async function connectThroughModal(page: Page) {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByText('Test Wallet').first().click();
  await page.getByRole('button', { name: 'Disconnect' }).waitFor();
}
