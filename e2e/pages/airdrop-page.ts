/** Page object for the airdrop page. */
import type { Page } from '@playwright/test';
import { connectWallet } from './connect.ts';

export class AirdropPage {
  constructor(readonly page: Page) {}

  goto = (address?: string) => this.page.goto(`./#/airdrop${address ? `?address=${address}` : ''}`);
  eligibility = () => this.page.getByRole('article', { name: 'Eligibility' });
  claimPanel = () => this.page.getByRole('article', { name: 'Claim' });
  total = () => this.page.getByTestId('airdrop-total');
  state = () => this.page.getByTestId('airdrop-state');
  claimButton = () => this.page.getByRole('button', { name: 'Claim to my wallet' });

  connect = () => connectWallet(this.page);

  async checkAddress(address: string) {
    await this.page.getByLabel('Check an address').fill(address);
    await this.page.getByRole('button', { name: 'Check eligibility' }).click();
  }
}
