/** The header's Connect button, as every page reaches it. */
import type { Page } from '@playwright/test';

/**
 * Connects the injected test wallet the way a user does: one tap on Connect when it is the only
 * wallet in the browser; when Connect offers a list instead, the test wallet is picked from it.
 */
export async function connectWallet(page: Page) {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  const disconnect = page.getByRole('button', { name: 'Disconnect' });
  const choice = page.getByRole('group', { name: 'Choose a wallet' }).getByRole('button', { name: 'Test Wallet' });
  await disconnect.or(choice).first().waitFor();
  if (await choice.isVisible()) await choice.click();
  await disconnect.waitFor();
}
