/**
 * Voting power for ALT, a token without votes: plain ALT into voting power and back, stake that keeps
 * voting, a slash that takes votes with stake, one delegation for both kinds, and a vote cast with
 * staked ALT. Every figure is checked against the chain; every flow counts the wallet's prompts.
 */
import { parseEther } from 'viem';
import { formatToken } from '../src/lib/format/amount.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { ENS_NAMES } from '../devnet/seed.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { GovernancePage } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';
import { OverviewPage } from './pages/overview-page.ts';

const vALT = (value: bigint) => formatToken(value, 'vALT');

test.describe('a holder of plain ALT (#5)', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('gets voting power with one permit signature and one transaction', async ({ page, chain, wallet }) => {
    const ui = new GovernancePage(page);
    await ui.gotoList();
    await ui.connect();
    await expect(ui.delegation().getByTestId('vp-not-voting')).toContainText('25,000,000 ALT');
    await wallet.clearRequests();
    await ui.getVotingPower('1000');
    await ui.confirmed('into voting power');
    expect(await wallet.prompts()).toEqual(['eth_signTypedData_v4:Permit', 'eth_sendTransaction']);
    expect(await chain.wrapped(DEV_ACCOUNTS[5])).toBe(parseEther('1000'));
    expect(await chain.votes(DEV_ACCOUNTS[5])).toBe(parseEther('1000'));
    await expect(ui.delegation().getByLabel('Plain ALT to turn into voting power')).toHaveValue('');
    await expect(ui.delegation().getByTestId('wrap-next')).toContainText('counts for proposals created from now on');
    expect(await chain.delegateOf(DEV_ACCOUNTS[5])).toBe(DEV_ACCOUNTS[5]);
    expect(await chain.votesAllowance(DEV_ACCOUNTS[5])).toBe(0n);
    await expect(ui.delegation().getByTestId('voting-power')).toHaveText(vALT(parseEther('1000')));
    await expect(ui.delegation().getByTestId('vp-wrapped')).toHaveText('1,000 ALT');
  });
});

test.describe('a wallet that cannot sign permits (#7)', () => {
  test.use({ walletOptions: { accountIndex: 7, chainId: 31337 } });

  test('gets voting power with an exact approval, then the deposit', async ({ page, chain, wallet }) => {
    const ui = new GovernancePage(page);
    await ui.gotoList();
    await ui.connect();
    await wallet.permits('unsupported');
    await wallet.clearRequests();
    await ui.getVotingPower('2500');
    await ui.confirmed('(1 of 2)');
    await ui.confirmed('(2 of 2)');
    await expect(ui.wrapForm()).toContainText('Your wallet could not sign a permit');
    expect(await wallet.prompts()).toEqual([
      'eth_signTypedData_v4:Permit',
      'eth_sendTransaction',
      'eth_sendTransaction',
    ]);
    expect(await chain.votes(DEV_ACCOUNTS[7])).toBe(parseEther('2500'));
    expect(await chain.votesAllowance(DEV_ACCOUNTS[7])).toBe(0n);
  });

  test('votes with voting power that is partly staked', async ({ page, chain }) => {
    // #7 stakes 1,000,000 ALT and wraps 500,000 before a proposal's snapshot, then votes with both.
    const operator = (await chain.operators())[0].operator;
    const ui = new OperatorPage(page);
    await ui.goto(operator);
    await ui.connect();
    await ui.stake('1000000', true);
    await ui.confirmed('Stake 1,000,000 ALT');
    const governance = new GovernancePage(page);
    await governance.gotoList();
    await governance.getVotingPower('500000');
    await governance.confirmed('into voting power');
    expect(await chain.stakedUnits(DEV_ACCOUNTS[7])).toBe(parseEther('1000000'));
    await chain.advance(60);
    const gov = governor(chain);
    const id = await gov.propose(DEV_ACCOUNTS[1], [chain.contracts.timelock], ['0x'], '# Partly staked votes');
    await chain.advance((await gov.votingDelay()) + 1);
    await governance.gotoProposal(id);
    await expect(governance.voteForm().getByTestId('snapshot-votes')).toHaveText(vALT(parseEther('1500000')));
    await governance.vote('For', 'Staked and wrapped, both counted');
    await governance.confirmed('Vote For');
    const [, forVotes] = await gov.votes(id);
    expect(forVotes).toBe(parseEther('1500000'));
  });
});

test.describe('an account with wrapped and staked voting power (#1)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('returns voting power to plain ALT, stakes it, and has the same voting power', async ({ page, chain }) => {
    const before = await chain.votes(DEV_ACCOUNTS[1]);
    const plainBefore = await chain.altBalance(DEV_ACCOUNTS[1]);
    const ui = new GovernancePage(page);
    await ui.gotoList();
    await ui.connect();
    await ui.unwrapForm().getByLabel('Voting power to return to plain ALT').fill('1000');
    await ui.unwrapForm().getByRole('button', { name: 'Return to plain ALT' }).click();
    await ui.confirmed('to plain ALT');
    expect(await chain.altBalance(DEV_ACCOUNTS[1])).toBe(plainBefore + parseEther('1000'));
    expect(await chain.votes(DEV_ACCOUNTS[1])).toBe(before - parseEther('1000'));
    // Staking it back: the stake keeps voting, so the voting power is what it was.
    const operator = (await chain.operators())[2].operator;
    const stakeUi = new OperatorPage(page);
    await stakeUi.goto(operator);
    await expect(page.getByTestId('stake-keeps-voting')).toBeVisible();
    await stakeUi.stake('1000');
    await stakeUi.confirmed('Stake 1,000 ALT');
    expect(await chain.votes(DEV_ACCOUNTS[1])).toBe(before);
    const overview = new OverviewPage(page);
    await overview.goto();
    await expect(overview.figure('voting-power')).toHaveText(vALT(before));
    await expect(overview.figure('vp-staked')).toHaveText(formatToken(await chain.stakedUnits(DEV_ACCOUNTS[1])));
  });

  test('a slash of its operator lowers its voting power by exactly what it took', async ({ page, chain }) => {
    const operator = (await chain.operators())[0].operator;
    const [positions, requests] = await chain.staker(DEV_ACCOUNTS[1]);
    // Its stake with the operator and its requests still unbonding from it: all slashable, all voting.
    const now = await chain.now();
    const slashable = [
      positions.find((p) => p.operator === operator)!.stake,
      ...requests.filter((r) => r.operator === operator && r.unlockTime > now + 1).map((r) => r.amount),
    ];
    const votes = await chain.votes(DEV_ACCOUNTS[1]);
    const units = await chain.stakedUnits(DEV_ACCOUNTS[1]);
    await chain.slash(operator, 1_000n, 'e2e fault');
    const cut = slashable.reduce((sum, amount) => sum + (amount * 1_000n + 9_999n) / 10_000n, 0n);
    expect(await chain.stakedUnits(DEV_ACCOUNTS[1])).toBe(units - cut);
    // Its own stake lost `cut`; stakers who delegate to it and stake with the same operator lost theirs too.
    const after = await chain.votes(DEV_ACCOUNTS[1]);
    expect(after).toBeLessThanOrEqual(votes - cut);
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.connectWallet();
    await expect(overview.figure('voting-power')).toHaveText(vALT(after));
    await expect(overview.figure('vp-staked')).toHaveText(formatToken(units - cut));
  });

  test('one delegation moves wrapped and staked voting power together', async ({ page, chain, wallet }) => {
    const own = (await chain.wrapped(DEV_ACCOUNTS[1])) + (await chain.stakedUnits(DEV_ACCOUNTS[1]));
    const mine = await chain.votes(DEV_ACCOUNTS[1]);
    const theirs = await chain.votes(DEV_ACCOUNTS[3]);
    const ui = new GovernancePage(page);
    await ui.gotoList();
    await ui.connect();
    await ui.delegation().getByLabel('Delegate to an address').fill(DEV_ACCOUNTS[3]);
    await wallet.clearRequests();
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    await expect(wallet.prompts()).resolves.toEqual([]);
    await ui.delegation().getByRole('button', { name: 'Confirm and open wallet' }).click();
    await ui.confirmed(`Delegate votes to ${DEV_ACCOUNTS[3]}`);
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction']);
    expect(await chain.votes(DEV_ACCOUNTS[3])).toBe(theirs + own);
    expect(await chain.votes(DEV_ACCOUNTS[1])).toBe(mine - own);
    await expect(ui.delegation().getByTestId('delegate-votes')).toHaveText(vALT(theirs + own));
    await expect(ui.delegation().getByTestId('vp-from-others')).toHaveText(vALT(mine - own));
  });
});

test.describe('every breakdown adds up to its headline', () => {
  test('a self-delegated staker with stake unbonding (#1): own parts, unbonding named, and what others gave', async ({
    page,
    chain,
  }) => {
    const who = DEV_ACCOUNTS[1];
    const [positions] = await chain.staker(who);
    const active = positions.reduce((sum, p) => sum + p.stake, 0n);
    const units = await chain.stakedUnits(who);
    expect(units).toBeGreaterThan(active);
    const overview = new OverviewPage(page);
    await page.goto(`./#/?address=${who}`);
    const votes = await chain.votes(who);
    const wrapped = await chain.wrapped(who);
    await expect(overview.figure('voting-power')).toHaveText(vALT(votes));
    await expect(overview.figure('vp-wrapped')).toHaveText(formatToken(wrapped));
    await expect(overview.figure('vp-staked')).toHaveText(formatToken(units));
    await expect(overview.figure('vp-unbonding')).toHaveText(formatToken(units - active));
    await expect(page.getByText('Staked ALT, active and unbonding')).toBeVisible();
    await expect(overview.figure('vp-from-others')).toHaveText(vALT(votes - wrapped - units));
  });

  test('a delegator (#2): the headline is what others gave it; its own parts are apart, with whom they count for', async ({
    page,
    chain,
  }) => {
    const who = DEV_ACCOUNTS[2];
    expect(await chain.delegateOf(who)).toBe(DEV_ACCOUNTS[1]);
    const ui = new GovernancePage(page);
    await page.goto(`./#/governance?address=${who}`);
    const votes = await chain.votes(who);
    const own = await chain.votingUnits(who);
    expect(own).toBeGreaterThan(0n);
    await expect(ui.delegation().getByTestId('voting-power')).toHaveText(vALT(votes));
    // The rows beside the headline are only what makes it up.
    const headlineRows = ui.delegation().getByLabel('What makes up this voting power').getByRole('definition');
    await expect(headlineRows).toHaveText([vALT(votes)]);
    await expect(ui.delegation().getByTestId('delegate')).toContainText(
      `Your own ${vALT(own)} counts for ${ENS_NAMES.dev1} 0x7099…79C8, not in the figure above.`,
    );
    const ownRows = ui.delegation().getByTestId('vp-own');
    await expect(ownRows.getByTestId('vp-wrapped')).toHaveText(formatToken(await chain.wrapped(who)));
    await expect(ownRows.getByTestId('vp-staked')).toHaveText(formatToken(await chain.stakedUnits(who)));
  });

  test.describe('connected as #2', () => {
    test.use({ walletOptions: { accountIndex: 2, chainId: 31337 } });

    test('the forms are its own, and count vALT in vALT', async ({ page, chain }) => {
      const ui = new GovernancePage(page);
      await ui.gotoList();
      await ui.connect();
      // Each figure in its own unit: the vALT to return is counted in vALT, not in ALT.
      await expect(page.getByRole('form', { name: 'Return to plain ALT' })).toContainText(
        `Your vALT balance: ${vALT(await chain.wrapped(DEV_ACCOUNTS[2]))}`,
      );
    });
  });
});
