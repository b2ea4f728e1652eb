/**
 * From claim to stake: an eligible claimant claims, stakes part with an operator it picks, keeps the
 * rest as voting power, and gives every vote to the delegate it picks. The wallet's prompts are
 * counted for an EOA whose wallet takes batches, one whose wallet does not, and the devnet's Safe;
 * the chain is read afterwards.
 */
import { parseEther, type Address } from 'viem';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS as SAFE, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { AirdropPage } from './pages/airdrop-page.ts';

// From data/airdrop/season-one.csv.
const ALLOCATION: Record<string, bigint> = {
  [DEV_ACCOUNTS[1]]: parseEther('9250'),
  [DEV_ACCOUNTS[5]]: parseEther('8120'),
  [SAFE]: parseEther('25000'),
};
const DELEGATE = DEV_ACCOUNTS[3];

/** An active operator whose commission is not about to change. */
async function steadyOperator(chain: Chain): Promise<Address> {
  const operators = await chain.operators();
  return operators.find((o) => o.status === 1 && o.commissionEffectiveAt === 0)!.operator;
}

/** What the test reads before and after: the stake with `operator`, wrapped votes, the delegate. */
async function snapshot(chain: Chain, who: Address, operator: Address) {
  const [positions] = await chain.staker(who);
  return {
    principal: positions.find((p) => p.operator === operator)?.principal ?? 0n,
    wrapped: await chain.wrapped(who),
    units: await chain.votingUnits(who),
    delegate: await chain.delegateOf(who),
    claimed: await chain.claimed(who),
    allowance: await chain.stakingAllowance(who),
  };
}

/** Fills the claim-to-stake form and presses its button. */
async function claimToStake(airdrop: AirdropPage, operator: Address, amount: string, delegatee?: Address) {
  const page = airdrop.page;
  await page.getByLabel('Operator to stake with').selectOption(operator);
  await page.getByLabel(/^Amount to stake/).fill(amount);
  if (delegatee) await page.getByLabel(/^Votes of the claim and the stake go to/).fill(delegatee);
}

test.describe('an EOA whose wallet takes batches (#1)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337, atomicBatch: true } });

  test('claims, stakes part and delegates every vote in one confirmation', async ({ page, chain, wallet }) => {
    const who = DEV_ACCOUNTS[1];
    const operator = await steadyOperator(chain);
    const before = await snapshot(chain, who, operator);
    const theirs = await chain.votes(DELEGATE);
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await claimToStake(airdrop, operator, '4000', DELEGATE);
    await expect(page.getByTestId('claim-stake-plan')).toContainText(
      'Stakes 4,000 ALT; the other 5,250 ALT arrives as vALT, and moves all your votes to this delegate. One confirmation',
    );
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(airdrop.state()).toHaveText('Already claimed');
    expect(await wallet.prompts()).toEqual(['wallet_sendCalls']);

    const after = await snapshot(chain, who, operator);
    expect(after.claimed).toBe(true);
    expect(after.principal - before.principal).toBe(parseEther('4000'));
    expect(after.wrapped - before.wrapped).toBe(ALLOCATION[who] - parseEther('4000'));
    expect(after.units - before.units).toBe(ALLOCATION[who]);
    expect(after.delegate).toBe(DELEGATE);
    expect((await chain.votes(DELEGATE)) - theirs).toBe(after.units);
    // The approval was exact: nothing is left to spend.
    expect(after.allowance).toBe(0n);
  });
});

test.describe('an EOA whose wallet does not batch (#5, a first stake)', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('takes five prompts, the fewest the contracts allow, and ends as chosen', async ({ page, chain, wallet }) => {
    const who = DEV_ACCOUNTS[5];
    const operator = await steadyOperator(chain);
    const before = await snapshot(chain, who, operator);
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await claimToStake(airdrop, operator, '3000', DELEGATE);
    await expect(page.getByTestId('claim-stake-plan')).toContainText('otherwise 5 wallet prompts');
    await airdrop.claimPanel().getByTestId('stake-risk').getByLabel('I understand these risks').check();
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(
      page.getByRole('region', { name: 'Transactions' }).locator('.toast').filter({ hasText: 'Delegate your votes' }),
    ).toContainText('Confirmed in block');
    expect(await wallet.prompts()).toEqual([
      'eth_sendTransaction', // claim as voting power, keeping the delegate (none: itself)
      'eth_sendTransaction', // unwrap the part to stake
      'eth_signTypedData_v4:Permit',
      'eth_sendTransaction', // stake with the permit
      'eth_sendTransaction', // delegate
    ]);
    const after = await snapshot(chain, who, operator);
    expect(after.claimed).toBe(true);
    expect(after.principal - before.principal).toBe(parseEther('3000'));
    expect(after.wrapped - before.wrapped).toBe(ALLOCATION[who] - parseEther('3000'));
    expect(after.delegate).toBe(DELEGATE);
    expect(after.allowance).toBe(0n);
  });

  test('a "no" at the stake ends the flow and says what already happened', async ({ page, chain, wallet }) => {
    const who = DEV_ACCOUNTS[5];
    const operator = await steadyOperator(chain);
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await claimToStake(airdrop, operator, '3000');
    await airdrop.claimPanel().getByTestId('stake-risk').getByLabel('I understand these risks').check();
    await wallet.permits('decline');
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    await expect(page.getByTestId('claim-stake-notice')).toContainText(
      'Claimed, and nothing staked yet: 3,000 ALT is in your wallet as plain ALT, the rest as voting power.',
    );
    expect(await wallet.prompts()).toEqual([
      'eth_sendTransaction',
      'eth_sendTransaction',
      'eth_signTypedData_v4:Permit',
    ]);
    expect((await snapshot(chain, who, operator)).principal).toBe(0n);
    expect(await chain.claimed(who)).toBe(true);
  });
});

test.describe('a sequence that would fail part way (#1, no batches)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('is simulated whole before the first prompt, and asks nothing', async ({ page, chain, wallet }) => {
    const operator = await steadyOperator(chain);
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await claimToStake(airdrop, operator, '4000');
    // The operator stops taking stake after the page read it: the claim would go through, the stake not.
    await chain.deactivateOperator(operator);
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    const action = page.locator('.action').filter({ has: page.getByRole('button', { name: 'Claim and stake' }) });
    await expect(action.getByRole('alert')).toContainText('This operator is not active and cannot take stake.');
    expect(await wallet.prompts()).toEqual([]);
    expect(await chain.claimed(DEV_ACCOUNTS[1])).toBe(false);
    await expect(action.getByRole('button', { name: 'Claim and stake' })).toBeEnabled();
  });
});

test.describe('the devnet Safe (2 of 3)', () => {
  test.use({ walletOptions: { accountIndex: 7, chainId: 31337, safe: SAFE } });

  test('proposes one Safe transaction that claims, stakes part and keeps the rest as votes', async ({
    page,
    chain,
    wallet,
  }) => {
    const operator = await steadyOperator(chain);
    const before = await snapshot(chain, SAFE, operator);
    const airdrop = new AirdropPage(page);
    await airdrop.goto();
    await airdrop.connect();
    await claimToStake(airdrop, operator, '10000');
    await wallet.clearRequests();
    await page.getByRole('button', { name: 'Claim and stake' }).click();
    const toast = page
      .getByRole('region', { name: 'Transactions' })
      .locator('.toast')
      .filter({ hasText: 'Claim and stake' });
    await expect(toast).toContainText('Waiting for your Safe: 1 of 2 confirmations');
    expect(await wallet.prompts()).toEqual(['wallet_sendCalls']);
    expect(await chain.claimed(SAFE)).toBe(false);
    await wallet.safe!.execute(DEV_ACCOUNTS[8]);
    await expect(toast).toContainText('Executed by your Safe');

    const after = await snapshot(chain, SAFE, operator);
    expect(after.claimed).toBe(true);
    expect(after.principal - before.principal).toBe(parseEther('10000'));
    expect(after.wrapped - before.wrapped).toBe(ALLOCATION[SAFE] - parseEther('10000'));
    expect(after.delegate).toBe(
      before.delegate === '0x0000000000000000000000000000000000000000' ? SAFE : before.delegate,
    );
    expect(after.allowance).toBe(0n);
  });
});
