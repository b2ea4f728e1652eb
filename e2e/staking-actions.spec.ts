import { getAddress, parseEther, zeroAddress } from 'viem';
import type { Page } from '@playwright/test';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import type { TestWallet } from './fixtures/wallet.ts';
import { expect, test } from './fixtures/index.ts';
import { OperatorPage } from './pages/operator-page.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { commissionOutlook } from '../src/lib/staking/stake-terms.ts';
import { formatRate } from '../src/lib/staking/rate.ts';
import { formatTimestamp } from '../src/lib/format/time.ts';

test.describe('a first-time staker (#6)', () => {
  test.use({ walletOptions: { accountIndex: 6, chainId: 31337 } });

  test('stakes with a permit after the risk disclosure, in one transaction, and the stake votes', async ({
    page,
    chain,
    wallet,
  }) => {
    const operator = (await chain.operators())[5].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await expect(ui.stakeForm()).toContainText('Leaving takes 21d');
    await expect(ui.stakeForm()).toContainText('can still be slashed');
    await expect(ui.stakeForm()).toContainText('Staking does not cost your vote');
    await expect(page.getByTestId('stake-keeps-voting')).toBeVisible();
    // #6 delegates its voting power to #1: the stake adds to #1's votes, under the same delegation.
    const delegateVotes = await chain.votes(DEV_ACCOUNTS[1]);
    await ui.stake('1234.5');
    await expect(page.getByText('Confirm that you understand the risks to stake.')).toBeVisible();
    await ui.stakeForm().getByLabel('I understand these risks').check();
    await wallet.clearRequests();
    await ui.stakeForm().getByRole('button', { name: 'Stake' }).click();
    await ui.confirmed('Stake 1,234.5 ALT');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Permit', 'eth_sendTransaction']);
    const [positions] = await chain.staker(DEV_ACCOUNTS[6]);
    expect(positions.find((p) => p.operator === operator)?.principal).toBe(parseEther('1234.5'));
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[6])).toBe(0n);
    expect((await chain.votes(DEV_ACCOUNTS[1])) - delegateVotes).toBe(parseEther('1234.5'));
    await expect(page.getByRole('region', { name: 'Your stake here' })).toContainText('1,234.5 ALT');
    // The form does not keep the amount: a second press cannot stake again by accident; the next step is offered.
    await expect(ui.stakeForm().getByLabel('Amount to stake')).toHaveValue('');
    await expect(ui.stakeForm().getByTestId('stake-next')).toContainText('the stake already votes');
    await ui.stakeForm().getByRole('button', { name: 'Stake' }).click();
    await expect(ui.stakeForm().getByRole('alert')).toBeVisible();
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Permit', 'eth_sendTransaction']);
  });

  test("the stake form shows an operator's pending commission change and the reward rate after it", async ({
    page,
    chain,
  }) => {
    const pending = (await chain.operators()).find((o) => o.status === 1 && o.commissionEffectiveAt > 0);
    expect(pending, 'a seeded operator has a pending commission change').toBeDefined();
    const parameters = await chain.stakingParameters();
    const outlook = commissionOutlook(parameters, pending!);
    const ui = new OperatorPage(page);
    await ui.goto(pending!.operator);
    await ui.connect();
    const terms = ui.stakeForm().getByTestId('commission-outlook');
    await expect(terms).toContainText(
      `Commission ${pending!.commissionBps / 100}%, net reward rate ${formatRate(outlook.rateBps)}`,
    );
    await expect(terms).toContainText(
      `Changing to ${pending!.pendingCommissionBps / 100}% on ${formatTimestamp(BigInt(pending!.commissionEffectiveAt))}: the rate is then ${formatRate(outlook.pending!.rateBps)}.`,
    );
    await expect(ui.stakeForm().getByTestId('stake-risk')).toContainText('up to half of it per incident');
  });

  test('refuses bad amounts with a plain message each', async ({ page, chain, wallet }) => {
    const operator = (await chain.operators())[5].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    const help = ui.stakeForm().locator('#stake-amount-help');
    for (const [input, message] of [
      ['', 'Enter an amount.'],
      ['0', 'The amount must be more than zero.'],
      ['1.0000000000000000001', 'At most 18 decimal places.'],
      ['2000001', 'That is more than your wallet balance (2,000,000 ALT).'],
      ['0.5', 'The minimum is 1 ALT.'],
      ['1e3', 'Write the amount in full, without an exponent.'],
    ]) {
      await ui.stake(input, true);
      await expect(help).toHaveText(message);
    }
    expect((await chain.staker(DEV_ACCOUNTS[6]))[0]).toHaveLength(0);
    // Max fills the exact balance.
    await ui.stakeForm().getByRole('button', { name: 'Max' }).click();
    await expect(ui.stakeForm().getByLabel('Amount to stake')).toHaveValue('2000000');
  });
});

test.describe('a wallet with EIP-5792 atomic batches (#2)', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337, atomicBatch: true } });

  test('approves and stakes in one batch, with one prompt', async ({ page, chain }) => {
    const operator = (await chain.operators())[6].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    const before = (await chain.staker(DEV_ACCOUNTS[2]))[0].find((p) => p.operator === operator)?.principal ?? 0n;
    await ui.stake('3000');
    await ui.confirmed('(one batch)');
    const after = (await chain.staker(DEV_ACCOUNTS[2]))[0].find((p) => p.operator === operator)!.principal;
    expect(after - before).toBe(parseEther('3000'));
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[2])).toBe(0n);
    const block = await chain.client.getBlock({ includeTransactions: true });
    expect(block.transactions.map((t) => getAddress((t as { to: string }).to))).toEqual([
      chain.contracts.alt,
      chain.contracts.staking,
    ]);
  });
});

test.describe('a wallet with EIP-5792 atomic batches, its batch pending (#2)', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337, atomicBatch: true } });

  test('is followed from sending, across a reload, and the same stake is not sent again meanwhile', async ({
    page,
    chain,
    wallet,
  }) => {
    const operator = (await chain.operators())[6].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await chain.setAutomine(false);
    await ui.stake('3000');
    const toast = page
      .getByRole('region', { name: 'Transactions' })
      .locator('.toast')
      .filter({ hasText: '(one batch)' });
    await expect(toast).toContainText('Pending');
    await page.reload();
    await expect(toast).toContainText('Pending');
    await wallet.clearRequests();
    await ui.stake('3000');
    await expect(page.getByText('This is already pending, here or in another tab.')).toBeVisible();
    expect(await wallet.prompts()).toEqual([]);
    await chain.mine();
    await toast.getByText('Confirmed in block').waitFor();
    const [positions] = await chain.staker(DEV_ACCOUNTS[2]);
    expect(positions.find((p) => p.operator === operator)?.principal).toBeGreaterThanOrEqual(parseEther('3000'));
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[2])).toBe(0n);
  });
});

test.describe('a wallet that cannot sign permits (#7)', () => {
  test.use({ walletOptions: { accountIndex: 7, chainId: 31337 } });

  test('falls back to an exact approval and the stake, and says why', async ({ page, chain, wallet }) => {
    const operator = (await chain.operators())[3].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await wallet.permits('unsupported');
    await ui.stake('2000', true);
    await ui.confirmed('(1 of 2)');
    await ui.confirmed('(2 of 2)');
    await expect(ui.stakeForm()).toContainText('Your wallet could not sign a permit');
    const [positions] = await chain.staker(DEV_ACCOUNTS[7]);
    expect(positions.find((p) => p.operator === operator)?.principal).toBe(parseEther('2000'));
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[7])).toBe(0n);
  });

  test('a declined permit ends the flow: no approval prompt follows', async ({ page, chain, wallet }) => {
    const operator = (await chain.operators())[3].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await wallet.permits('decline');
    await wallet.clearRequests();
    await ui.stake('2000', true);
    await expect(ui.stakeForm()).toContainText('You rejected the request in your wallet. Nothing was sent.');
    // The flow has ended (the form takes a new stake): no prompt of it is still to come.
    await expect(ui.stakeForm().getByRole('button', { name: 'Stake' })).toBeEnabled();
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Permit']);
    expect((await chain.staker(DEV_ACCOUNTS[7]))[0]).toHaveLength(0);
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[7])).toBe(0n);
  });
});

test.describe('the account kind decides the path (#7)', () => {
  test.use({ walletOptions: { accountIndex: 7, chainId: 31337 } });

  /** Gives #7 `code`, then stakes 2,000 ALT with operator 3 from its page; returns what a test checks. */
  async function stakeWithCode(
    { page, chain, wallet }: { page: Page; chain: Chain; wallet: TestWallet },
    code: string,
  ) {
    await chain.client.request({ method: 'anvil_setCode', params: [DEV_ACCOUNTS[7], code] } as never);
    const operator = (await chain.operators())[3].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await wallet.clearRequests();
    await ui.stake('2000', true);
    const principal = async () =>
      (await chain.staker(DEV_ACCOUNTS[7]))[0].find((p) => p.operator === operator)?.principal;
    return { ui, principal };
  }

  test('a contract account (a Safe signs by EIP-1271) is never asked for a permit', async ({ page, chain, wallet }) => {
    // Any code but an EIP-7702 designator makes #7 a contract account; its wallet could still sign.
    const { ui, principal } = await stakeWithCode({ page, chain, wallet }, '0x60006000fd');
    await ui.confirmed('(1 of 2)');
    await ui.confirmed('(2 of 2)');
    await expect(ui.stakeForm()).toContainText('Your account is a contract');
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction', 'eth_sendTransaction']);
    expect(await principal()).toBe(parseEther('2000'));
    expect(await chain.stakingAllowance(DEV_ACCOUNTS[7])).toBe(0n);
  });

  test('an EIP-7702 account still signs with its key: a permit and one transaction', async ({
    page,
    chain,
    wallet,
  }) => {
    const designator = `0xef0100${chain.contracts.staking.slice(2).toLowerCase()}`;
    const { ui, principal } = await stakeWithCode({ page, chain, wallet }, designator);
    await ui.confirmed('Stake 2,000 ALT');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Permit', 'eth_sendTransaction']);
    expect(await principal()).toBe(parseEther('2000'));
  });
});

test.describe('an existing staker (#1)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('unstakes part of a position, waits out the unbonding on chain time, and withdraws', async ({ page, chain }) => {
    const operator = (await chain.operators())[0].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await ui.unstakeForm().getByLabel('Amount to unstake').fill('1000');
    await ui.unstakeForm().getByRole('button', { name: 'Unstake' }).click();
    await ui.confirmed('Unstake');
    const [, requests] = await chain.staker(DEV_ACCOUNTS[1]);
    const request = requests.find((r) => r.requestedAmount === parseEther('1000'))!;
    expect(request.unlockTime).toBeGreaterThan(await chain.now());
    await chain.advance(request.unlockTime - (await chain.now()) + 1);
    await page.goto('./#/staking');
    const before = await chain.altBalance(DEV_ACCOUNTS[1]);
    const requestsBefore = (await chain.staker(DEV_ACCOUNTS[1]))[1];
    await expect(page.locator(`li[data-request="${request.id}"]`)).toContainText('Ready');
    await page.getByRole('button', { name: 'Withdraw all ready' }).click();
    await ui.confirmed(/^Withdraw/);
    const [, after] = await chain.staker(DEV_ACCOUNTS[1]);
    expect(after.some((r) => r.id === request.id)).toBe(false);
    // Every request that was ready is gone, and exactly their value arrived.
    const withdrawn = requestsBefore
      .filter((r) => !after.some((a) => a.id === r.id))
      .reduce((sum, r) => sum + r.amount, 0n);
    expect(withdrawn).toBeGreaterThanOrEqual(parseEther('1000'));
    expect((await chain.altBalance(DEV_ACCOUNTS[1])) - before).toBe(withdrawn);
  });

  test('redelegates through the unbonding period with a preview, voting all along, and completes the move', async ({
    page,
    chain,
  }) => {
    const list = await chain.operators();
    const [from, to] = [list[0].operator, list[2].operator];
    const votes = await chain.votes(DEV_ACCOUNTS[1]);
    const atTarget = (await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === to)?.stake ?? 0n;
    const ui = new OperatorPage(page);
    await ui.goto(from);
    await ui.connect();
    await ui.redelegateForm().getByLabel('Move stake to').selectOption(to);
    await ui.redelegateForm().getByLabel('Amount to move').fill('500000');
    await expect(page.getByTestId('redelegate-preview')).toContainText(
      '500,000 ALT leaves Northstar Validation now and is staked with Ottie Labs when it unlocks, in 21d',
    );
    await expect(page.getByTestId('redelegate-preview')).toContainText('1,250,000 ALT stays with Northstar Validation');
    await ui.redelegateForm().getByRole('button', { name: 'Redelegate' }).click();
    await ui.confirmed('Start moving');
    let [positions, requests] = await chain.staker(DEV_ACCOUNTS[1]);
    const moving = requests.find((r) => r.redelegateTo === to && r.requestedAmount === parseEther('500000'))!;
    expect(moving.amount).toBe(parseEther('500000'));
    expect(positions.find((p) => p.operator === from)?.stake).toBe(parseEther('1250000'));
    expect(await chain.votes(DEV_ACCOUNTS[1])).toBe(votes);
    await page.goto('./#/staking');
    await expect(page.locator(`li[data-request="${moving.id}"]`)).toContainText('moving to Ottie Labs');
    await chain.advance(moving.unlockTime - (await chain.now()) + 1);
    await page.reload();
    await page.getByRole('button', { name: `Complete move #${moving.id}` }).click();
    await ui.confirmed(`request #${moving.id}`);
    [positions, requests] = await chain.staker(DEV_ACCOUNTS[1]);
    expect(positions.find((p) => p.operator === to)!.stake - atTarget).toBe(parseEther('500000'));
    expect(requests.some((r) => r.id === moving.id)).toBe(false);
    expect(await chain.votes(DEV_ACCOUNTS[1])).toBe(votes);
  });

  test('claims rewards across all operators in one transaction, and compounds', async ({ page, chain }) => {
    const ui = new OperatorPage(page);
    await page.goto('./#/staking');
    await ui.connect();
    const before = await chain.altBalance(DEV_ACCOUNTS[1]);
    const pending = (await chain.staker(DEV_ACCOUNTS[1]))[0].reduce((s, p) => s + p.pendingRewards, 0n);
    await page.getByRole('button', { name: 'Claim all rewards' }).click();
    await ui.confirmed('of rewards');
    expect((await chain.altBalance(DEV_ACCOUNTS[1])) - before).toBeGreaterThanOrEqual(pending);
    const operator = (await chain.operators())[0].operator;
    await chain.advance(86_400);
    await ui.goto(operator);
    const principal = (await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === operator)!.principal;
    await page.getByRole('button', { name: 'Compound' }).click();
    await ui.confirmed('Compound');
    expect((await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === operator)!.principal).toBeGreaterThan(
      principal,
    );
  });

  test('withdraws one ready request on its own', async ({ page, chain }) => {
    const ui = new OperatorPage(page);
    await page.goto('./#/staking');
    await ui.connect();
    const now = await chain.now();
    const ready = (await chain.staker(DEV_ACCOUNTS[1]))[1].find(
      (r) => r.unlockTime <= now && r.redelegateTo === zeroAddress,
    )!;
    const before = await chain.altBalance(DEV_ACCOUNTS[1]);
    await page.getByRole('button', { name: `Withdraw #${ready.id}` }).click();
    await ui.confirmed(`Withdraw request #${ready.id}`);
    expect((await chain.altBalance(DEV_ACCOUNTS[1])) - before).toBe(ready.amount);
    expect((await chain.staker(DEV_ACCOUNTS[1]))[1].some((r) => r.id === ready.id)).toBe(false);
  });
});

test.describe('an existing staker (#1) leaving a position whole', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('leaves no empty position behind', async ({ page, chain }) => {
    const [positions] = await chain.staker(DEV_ACCOUNTS[1]);
    const operator = positions[0].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await ui.unstakeForm().getByRole('button', { name: 'Max' }).click();
    await ui.unstakeForm().getByRole('button', { name: 'Unstake' }).click();
    await ui.confirmed('Unstake');
    // Nothing is left staked with it: its only trace is the rewards still to claim.
    const [after] = await chain.staker(DEV_ACCOUNTS[1]);
    const left = after.find((p) => p.operator === operator);
    expect(left === undefined || (left.stake === 0n && left.pendingRewards > 0n)).toBe(true);
    const staked = after.filter((p) => p.stake > 0n);
    const overview = new OverviewPage(page);
    await overview.goto();
    await expect(overview.card('Staked')).toContainText(`with ${staked.length} operator`);
    await page.goto('./#/staking');
    const rows = page.getByRole('region', { name: 'Your positions' }).locator('tbody tr');
    await expect(rows).toHaveCount(after.length);
  });
});
