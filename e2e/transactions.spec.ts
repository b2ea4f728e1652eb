import type { Page, Route } from '@playwright/test';
import type { Hex } from 'viem';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { installWallet } from './fixtures/wallet.ts';
import { GovernancePage, openActiveProposal } from './pages/governance-page.ts';

// Transactions that do not simply confirm: sped up, cancelled, dropped, reverted; and wallets that
// change under the app mid-flow. Votes on an active proposal by dev account #1 are the example.

const VOTER = DEV_ACCOUNTS[1];

/** The hash the app is following, from the list it keeps for reloads and other tabs. */
async function pendingHash(page: Page): Promise<Hex> {
  const read = () =>
    page.evaluate(() => JSON.parse(localStorage.getItem('alt-gov:v1:pending-transactions') ?? '[]')[0]?.hash);
  await expect.poll(read).toMatch(/^0x/);
  return read();
}

/** Sends, from the same account and nonce, what a wallet's "speed up" or "cancel" sends. */
async function replaceFromWallet(chain: Chain, hash: Hex, how: 'speed up' | 'cancel') {
  const tx = await chain.client.getTransaction({ hash });
  const fees = {
    maxFeePerGas: tx.maxFeePerGas! * 3n + 10n ** 10n,
    maxPriorityFeePerGas: tx.maxPriorityFeePerGas! * 3n + 10n ** 9n,
  };
  const body = how === 'speed up' ? { to: tx.to!, data: tx.input, gas: tx.gas } : { to: tx.from, gas: 21_000n };
  return chain.client.sendTransaction({ account: tx.from, chain: null, nonce: tx.nonce, value: 0n, ...body, ...fees });
}

/** Transactions waiting in anvil's pool (mining is paused in these tests). */
async function poolSize(chain: Chain): Promise<number> {
  const pool = (await chain.client.request({ method: 'txpool_content' } as never)) as {
    pending: Record<string, Record<string, unknown>>;
  };
  return Object.values(pool.pending).flatMap((byNonce) => Object.keys(byNonce)).length;
}

const toast = (page: Page) => page.getByRole('region', { name: 'Transactions' }).locator('.toast');

test('a vote sped up in the wallet is followed to the replacement and counts', async ({ page, chain, wallet }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  await ui.vote('For', 'speed me up');
  await expect(toast(page)).toContainText('Pending…');
  const original = await pendingHash(page);
  const replacement = await replaceFromWallet(chain, original, 'speed up');
  await chain.mine();
  await expect(toast(page)).toContainText('(Sped up in your wallet)');
  await expect(toast(page).locator('[title^="0x"]')).toHaveAttribute('title', replacement);
  await expect(ui.yourVote().getByTestId('your-vote')).toContainText('You voted For');
  expect(await gov.hasVoted(id, VOTER)).toBe(true);
});

test('a vote cancelled in the wallet says so, and voting is offered again', async ({ page, chain, wallet }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  await ui.vote('Against');
  const original = await pendingHash(page);
  await replaceFromWallet(chain, original, 'cancel');
  await chain.mine();
  await expect(toast(page)).toContainText('You cancelled this transaction in your wallet');
  await expect(ui.yourVote().getByRole('alert')).toContainText('You cancelled this transaction');
  await expect(ui.voteForm().getByRole('button', { name: 'Vote' })).toBeEnabled();
  expect(await gov.hasVoted(id, VOTER)).toBe(false);
});

test('a vote the network drops is reported as dropped, not left pending forever', async ({ page, chain }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  const nonce = await chain.client.getTransactionCount({ address: VOTER });
  await ui.vote('Abstain');
  const hash = await pendingHash(page);
  await chain.client.request({ method: 'anvil_dropTransaction', params: [hash] } as never);
  await expect(toast(page)).toContainText('The network dropped this transaction', { timeout: 20_000 });
  await expect(ui.voteForm().getByRole('button', { name: 'Vote' })).toBeEnabled();
  await chain.mine();
  expect(await gov.hasVoted(id, VOTER)).toBe(false);
  expect(await chain.client.getTransactionCount({ address: VOTER })).toBe(nonce);
});

test('a vote sent privately is never called dropped: the page waits, says why, and settles when it lands', async ({
  page,
  chain,
  wallet,
}) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  const nonce = await chain.client.getTransactionCount({ address: VOTER });
  await ui.vote('For');
  const hash = await pendingHash(page);
  // A wallet sending through a private channel: the network never sees the transaction until it is
  // mined, and the wallet counts it among its own pending ones.
  await wallet.countPendingUpTo(nonce + 1);
  const raw = (await chain.client.request({ method: 'eth_getRawTransactionByHash', params: [hash] } as never)) as Hex;
  await chain.client.request({ method: 'anvil_dropTransaction', params: [hash] } as never);
  await expect(ui.yourVote().getByTestId('tx-waiting')).toContainText('the network does not show it yet', {
    timeout: 20_000,
  });
  await expect(toast(page)).not.toContainText('dropped');
  await expect(ui.voteForm().getByRole('button', { name: 'Vote' })).toBeDisabled();
  // It lands.
  await chain.client.request({ method: 'eth_sendRawTransaction', params: [raw] } as never);
  await chain.mine();
  await expect(ui.yourVote().getByTestId('your-vote')).toContainText('You voted For');
  expect(await gov.hasVoted(id, VOTER)).toBe(true);
});

test('a double click on Vote sends one transaction', async ({ page, chain }) => {
  const { ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  await ui.voteForm().getByLabel('For', { exact: true }).check();
  await ui.voteForm().getByRole('button', { name: 'Vote' }).dblclick();
  await pendingHash(page);
  // A third press while it is pending finds the button disabled.
  await expect(ui.voteForm().getByRole('button', { name: 'Vote' })).toBeDisabled();
  expect(await poolSize(chain)).toBe(1);
  await chain.mine();
  await expect(ui.yourVote().getByTestId('your-vote')).toContainText('You voted For');
  await expect(toast(page)).toHaveCount(1);
});

test('a vote that reverts on-chain is reported as reverted and nothing is recorded', async ({ page, chain }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await chain.setAutomine(false);
  await ui.vote('For');
  await pendingHash(page);
  // The voting period ends before the vote is mined: it passed simulation but fails in its block.
  await chain.advance((await gov.votingPeriod()) + 60);
  await expect(toast(page)).toContainText('but reverted');
  expect(await gov.hasVoted(id, VOTER)).toBe(false);
  await expect(ui.state()).not.toHaveText('Active');
});

/** Runs `during` when the app asks for its gas estimate: after simulation, before the wallet signs. */
async function betweenSimulateAndSign(page: Page, during: () => Promise<unknown>) {
  let done = false;
  await page.route('http://127.0.0.1:8545/**', async (route: Route) => {
    if (!done && route.request().postData()?.includes('"eth_estimateGas"')) {
      done = true;
      await during();
    }
    await route.continue();
  });
}

for (const [what, change] of [
  ['account', (w: import('./fixtures/wallet.ts').TestWallet) => w.setAccount(2)],
  ['network', (w: import('./fixtures/wallet.ts').TestWallet) => w.setChain(1)],
] as const) {
  test(`a wallet that switches ${what} between simulation and signing sends nothing`, async ({
    page,
    chain,
    wallet,
  }) => {
    const { gov, id, ui } = await openActiveProposal(page, chain);
    const nonces = await Promise.all([1, 2].map((i) => chain.client.getTransactionCount({ address: DEV_ACCOUNTS[i] })));
    await betweenSimulateAndSign(page, () => change(wallet));
    await ui.vote('For');
    await expect(
      page.getByRole('alert').filter({ hasText: 'changed account or network while preparing' }).first(),
    ).toBeVisible();
    expect(
      await Promise.all([1, 2].map((i) => chain.client.getTransactionCount({ address: DEV_ACCOUNTS[i] }))),
    ).toEqual(nonces);
    expect(await gov.hasVoted(id, VOTER)).toBe(false);
    expect(await gov.hasVoted(id, DEV_ACCOUNTS[2])).toBe(false);
    // No transaction is listed: the only entry says nothing was sent.
    await expect(toast(page)).toHaveCount(1);
    await expect(toast(page)).toContainText('Nothing was sent');
  });
}

test('a wallet disconnected while its prompt is open sends nothing and the page shows it disconnected', async ({
  page,
  chain,
  wallet,
}) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await wallet.holdNext();
  await ui.vote('For');
  await expect.poll(() => wallet.isHolding()).toBe(true);
  await expect(ui.yourVote().getByRole('status')).toContainText('Confirm in your wallet');
  await wallet.disconnect();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByText('Your wallet disconnected before signing. Nothing was sent.')).toBeVisible();
  expect(await gov.hasVoted(id, VOTER)).toBe(false);
  await expect(toast(page)).toHaveCount(0);
});

test('two tabs: the second sees the first tab’s pending vote, refuses to send it again, and updates when it lands', async ({
  page,
  chain,
  wallet,
  context,
}) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  const second = await context.newPage();
  await installWallet(second, { accountIndex: 1, chainId: 31337 });
  const other = new GovernancePage(second);
  await other.gotoProposal(id);
  // The wallet is connected to the site, so the second tab is connected too, as with an extension.
  await expect(second.getByRole('button', { name: 'Disconnect' })).toBeVisible();

  await chain.setAutomine(false);
  await ui.vote('For', 'from the first tab');
  await pendingHash(page);
  await expect(toast(second)).toContainText('Pending…');
  await other.vote('For', 'from the second tab');
  await expect(other.yourVote().getByRole('alert')).toContainText('already pending, here or in another tab');
  expect(await poolSize(chain)).toBe(1);

  await chain.mine();
  await expect(toast(second)).toContainText('Confirmed in block');
  await expect(other.yourVote().getByTestId('your-vote')).toContainText('You voted For');
  await expect(ui.yourVote().getByTestId('your-vote')).toContainText('You voted For');
  expect(await gov.hasVoted(id, VOTER)).toBe(true);
});
