/** Page object for the governance pages: proposals, a proposal, the create form, delegation. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Chain } from '../fixtures/chain.ts';
import { governor } from '../fixtures/governor.ts';
import { connectWallet } from './connect.ts';

export class GovernancePage {
  constructor(readonly page: Page) {}

  gotoList = () => this.page.goto('./#/governance');
  gotoProposal = (id: bigint) => this.page.goto(`./#/governance/proposals/${id}`);
  gotoNew = () => this.page.goto('./#/governance/new');
  gotoDelegates = () => this.page.goto('./#/governance/delegates');
  connect = () => connectWallet(this.page);

  state = () => this.page.getByTestId('proposal-state');
  voteForm = () => this.page.getByRole('form', { name: 'Cast your vote' });
  yourVote = () => this.page.getByRole('region', { name: 'Your vote' });
  delegation = () => this.page.getByRole('region', { name: 'Your votes' });
  wrapForm = () => this.page.getByRole('form', { name: 'Get voting power' });
  unwrapForm = () => this.page.getByRole('form', { name: 'Return to plain ALT' });

  /** Fills and submits the "Get voting power" form. */
  async getVotingPower(amount: string) {
    await this.wrapForm().getByLabel('Plain ALT to turn into voting power').fill(amount);
    await this.wrapForm().getByRole('button', { name: 'Get voting power' }).click();
  }
  markdown = () => this.page.getByLabel('Proposal description');

  async confirmed(label: string | RegExp) {
    const toast = this.page.getByRole('region', { name: 'Transactions' }).locator('.toast').filter({ hasText: label });
    await toast.getByText('Confirmed in block').waitFor();
  }

  async vote(support: 'For' | 'Against' | 'Abstain', reason = '') {
    await this.voteForm().getByLabel(support, { exact: true }).check();
    await this.voteForm()
      .getByLabel(/^Reason/)
      .fill(reason);
    await this.voteForm().getByRole('button', { name: 'Vote' }).click();
  }
}

/** Opens the seeded proposal that is open for voting, with the wallet connected. */
export async function openActiveProposal(page: Page, chain: Chain) {
  const gov = governor(chain);
  const id = (await gov.ids())[7];
  expect(await gov.state(id)).toBe('Active');
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  await ui.connect();
  return { gov, id, ui };
}
