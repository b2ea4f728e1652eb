import { formatUnits, parseEther } from 'viem';
import { altAirdropAbi, altLayerTokenAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import { formatAmount, formatToken } from '../src/lib/format/amount.ts';
import { NEWEST } from '../src/features/overview/read-glance.ts';
import { governor } from './fixtures/governor.ts';
import { connectWallet } from './pages/connect.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { OverviewPage } from './pages/overview-page.ts';
import { GovernancePage } from './pages/governance-page.ts';

const alt = (value: bigint, digits = 4, symbol = 'ALT') =>
  `${formatAmount(value, 18, { maxFractionDigits: digits, locale: 'en-US' })} ${symbol}`;
const votes = (value: bigint) => alt(value, 4, 'vALT');

test('connects the one injected wallet in one tap, without loading the wallet modal', async ({ page, wallet }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(page.getByText('Connect a wallet, or view any address')).toBeVisible();
  await expect(overview.connectButton()).toHaveAttribute('title', 'Connect Test Wallet');
  await overview.connectButton().click();
  await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[1]);
  expect((await wallet.state()).connected).toBe(true);
  // The wallet's own prompt was the only step: no list, and the modal's code never loaded.
  expect(await wallet.requests()).toContain('eth_requestAccounts');
  expect(await page.evaluate(() => customElements.get('w3m-modal'))).toBeUndefined();
});

test.describe('a wallet that injects only window.ethereum, as in-app browsers do', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337, inject: 'legacy' } });
  test('connects in one tap too', async ({ page, wallet }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await expect(overview.connectButton()).toHaveAttribute('title', 'Connect Browser wallet');
    await overview.connectButton().click();
    await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[2]);
    expect((await wallet.state()).connected).toBe(true);
    expect(await page.evaluate(() => customElements.get('w3m-modal'))).toBeUndefined();
    // A returning visit reconnects the same legacy wallet without a tap.
    await page.reload();
    await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[2]);
  });
});

test('with several wallets injected, Connect lists them and connects the one picked', async ({ page, wallet }) => {
  // A second extension that announces itself and refuses to connect (it is not the one picked).
  await page.addInitScript(() => {
    const other = {
      request: async () => {
        throw Object.assign(new Error('not this one'), { code: 4001 });
      },
      on: () => other,
      removeListener: () => other,
    };
    const info = {
      uuid: '0b7f0a0e-1d7e-4c55-8e1f-2f5f3b0c9d11',
      name: 'Other Wallet',
      rdns: 'example.other',
      icon: '',
    };
    const announce = () =>
      window.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider: other }) }),
      );
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  });
  const overview = new OverviewPage(page);
  await overview.goto();
  await overview.connectButton().click();
  const menu = page.getByRole('group', { name: 'Choose a wallet' });
  await expect(menu.getByRole('button')).toHaveText(['Test Wallet', 'Other Wallet']);
  // No WalletConnect project id is configured for the devnet, so WalletConnect is not offered.
  await expect(menu.getByText(/WalletConnect/)).toHaveCount(0);
  await menu.getByRole('button', { name: 'Test Wallet' }).click();
  await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[1]);
  expect((await wallet.state()).connected).toBe(true);
});

test('overview figures equal what the contracts say for the account', async ({ page, chain }) => {
  const account = DEV_ACCOUNTS[1];
  const read = (address: `0x${string}`, abi: any, functionName: string, args: unknown[] = []) =>
    chain.client.readContract({ address, abi, functionName, args } as any) as Promise<any>;
  const overview = new OverviewPage(page);
  await overview.goto(`?address=${account}`);
  await expect(overview.figure('staked')).not.toBeEmpty();

  const [positions, requests] = await read(chain.contracts.staking, altStakingAbi, 'getStaker', [account]);
  const now = BigInt(await chain.now());
  const staked = positions.reduce((s: bigint, p: any) => s + p.stake, 0n);
  const unbonding = requests.reduce((s: bigint, r: any) => s + r.amount, 0n);
  const ready = requests
    .filter((r: any) => BigInt(r.unlockTime) <= now)
    .reduce((s: bigint, r: any) => s + r.amount, 0n);
  await expect(overview.balance(31337)).toHaveText(
    alt(await read(chain.contracts.alt, altLayerTokenAbi, 'balanceOf', [account])),
  );
  await expect(overview.figure('staked')).toHaveText(alt(staked));
  await expect(overview.figure('unbonding')).toHaveText(alt(unbonding));
  await expect(overview.card('Unbonding')).toContainText(`${alt(ready)} ready to withdraw`);
  // Voting power is the governor's votes token's, split by where it comes from; ALT itself has none.
  const power = await chain.votes(account);
  const wrapped = await chain.wrapped(account);
  const stakedUnits = await chain.stakedUnits(account);
  await expect(overview.figure('voting-power')).toHaveText(votes(power));
  await expect(overview.figure('vp-wrapped')).toHaveText(alt(wrapped));
  await expect(overview.figure('vp-staked')).toHaveText(alt(stakedUnits));
  expect(stakedUnits).toBe(staked + unbonding);
  await expect(overview.figure('vp-from-others')).toHaveText(votes(power - wrapped - stakedUnits));
  await expect(overview.figure('delegate')).toHaveText('Your own voting power counts for you.');
  await expect(overview.card('Staked')).toContainText('keeps voting');
  // Rewards grow every second; the figure must be within what accrues between the two reads.
  const rewards = positions.reduce((s: bigint, p: any) => s + p.pendingRewards, 0n);
  const shown = Number((await overview.figure('rewards').innerText()).replace(/[^0-9.]/g, ''));
  expect(Math.abs(shown - Number(formatUnits(rewards, 18)))).toBeLessThan(50);
  const claimed = await read(chain.contracts.airdrop, altAirdropAbi, 'isClaimed', [account]);
  expect(claimed).toBe(false);
  await expect(overview.figure('airdrop-status')).toContainText('9,250 ALT');
  await expect(overview.figure('airdrop-status')).toContainText('Claimable');
  // Mainnet and BNB Smart Chain cannot be reached from here: they say so, and hold nothing up.
  await expect(overview.balance(1)).toHaveText('unreachable');
  await expect(overview.balance(56)).toHaveText('unreachable');
});

test('read-only mode by URL shows that address and disables writes with the reason', async ({ page }) => {
  const viewed = DEV_ACCOUNTS[5];
  const overview = new OverviewPage(page);
  await overview.goto(`?address=${viewed.toLowerCase()}`);
  await expect(page.getByTestId('viewed-address')).toHaveText(viewed);
  await expect(page.getByText('(read-only)')).toBeVisible();
  // #5 holds plain ALT only: it does not vote, and the card says what would change that.
  await expect(overview.figure('voting-power')).toHaveText('0 vALT');
  await expect(overview.figure('delegate')).toHaveText('Nothing of yours votes yet.');
  await expect(overview.figure('vp-not-voting')).toContainText('25,000,000 ALT in this wallet does not vote yet');
  await overview.card('Voting power').getByRole('link', { name: 'Get voting power' }).click();
  const governance = new GovernancePage(page);
  // The forms act for the viewed address: read-only, they are not offered, and the page says why.
  await expect(governance.delegation().getByTestId('votes-read-only')).toHaveText(
    'Connect this wallet to delegate its votes or get voting power.',
  );
  await expect(governance.wrapForm()).toHaveCount(0);
  // Navigation keeps the viewed address.
  await page.getByRole('link', { name: 'Staking' }).first().click();
  await expect(page).toHaveURL(new RegExp(`address=${viewed.toLowerCase()}`));
  // An invalid address in the link is reported, not silently ignored.
  await overview.goto('?address=0x1234');
  await expect(page.getByRole('alert').filter({ hasText: 'is not an address' })).toBeVisible();
});

test.describe('on the wrong network', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('detects it and switches the wallet to the devnet', async ({ page, wallet }) => {
    const governance = new GovernancePage(page);
    await governance.gotoList();
    await governance.connect();
    const getVotes = governance.wrapForm().getByRole('button', { name: 'Get voting power' });
    await expect(getVotes).toBeEnabled();
    // The user moves their wallet to another network after connecting.
    await wallet.setChain(1);
    const banner = page.getByRole('alert').filter({ hasText: 'Your wallet is on Ethereum' });
    await expect(banner).toBeVisible();
    await expect(getVotes).toBeDisabled();
    await banner.getByRole('button', { name: 'Switch to AltLayer devnet' }).click();
    await expect(banner).toBeHidden();
    expect((await wallet.state()).chainId).toBe(31337);
    await expect(getVotes).toBeEnabled();
  });
});

test.describe('with an account that holds only plain ALT (#5)', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('a rejected signature leaves the app usable, and a retry goes through', async ({ page, wallet, chain }) => {
    const governance = new GovernancePage(page);
    await governance.gotoList();
    await governance.connect();
    await wallet.rejectNext();
    await governance.getVotingPower('1000');
    await expect(page.getByText('You rejected the request in your wallet. Nothing was sent.')).toBeVisible();
    expect(await chain.wrapped(DEV_ACCOUNTS[5])).toBe(0n);
    await governance.getVotingPower('1000');
    await governance.confirmed('into voting power');
    expect(await chain.wrapped(DEV_ACCOUNTS[5])).toBe(parseEther('1000'));
    await expect(governance.delegation().getByTestId('voting-power')).toHaveText('1,000 vALT');
  });

  test('a reload during a pending transaction still shows it confirm', async ({ page, chain, wallet }) => {
    const governance = new GovernancePage(page);
    await governance.gotoList();
    await governance.connect();
    await chain.setAutomine(false);
    await governance.getVotingPower('1000');
    const toasts = page.getByRole('region', { name: 'Transactions' });
    await expect(toasts).toContainText('into voting power for yourself');
    await expect(toasts).toContainText('Pending');
    await page.reload();
    await expect(toasts).toContainText('Pending');
    expect((await wallet.state()).connected).toBe(true);
    await chain.mine();
    await expect(toasts).toContainText(/Confirmed in block \d+/);
    await expect(governance.delegation().getByTestId('voting-power')).toHaveText('1,000 vALT');
  });

  test('switching accounts in the wallet updates the app at once', async ({ page, wallet }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.connectWallet();
    await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[5]);
    await wallet.setAccount(3);
    await expect(page.getByTestId('viewed-address')).toHaveText(DEV_ACCOUNTS[3]);
    await wallet.disconnect();
    await expect(overview.connectButton()).toBeVisible();
  });
});

test('a first visit, before any wallet, shows what ALT is for, the protocol now and what one can do', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const parameters = await chain.stakingParameters();
  const ids = await gov.ids();
  const states = await Promise.all(ids.slice(-NEWEST).map((id) => gov.state(id)));
  const active = states.filter((s) => s === 'Active').length;
  expect(active).toBeGreaterThan(0);
  await page.goto('./#/');
  const glance = page.getByTestId('glance');
  await expect(glance).toContainText("ALT is the token of AltLayer's restaked-rollup protocol");
  await expect(page.getByTestId('glance-staked')).toHaveText(
    formatToken(parameters.totalActiveStake, 'ALT', { maxFractionDigits: 0 }),
  );
  const rate = (parameters.rewardRate * 31_536_000n * 10_000n) / parameters.totalEarningStake;
  await expect(page.getByTestId('glance-rate')).toHaveText(`${(Number(rate) / 100).toFixed(2)}%`);
  await expect(page.getByTestId('glance-open')).toHaveText(`${active} open for voting`);
  await expect(glance).toContainText('The soonest closes in');
  await expect(page.getByTestId('glance-airdrop')).toHaveText(/^Closes in \d+d/);
  for (const name of [
    'Stake ALT with an operator',
    'Vote on proposals, or delegate your votes',
    'Check whether an address is eligible for the airdrop',
  ])
    await expect(glance.getByRole('link', { name })).toBeVisible();
  // Connecting replaces the glance with the account's own figures.
  await connectWallet(page);
  await expect(glance).toHaveCount(0);
  await expect(page.getByTestId('viewed-address')).toBeVisible();
});
