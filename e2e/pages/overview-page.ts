/** Page object for the Overview: located by role and accessible name, as a user finds things. */
import type { Page } from '@playwright/test';

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

  /** Connects through the same AppKit modal a user sees, choosing the injected test wallet. */
  async connectThroughModal() {
    await this.connectButton().click();
    await this.page.getByText('Test Wallet').first().click();
    await this.disconnectButton().waitFor();
  }
}
