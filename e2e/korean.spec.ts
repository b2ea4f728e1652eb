/**
 * A holder who reads Korean votes, stakes and claims in Korean: every control found by its Korean
 * words (read from the catalogue the app is compiled from), and the chain checked afterwards.
 */
import { parseEther } from 'viem';
import type { Page } from '@playwright/test';
import { altAirdropAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { governor } from './fixtures/governor.ts';
import { say } from './pages/language.ts';

const ko = (key: string, variables?: Record<string, string | number>) => say('ko', key, variables);

/** ALT held by dev account #1, read from the token. */
const balance = (chain: Chain) =>
  chain.client.readContract({
    address: chain.contracts.alt,
    abi: altLayerTokenAbi,
    functionName: 'balanceOf',
    args: [DEV_ACCOUNTS[1]],
  });

/** Connects the test wallet from the header, by the button's Korean name. */
async function connect(page: Page) {
  await page.getByRole('button', { name: ko('common_connect_button_connect') }).click();
  await page.getByRole('button', { name: ko('common_connect_button_disconnect') }).waitFor();
}

test('votes For on an open proposal in Korean, and the vote is on chain', async ({ page, chain }) => {
  const gov = governor(chain);
  const id = (await gov.ids())[7];
  expect(await gov.state(id)).toBe('Active');
  const before = await gov.votes(id);
  await page.goto(`./?lang=ko#/governance/proposals/${id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await connect(page);
  const form = page.getByRole('form', { name: ko('proposal_vote_panel_cast_label') });
  await form.getByLabel(ko('proposal_tallies_for'), { exact: true }).check();
  await form.locator('#vote-reason').fill('찬성합니다: 운영자 보상 개선');
  await form.getByRole('button', { name: ko('proposal_vote_panel_vote'), exact: true }).click();
  await expect(page.getByRole('region', { name: ko('proposal_vote_panel_heading') })).toContainText(
    '찬성합니다: 운영자 보상 개선',
  );
  await expect.poll(() => gov.hasVoted(id, DEV_ACCOUNTS[1])).toBe(true);
  expect((await gov.votes(id))[1]).toBeGreaterThan(before[1]);
});

test.describe('a first-time staker', () => {
  test.use({ walletOptions: { accountIndex: 6, chainId: 31337 } });

  test('stakes in Korean after accepting the risks, and the stake is on chain', async ({ page, chain }) => {
    const operator = (await chain.operators())[5].operator;
    await page.goto(`./?lang=ko#/staking/operators/${operator}`);
    await connect(page);
    const form = page.getByRole('form', { name: ko('staking_stake_form_stake'), exact: true });
    await form.getByLabel(ko('staking_stake_form_amount')).fill('1234.5');
    await form.getByLabel(ko('common_stake_risk_accept')).check();
    await form.getByRole('button', { name: ko('staking_stake_form_stake'), exact: true }).click();
    await expect
      .poll(async () => (await chain.staker(DEV_ACCOUNTS[6]))[0].find((p) => p.operator === operator)?.principal)
      .toBe(parseEther('1234.5'));
    // The transaction's notice says it in Korean too ("블록 N에서 확인됨").
    await expect(page.getByRole('region', { name: ko('common_app_transactions') })).toContainText(
      new RegExp(ko('common_pending_toasts_confirmed').replace('{block}', '[\\d,]+')),
    );
  });
});

test('claims the airdrop to the wallet in Korean, and the claim is on chain', async ({ page, chain }) => {
  const before = await balance(chain);
  await page.goto('./?lang=ko#/airdrop');
  await connect(page);
  await page.getByRole('button', { name: ko('airdrop_claim_panel_claim_to_wallet') }).click();
  await expect(page.getByTestId('airdrop-state')).toHaveText(ko('airdrop_eligibility_already_claimed'));
  expect(
    await chain.client.readContract({
      address: chain.contracts.airdrop,
      abi: altAirdropAbi,
      functionName: 'isClaimed',
      args: [DEV_ACCOUNTS[1]],
    }),
  ).toBe(true);
  expect((await balance(chain)) - before).toBe(9_250n * 10n ** 18n);
});
