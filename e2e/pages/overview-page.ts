/** Page object for the Overview: located by role and accessible name, as a user finds things. */
import type { Page } from '@playwright/test';
import { connectWallet } from './connect.ts';

export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`./#/${query}`);
  }

  connectButton = () => this.page.getByRole('button', { name: 'Connect wallet' });
  disconnectButton = () => this.page.getByRole('button', { name: 'Disconnect' });
  card = (title: string) => this.page.getByRole('article', { name: title });
  figure = (testId: string) => this.page.getByTestId(testId);
  balance = (chainId: number) => this.page.getByTestId(`balance-${chainId}`);

  connectWallet = () => connectWallet(this.page);
}
