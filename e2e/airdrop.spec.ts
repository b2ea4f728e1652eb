import { parseEther, zeroAddress, type Address } from 'viem';
import { altAirdropAbi, altLayerTokenAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { AirdropPage } from './pages/airdrop-page.ts';
import { connectWallet } from './pages/connect.ts';
import { formatToken } from '../src/lib/format/amount.ts';

const ALT = 10n ** 18n;
// From data/airdrop/season-one.csv.
const ALLOCATION: Record<number, bigint> = { 1: 9_250n * ALT, 2: 13_480n * ALT, 5: 8_120n * ALT, 9: 5_700n * ALT };

const read = (chain: Chain, address: Address, abi: any, functionName: string, args: unknown[] = []) =>
  chain.client.readContract({ address, abi, functionName, args } as any) as Promise<any>;
const balanceOf = (chain: Chain, who: Address) =>
  read(chain, chain.contracts.alt, altLayerTokenAbi, 'balanceOf', [who]);

test('checks an eligible and a non-eligible address with no wallet', async ({ page }) => {
  const airdrop = new AirdropPage(page);
  await airdrop.goto();
  await airdrop.checkAddress(DEV_ACCOUNTS[1]);
  await expect(airdrop.total()).toHaveText('9,250 ALT');
  await expect(airdrop.state()).toHaveText('Claimable');
  await expect(airdrop.eligibility()).toContainText('Altitude campaign');
  await expect(airdrop.eligibility()).toContainText('1,250 ALT');
  await expect(airdrop.eligibility()).toContainText('EigenLayer restakers');
  await expect(airdrop.eligibility()).toContainText('8,000 ALT');
  await expect(page.getByTestId('claim-window')).toContainText('Claims close');
  await airdrop.checkAddress(DEV_ACCOUNTS[4]);
  await expect(airdrop.eligibility()).toContainText('Not eligible');
  await airdrop.checkAddress('0xnot-an-address');
  await expect(page.getByRole('alert').filter({ hasText: 'That is not an address' })).toBeVisible();
});

test.describe('as dev account #1', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('claims to the wallet, then the page and overview show it claimed', async ({ page, chain }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const before = await balanceOf(chain, DEV_ACCOUNTS[1]);
    await airdrop.claimButton().click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await read(chain, chain.contracts.airdrop, altAirdropAbi, 'isClaimed', [DEV_ACCOUNTS[1]])).toBe(true);
    expect((await balanceOf(chain, DEV_ACCOUNTS[1])) - before).toBe(ALLOCATION[1]);
    // A second claim is refused: the page offers none and says why.
    await expect(airdrop.claimPanel()).toContainText('Already claimed.');
    await expect(airdrop.claimButton()).toHaveCount(0);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('airdrop-status')).toContainText('Claimed');
  });

  test('claims and stakes with a chosen operator in one transaction, and the stake votes', async ({ page, chain }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const operator = await read(chain, chain.contracts.staking, altStakingAbi, 'getOperators', [2n, 1n]).then(
      (o) => o[0].operator,
    );
    const [positionsBefore] = await read(chain, chain.contracts.staking, altStakingAbi, 'getStaker', [DEV_ACCOUNTS[1]]);
    await page.getByLabel('Operator to stake with').selectOption(operator);
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    const [positions] = await read(chain, chain.contracts.staking, altStakingAbi, 'getStaker', [DEV_ACCOUNTS[1]]);
    const position = positions.find((p: any) => p.operator === operator);
    const previous = positionsBefore.find((p: any) => p.operator === operator)?.principal ?? 0n;
    expect(position.principal - previous).toBe(ALLOCATION[1]);
    expect(await chain.stakedUnits(DEV_ACCOUNTS[1])).toBeGreaterThanOrEqual(position.stake);
  });

  test('nobody else can claim for an eligible address', async ({ page, wallet }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto(DEV_ACCOUNTS[9]);
    await airdrop.connect();
    await expect(airdrop.claimPanel()).toContainText('Only the eligible wallet itself can claim');
    await expect(airdrop.claimButton()).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Claim and stake' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Claim as voting power' })).toBeDisabled();
  });
});

test.describe('as dev account #5 (plain ALT only, no votes)', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('claims as voting power for itself in one transaction, no signature', async ({ page, chain, wallet }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    expect(await chain.delegateOf(DEV_ACCOUNTS[5])).toBe(zeroAddress);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction']);
    expect(await chain.delegateOf(DEV_ACCOUNTS[5])).toBe(DEV_ACCOUNTS[5]);
    expect(await chain.wrapped(DEV_ACCOUNTS[5])).toBe(ALLOCATION[5]);
    expect(await chain.votes(DEV_ACCOUNTS[5])).toBe(ALLOCATION[5]);
    expect(await balanceOf(chain, DEV_ACCOUNTS[5])).toBe(parseEther('25000000'));
  });

  test('claim-and-stake asks a first-time staker to acknowledge the risks, as the stake form does', async ({
    page,
    chain,
    wallet,
  }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const operators = await chain.operators();
    const pending = operators.find((o) => o.status === 1 && o.commissionEffectiveAt > 0)!;
    const select = page.getByLabel('Operator to stake with');
    await expect(select.locator(`option[value="${pending.operator}"]`)).toContainText(
      `changing to ${pending.pendingCommissionBps / 100}%`,
    );
    await select.selectOption(pending.operator);
    await expect(airdrop.claimPanel().getByTestId('commission-outlook')).toContainText(
      `Changing to ${pending.pendingCommissionBps / 100}%`,
    );
    const risk = airdrop.claimPanel().getByTestId('stake-risk');
    await expect(risk).toContainText('up to half of it per incident');
    await expect(risk).toContainText('Leaving takes 21d');
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(risk.getByRole('alert')).toHaveText('Confirm that you understand the risks to stake.');
    expect(await wallet.prompts()).toEqual([]);
    await risk.getByLabel('I understand these risks').check();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    const [positions] = await chain.staker(DEV_ACCOUNTS[5]);
    expect(positions.find((p) => p.operator === pending.operator)?.principal).toBe(ALLOCATION[5]);
  });

  test('claims as voting power delegated to someone else with one signature and one transaction', async ({
    page,
    chain,
    wallet,
  }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const theirs = await chain.votes(DEV_ACCOUNTS[3]);
    await page.getByLabel(/Claim as voting power, delegated to/).fill(DEV_ACCOUNTS[3]);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Delegation', 'eth_sendTransaction']);
    expect(await chain.delegateOf(DEV_ACCOUNTS[5])).toBe(DEV_ACCOUNTS[3]);
    expect((await chain.votes(DEV_ACCOUNTS[3])) - theirs).toBe(ALLOCATION[5]);
  });
});

test.describe('as dev account #2 (eligible, its votes delegated to #1)', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337 } });

  test('shows the current delegate and keeps it by default: one transaction, no signature', async ({
    page,
    chain,
    wallet,
  }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    expect(await chain.delegateOf(DEV_ACCOUNTS[2])).toBe(DEV_ACCOUNTS[1]);
    await expect(page.getByTestId('claim-current-delegate')).toContainText(DEV_ACCOUNTS[1]);
    await expect(page.getByLabel(/Claim as voting power, delegated to/)).toHaveValue(DEV_ACCOUNTS[1]);
    const theirs = await chain.votes(DEV_ACCOUNTS[1]);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction']);
    expect(await chain.delegateOf(DEV_ACCOUNTS[2])).toBe(DEV_ACCOUNTS[1]);
    expect((await chain.votes(DEV_ACCOUNTS[1])) - theirs).toBe(ALLOCATION[2]);
  });

  test('claims to itself, taking its votes back, with one signature and one transaction', async ({
    page,
    chain,
    wallet,
  }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const field = page.getByLabel(/Claim as voting power, delegated to/);
    await expect(field).toHaveValue(DEV_ACCOUNTS[1]);
    await field.fill('');
    await expect(airdrop.claimPanel()).toContainText('first one signature');
    const own = await chain.votingUnits(DEV_ACCOUNTS[2]);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Delegation', 'eth_sendTransaction']);
    expect(await chain.delegateOf(DEV_ACCOUNTS[2])).toBe(DEV_ACCOUNTS[2]);
    expect(await chain.votes(DEV_ACCOUNTS[2])).toBe(own + ALLOCATION[2]);
  });

  test('claims to a third address with one signature and one transaction', async ({ page, chain, wallet }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    const theirs = await chain.votes(DEV_ACCOUNTS[3]);
    const own = await chain.votingUnits(DEV_ACCOUNTS[2]);
    await page.getByLabel(/Claim as voting power, delegated to/).fill(DEV_ACCOUNTS[3]);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Delegation', 'eth_sendTransaction']);
    expect(await chain.delegateOf(DEV_ACCOUNTS[2])).toBe(DEV_ACCOUNTS[3]);
    expect((await chain.votes(DEV_ACCOUNTS[3])) - theirs).toBe(own + ALLOCATION[2]);
  });

  test('a declined delegation signature ends the flow beside its own button', async ({ page, chain, wallet }) => {
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await wallet.rejectNext();
    await page.getByLabel(/Claim as voting power, delegated to/).fill('');
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim as voting power' }).click();
    const votesAction = page
      .locator('.action')
      .filter({ has: page.getByRole('button', { name: 'Claim as voting power' }) });
    await expect(votesAction.getByRole('alert')).toBeVisible();
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Delegation']);
    expect(await read(chain, chain.contracts.airdrop, altAirdropAbi, 'isClaimed', [DEV_ACCOUNTS[2]])).toBe(false);
  });
});

test('reports an already-claimed address', async ({ page }) => {
  const airdrop = new AirdropPage(page);
  await airdrop.goto(DEV_ACCOUNTS[3]);
  await expect(airdrop.state()).toHaveText('Already claimed');
});

test('detects a tampered shard and refuses to offer a claim', async ({ page }) => {
  const prefix = DEV_ACCOUNTS[1].slice(2, 5).toLowerCase();
  await page.route(`**/airdrop/season-one/shards/${prefix}.json`, async (route) => {
    const response = await route.fetch();
    const shard = await response.json();
    // Inflate the account's allocation as a compromised host would.
    shard.entries = shard.entries.map((e: [string, string, string[]]) =>
      e[0] === DEV_ACCOUNTS[1].toLowerCase()
        ? [e[0], '900000000000000000000000', ['0', '0', '900000000000000000000000', '0', '0']]
        : e,
    );
    await route.fulfill({ response, json: shard });
  });
  const airdrop = new AirdropPage(page);
  await airdrop.goto(DEV_ACCOUNTS[1]);
  await expect(airdrop.eligibility()).toContainText('does not match the published root');
  await expect(airdrop.eligibility()).toContainText('Claiming is disabled');
  await expect(airdrop.claimPanel()).toHaveCount(0);
});

test.describe('after the window', () => {
  test.use({ walletOptions: { accountIndex: 7, chainId: 31337 } });

  test('shows the window closed and, after the sweep delay, lets anyone sweep the rest to the treasury', async ({
    page,
    chain,
  }) => {
    const info = await read(chain, chain.contracts.airdrop, altAirdropAbi, 'info');
    await chain.advance(Number(info.claimEnd) - (await chain.now()) + 60);
    const airdrop = new AirdropPage(page);
    await airdrop.goto(DEV_ACCOUNTS[1]);
    await expect(airdrop.state()).toHaveText('Claim window closed');
    await expect(page.getByTestId('claim-window')).toContainText('Claims closed');
    await airdrop.connect();
    // Governance has the sweep delay to extend the window first (after a pause near its end, say).
    await expect(page.getByRole('button', { name: 'Sweep to treasury' })).toBeDisabled();
    await expect(page.getByRole('article', { name: 'Unclaimed ALT' })).toContainText('can be swept from');
    await chain.advance(Number(info.sweepableAt) - (await chain.now()) + 1);
    await page.reload();
    const treasuryBefore = await balanceOf(chain, chain.contracts.timelock);
    const unclaimed = await balanceOf(chain, chain.contracts.airdrop);
    await page.getByRole('button', { name: 'Sweep to treasury' }).click();
    await expect(page.getByTestId('unclaimed')).toContainText('swept to the treasury');
    expect((await balanceOf(chain, chain.contracts.timelock)) - treasuryBefore).toBe(unclaimed);
    expect(await balanceOf(chain, chain.contracts.airdrop)).toBe(0n);
  });
});

for (const [label, viewport] of [
  ['a desktop', { width: 1366, height: 900 }],
  ['a phone', { width: 360, height: 740 }],
] as const) {
  test.describe(`an eligible holder with nothing else (#9), on ${label}`, () => {
    test.use({ viewport, walletOptions: { accountIndex: 9, chainId: 31337 } });

    test('sees the allocation and its deadline first, with the claim one tap away', async ({ page }) => {
      await page.goto('./#/');
      await connectWallet(page);
      const deadline = page.getByTestId('airdrop-deadline');
      await expect(deadline).toContainText(`${formatToken(ALLOCATION[9])} to claim`);
      await expect(deadline).toContainText(/closes in \d+d/);
      // Above every other figure on the Overview, and on the first screen.
      const cards = await page
        .locator('main .card')
        .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      expect(cards[0]).toBe('Airdrop to claim');
      await expect(deadline.getByRole('link', { name: 'Claim' })).toBeInViewport();
      await deadline.getByRole('link', { name: 'Claim' }).click();
      // On the airdrop page the claim buttons come first, within the first screen.
      const airdrop = new AirdropPage(page);
      await expect(airdrop.claimPanel().getByTestId('claim-deadline')).toContainText(/Closes in \d+d/);
      await expect(page.getByRole('button', { name: 'Claim as voting power' })).toBeInViewport();
      const panelTop = await airdrop.claimPanel().evaluate((el) => el.getBoundingClientRect().top);
      const eligibilityTop = await airdrop.eligibility().evaluate((el) => el.getBoundingClientRect().top);
      expect(panelTop).toBeLessThan(eligibilityTop);
    });
  });
}
