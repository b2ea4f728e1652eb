import { parseEther } from 'viem';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { GovernancePage, openActiveProposal } from './pages/governance-page.ts';
import { focusInside, tabTo } from './pages/keyboard.ts';
import { OperatorPage } from './pages/operator-page.ts';

// Every flow here is driven by Tab, arrows, Space, Enter and Escape only: no clicks, no fill().

test.describe('a staker without a pointer', () => {
  test.use({ walletOptions: { accountIndex: 6, chainId: 31337 } });

  test('skips to the content, connects, and stakes with the keyboard', async ({ page, chain, wallet }) => {
    const operator = (await chain.operators())[5].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    // The first Tab lands on the skip link, which moves focus to the page without changing the route.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/staking/operators/${operator}$`));

    await tabTo(page, page.getByRole('button', { name: 'Connect wallet' }), { back: true });
    // The one injected wallet connects with one key press.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible();

    await tabTo(page, ui.stakeForm().getByLabel('Amount to stake'));
    await page.keyboard.type('25.5');
    await tabTo(page, ui.stakeForm().getByLabel('I understand these risks'));
    await page.keyboard.press('Space');
    await tabTo(page, ui.stakeForm().getByRole('button', { name: 'Stake' }));
    await page.keyboard.press('Enter');
    await ui.confirmed('Stake 25.5 ALT');
    const [positions] = await chain.staker(DEV_ACCOUNTS[6]);
    expect(positions.find((p) => p.operator === operator)?.principal).toBe(parseEther('25.5'));
  });
});

test('a voter picks a choice with the arrow keys and votes with Enter', async ({ page, chain }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await tabTo(page, ui.voteForm().getByLabel('For', { exact: true }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(ui.voteForm().getByLabel('Against', { exact: true })).toBeChecked();
  await tabTo(page, ui.voteForm().getByLabel(/^Reason/));
  await page.keyboard.type('Typed, not clicked');
  await tabTo(page, ui.voteForm().getByRole('button', { name: 'Vote' }));
  await page.keyboard.press('Enter');
  await expect(ui.yourVote().getByTestId('your-vote')).toContainText('You voted Against');
  expect(await gov.hasVoted(id, DEV_ACCOUNTS[1])).toBe(true);
});

test('navigating from the header puts focus on the new page', async ({ page }) => {
  await page.goto('./#/');
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Governance' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/governance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The next Tab goes into the page, not back through the header.
  await page.keyboard.press('Tab');
  expect(await focusInside(page.locator('main'))).toBe(true);
});

test('the leave-the-app dialog takes focus, keeps it, and gives it back on Escape', async ({ page, chain }) => {
  const gov = governor(chain);
  const id = await gov.proposeText('# Keyboard\n\nSee [the forum](https://forum.example.org/t/2).');
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  const link = ui.markdown().getByRole('link', { name: 'the forum' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Leave the app?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stay here' })).toBeFocused();
  // Tabbing cycles among the dialog's buttons; the page behind it is inert.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect((await focusInside(page.locator('main'))) && !(await focusInside(dialog))).toBe(false);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
  expect(page.url()).toContain(`#/governance/proposals/${id}`);
});
