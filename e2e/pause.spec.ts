/**
 * ALT's owner pauses transfers: every page says so, every action that would move ALT is disabled with
 * the reason before the wallet is asked for anything, actions that move no ALT still work, and all of
 * it returns within one block of the unpause, with no reload.
 */
import { parseEther } from 'viem';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { GovernancePage } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';
import { connectWallet } from './pages/connect.ts';

test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

const REASON = "ALT transfers are paused by ALT's owner";

test('a paused ALT disables every action that moves it, asks the wallet nothing, and resumes after the unpause', async ({
  page,
  chain,
  wallet,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/');
  await connectWallet(page);
  await chain.setAltPaused(true);
  const banner = page.getByTestId('alt-paused');
  await expect(banner).toContainText(REASON);
  await wallet.clearRequests();

  // Staking: stake, withdraw and claim are disabled with the reason; unstaking moves no ALT and still works.
  const operator = (await chain.operators())[0].operator;
  const staking = new OperatorPage(page);
  await staking.goto(operator);
  await expect(banner).toBeVisible();
  await staking.stakeForm().getByLabel('Amount to stake').fill('100');
  await expect(staking.stakeForm().getByRole('button', { name: 'Stake' })).toBeDisabled();
  await expect(staking.stakeForm()).toContainText(REASON);
  await page.goto('./#/staking');
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claim all rewards' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Withdraw all ready' })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Withdraw #/ }).first()).toBeDisabled();

  // Governance: wrapping and unwrapping move ALT; delegating does not.
  const governance = new GovernancePage(page);
  await governance.gotoList();
  await expect(banner).toBeVisible();
  await expect(governance.wrapForm().getByRole('button', { name: 'Get voting power' })).toBeDisabled();
  await expect(governance.unwrapForm().getByRole('button', { name: 'Return to plain ALT' })).toBeDisabled();
  await expect(governance.delegation().getByRole('button', { name: 'Delegate', exact: true })).toBeEnabled();

  // The airdrop: every way to claim moves ALT.
  await page.goto('./#/airdrop');
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claim to my wallet' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Claim as voting power' })).toBeDisabled();
  await expect(page.getByRole('article', { name: 'Claim' })).toContainText(REASON);
  expect(await wallet.prompts()).toEqual([]);

  // What moves no ALT still goes through while paused: an unstake.
  await staking.goto(operator);
  await staking.unstakeForm().getByLabel('Amount to unstake').fill('1000');
  await staking.unstakeForm().getByRole('button', { name: 'Unstake' }).click();
  await staking.confirmed('Unstake');

  // The owner unpauses: within one block everything is back, with no reload.
  await chain.setAltPaused(false);
  await expect(banner).toHaveCount(0);
  const before = (await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === operator)!.stake;
  await staking.stake('100');
  await staking.confirmed('Stake 100 ALT');
  const after = (await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === operator)!.stake;
  expect(after - before).toBe(parseEther('100'));
});
