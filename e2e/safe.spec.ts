/**
 * A 2-of-3 Safe (seeded on the devnet) acting through a wallet that behaves as Safe{Wallet} does for
 * a dApp: every flow proposes one Safe transaction, the page shows "1 of 2 confirmations" read from
 * the Safe, keeps it across a reload, refuses the same action again, and settles once the test has
 * the second owner confirm and execute it. Each test reads the chain afterwards.
 */
import { parseEther } from 'viem';
import type { Page } from '@playwright/test';
import { altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS as SAFE } from './fixtures/chain.ts';
import type { TestWallet } from './fixtures/wallet.ts';
import { expect, test } from './fixtures/index.ts';
import { AirdropPage } from './pages/airdrop-page.ts';
import { GovernancePage, openActiveProposal } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';

/** The owner the wallet proposes as (#7) and the second owner the test has confirm and execute (#8). */
const PROPOSER = 7;
const SECOND_OWNER = DEV_ACCOUNTS[8];

test.use({ walletOptions: { accountIndex: PROPOSER, chainId: 31337, safe: SAFE } });

const toast = (page: Page, label: string | RegExp) =>
  page.getByRole('region', { name: 'Transactions' }).locator('.toast').filter({ hasText: label });

/**
 * The part every Safe flow shares once the app has proposed it: the wallet was asked once
 * (`prompt`), the page waits on the Safe's owners, still does after a reload, and refuses the same
 * action again (`again` repeats it); nothing has changed on chain (`unchanged`) until the second
 * owner executes, after which the toast confirms.
 */
async function waitsForTheSafe(
  page: Page,
  wallet: TestWallet,
  {
    label,
    prompt,
    again,
    unchanged,
  }: { label: string | RegExp; prompt: string; again: () => Promise<void>; unchanged: () => Promise<void> },
) {
  const waiting = toast(page, label);
  await expect(waiting).toContainText('Waiting for your Safe: 1 of 2 confirmations');
  expect(await wallet.prompts()).toEqual([prompt]);
  // The toast links to no transaction: a Safe transaction's hash is not one.
  await expect(waiting.getByRole('link')).toHaveCount(0);
  await unchanged();

  await page.reload();
  await expect(toast(page, label)).toContainText('Waiting for your Safe: 1 of 2 confirmations');
  await wallet.clearRequests();
  await again();
  await expect(page.getByText('This is already pending, here or in another tab.')).toBeVisible();
  expect(await wallet.prompts()).toEqual([]);
  expect(await wallet.safe!.waiting()).toHaveLength(1);
  await unchanged();

  await wallet.safe!.execute(SECOND_OWNER);
  await toast(page, label).getByText('Confirmed in block').waitFor();
  await expect(toast(page, label)).toContainText('Executed by your Safe');
}

test('a Safe stakes in one Safe transaction (approve exactly + stake), following its confirmations', async ({
  page,
  chain,
  wallet,
}) => {
  const operator = (await chain.operators())[5].operator;
  const principal = async () => (await chain.staker(SAFE))[0].find((p) => p.operator === operator)?.principal ?? 0n;
  const ui = new OperatorPage(page);
  await ui.goto(operator);
  await ui.connect();
  await wallet.clearRequests();
  await ui.stake('1500');
  await waitsForTheSafe(page, wallet, {
    label: 'Stake 1,500 ALT',
    prompt: 'wallet_sendCalls',
    again: () => ui.stake('1500'),
    unchanged: async () => expect(await principal()).toBe(0n),
  });
  expect(await principal()).toBe(parseEther('1500'));
  expect(await chain.stakingAllowance(SAFE)).toBe(0n);
  await expect(page.getByRole('region', { name: 'Your stake here' })).toContainText('1,500 ALT');
});

test('a Safe votes with a reason', async ({ page, chain, wallet }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  const reason = 'Two of our three signers agreed.';
  await wallet.clearRequests();
  await ui.vote('For', reason);
  await waitsForTheSafe(page, wallet, {
    label: /^Vote/,
    prompt: 'eth_sendTransaction',
    again: () => ui.vote('For', reason),
    unchanged: async () => expect(await gov.hasVoted(id, SAFE)).toBe(false),
  });
  expect(await gov.hasVoted(id, SAFE)).toBe(true);
  await expect(ui.yourVote().locator('.vote-reason')).toHaveText(reason);
});

test('a Safe delegates its voting power', async ({ page, chain, wallet }) => {
  const mine = await chain.votes(SAFE);
  const theirs = await chain.votes(DEV_ACCOUNTS[3]);
  const ui = new GovernancePage(page);
  await ui.gotoList();
  await ui.connect();
  const delegateTo = async () => {
    await ui.delegation().getByLabel('Delegate to an address').fill(DEV_ACCOUNTS[3]);
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    await ui.delegation().getByRole('button', { name: 'Confirm and open wallet' }).click();
  };
  await wallet.clearRequests();
  await delegateTo();
  await waitsForTheSafe(page, wallet, {
    label: `Delegate votes to ${DEV_ACCOUNTS[3]}`,
    prompt: 'eth_sendTransaction',
    again: delegateTo,
    unchanged: async () => expect(await chain.delegateOf(SAFE)).toBe(SAFE),
  });
  expect(await chain.delegateOf(SAFE)).toBe(DEV_ACCOUNTS[3]);
  expect(await chain.votes(DEV_ACCOUNTS[3])).toBe(theirs + mine);
});

test('a Safe wraps ALT into voting power in one Safe transaction', async ({ page, chain, wallet }) => {
  const before = await chain.wrapped(SAFE);
  const ui = new GovernancePage(page);
  await ui.gotoList();
  await ui.connect();
  await wallet.clearRequests();
  await ui.getVotingPower('1000');
  await waitsForTheSafe(page, wallet, {
    label: 'into voting power',
    prompt: 'wallet_sendCalls',
    again: () => ui.getVotingPower('1000'),
    unchanged: async () => expect(await chain.wrapped(SAFE)).toBe(before),
  });
  expect((await chain.wrapped(SAFE)) - before).toBe(parseEther('1000'));
  expect(await chain.votesAllowance(SAFE)).toBe(0n);
});

test('a Safe claims its airdrop', async ({ page, chain, wallet }) => {
  const balance = () =>
    chain.client.readContract({
      address: chain.contracts.alt,
      abi: altLayerTokenAbi,
      functionName: 'balanceOf',
      args: [SAFE],
    });
  const claimed = () => chain.claimed(SAFE);
  const before = await balance();
  const airdrop = new AirdropPage(page);
  await airdrop.goto();
  await airdrop.connect();
  await wallet.clearRequests();
  await airdrop.claimButton().click();
  await waitsForTheSafe(page, wallet, {
    label: /^Claim/,
    prompt: 'eth_sendTransaction',
    again: () => airdrop.claimButton().click(),
    unchanged: async () => expect(await claimed()).toBe(false),
  });
  expect(await claimed()).toBe(true);
  expect((await balance()) - before).toBe(parseEther('25000'));
  await expect(airdrop.state()).toHaveText('Already claimed');
});

test('a Safe transaction its owners replace with a rejection is reported, not waited for forever', async ({
  page,
  chain,
  wallet,
}) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await ui.vote('Against', '');
  await expect(toast(page, /^Vote/)).toContainText('1 of 2 confirmations');
  // The owners execute an empty transaction at the same nonce instead (Safe's "reject").
  const [proposed] = await wallet.safe!.waiting();
  await wallet.safe!.rejectAt(proposed.tx.nonce, SECOND_OWNER);
  await expect(toast(page, /^Vote/)).toContainText('Your Safe executed another transaction with the same nonce');
  expect(await gov.hasVoted(id, SAFE)).toBe(false);
});

test("a Safe delegate's page shows who controls it: its owners and threshold, beside its voting power", async ({
  page,
  chain,
}) => {
  await page.goto(`./#/governance/delegates/${SAFE}`);
  await expect(page.getByTestId('delegate-power')).toHaveText(
    `${new Intl.NumberFormat('en-US').format(Number((await chain.votes(SAFE)) / 10n ** 18n))} vALT`,
  );
  const safe = page.getByRole('region', { name: 'Safe multisig' });
  await expect(safe).toContainText('2 of 3 owners must sign');
  for (const owner of DEV_ACCOUNTS.slice(7, 10)) await expect(safe).toContainText(owner);
});
