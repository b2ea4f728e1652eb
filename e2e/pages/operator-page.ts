/** Page object for one operator's page and its stake, unstake and redelegate forms. */
import type { Page } from '@playwright/test';
import type { Address } from 'viem';
import { connectWallet } from './connect.ts';

export class OperatorPage {
  constructor(readonly page: Page) {}

  goto = (operator: Address) => this.page.goto(`./#/staking/operators/${operator}`);
  stakeForm = () => this.page.getByRole('form', { name: 'Stake', exact: true });
  unstakeForm = () => this.page.getByRole('form', { name: 'Unstake' });
  redelegateForm = () => this.page.getByRole('form', { name: 'Redelegate' });

  connect = () => connectWallet(this.page);

  /** Waits until the transaction whose label contains `label` is confirmed. */
  async confirmed(label: string | RegExp) {
    const toast = this.page.getByRole('region', { name: 'Transactions' }).locator('.toast').filter({ hasText: label });
    await toast.getByText('Confirmed in block').waitFor();
  }

  async stake(amount: string, acceptRisk = false) {
    await this.stakeForm().getByLabel('Amount to stake').fill(amount);
    if (acceptRisk) await this.stakeForm().getByLabel('I understand these risks').check();
    await this.stakeForm().getByRole('button', { name: 'Stake' }).click();
  }
}
