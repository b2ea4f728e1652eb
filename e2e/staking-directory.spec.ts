import { getAddress, toFunctionSelector, type Address } from 'viem';
import { altStakingAbi } from '../src/lib/contracts/generated.ts';
import { formatAmount } from '../src/lib/format/amount.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { addOperators } from '../devnet/scale.ts';

const alt = (value: bigint) => `${formatAmount(value, 18, { maxFractionDigits: 0, locale: 'en-US' })} ALT`;
const row = (page: import('@playwright/test').Page, operator: Address) =>
  page.locator(`tr[data-operator="${operator}"]`);

test('the directory lists every operator with the figures the contract holds', async ({ page, chain }) => {
  const operators = await chain.operators();
  await page.goto('./#/staking');
  await expect(page.getByRole('heading', { name: `Operators (${operators.length})` })).toBeVisible();
  await expect(page.locator('tr[data-operator]')).toHaveCount(operators.length);
  for (const o of operators.filter((_, i) => i % 5 === 0)) {
    await expect(row(page, o.operator).getByRole('cell').first()).toHaveText(alt(o.totalStake));
  }
  const pending = operators.find((o) => o.commissionEffectiveAt > 0)!;
  await expect(row(page, pending.operator)).toContainText(`→ ${pending.pendingCommissionBps / 100}% from`);
  const slashed = operators.find((o) => o.slashCount > 0)!;
  await expect(row(page, slashed.operator)).toContainText(`1× · ${alt(slashed.totalSlashed)}`);
  const deactivated = operators.find((o) => o.status === 2)!;
  await expect(row(page, deactivated.operator)).toContainText('Deactivated');
  // Broken metadata (invalid JSON, an unreachable URL) shows the address and never breaks the row.
  for (const index of [20, 21]) {
    const address = operators[index].operator;
    await expect(row(page, address).getByRole('link')).toHaveText(`${address.slice(0, 6)}…${address.slice(-4)}`);
  }
});

test('search, filters and sorting narrow and order the list', async ({ page, chain }) => {
  const operators = await chain.operators();
  await page.goto('./#/staking');
  await page.getByRole('combobox', { name: /^Service/ }).selectOption('SQUAD');
  await expect(page.locator('tr[data-operator]')).toHaveCount(operators.filter((o) => o.services & 4).length);
  await page.getByRole('combobox', { name: /^Service/ }).selectOption('');
  await page.getByLabel('Status').selectOption('Deactivated');
  await expect(page.locator('tr[data-operator]')).toHaveCount(1);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Search').fill('ottie');
  await expect(page.locator('tr[data-operator]')).toHaveCount(1);
  await expect(page.locator('tr[data-operator]')).toContainText('Ottie Labs');
  await page.getByLabel('Search').fill(operators[5].operator.slice(2, 12).toLowerCase());
  await expect(page.locator('tr[data-operator]')).toHaveCount(1);
  await page.getByLabel('Search').fill('');
  await page.getByRole('button', { name: 'Commission' }).click();
  const lowest = [...operators].sort((a, b) => a.commissionBps - b.commissionBps)[0];
  await expect(page.locator('tr[data-operator]').first()).toHaveAttribute('data-operator', lowest.operator);
  await expect(page.getByRole('columnheader', { name: 'Commission' })).toHaveAttribute('aria-sort', 'ascending');
});

test('my delegations and positions reflect the viewed account, with slash explanations', async ({ page, chain }) => {
  const account = DEV_ACCOUNTS[1];
  const [positions] = await chain.client.readContract({
    address: chain.contracts.staking,
    abi: altStakingAbi,
    functionName: 'getStaker',
    args: [account],
  });
  await page.goto(`./#/staking?address=${account}`);
  await page.getByLabel('My delegations').check();
  await expect(page.locator('tr[data-operator]')).toHaveCount(positions.filter((p) => p.stake > 0n).length);
  const positionsSection = page.getByRole('region', { name: 'Your positions' });
  await expect(positionsSection).toContainText('the operator was slashed');
  await expect(positionsSection).toContainText('Ready');
  await expect(positionsSection).toContainText('Pending, unlocks in');
});

test('an operator page shows its figures, and an unknown one says so', async ({ page, chain }) => {
  const operators = await chain.operators();
  const o = operators[0];
  await page.goto(`./#/staking/operators/${o.operator.toLowerCase()}`);
  // The self-declared name, and beside it the short address nobody can copy.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Northstar Validation ${o.operator.slice(0, 6)}…${o.operator.slice(-4)}`,
  );
  await expect(page.getByText(getAddress(o.operator))).toBeVisible();
  await expect(page.locator('.figures')).toContainText(`${o.stakerCount}`);
  await page.goto(`./#/staking/operators/0x${'12'.repeat(20)}`);
  await expect(page.getByRole('heading', { name: 'Unknown operator' })).toBeVisible();
});

test('the slashed operator shows its slashing history with the reason, and its stakers', async ({ page, chain }) => {
  const operators = await chain.operators();
  const slashed = operators.find((o) => o.slashCount > 0)!;
  await page.goto(`./#/staking/operators/${slashed.operator}`);
  const history = page.getByRole('region', { name: 'Slashing history' });
  await expect(history).toContainText('10% slashed');
  await expect(history).toContainText('Equivocation: signed two conflicting state roots');
  const stakers = page.getByRole('region', { name: 'Stakers' });
  await expect(stakers).toContainText('Operator (self-stake)');
  await expect(stakers.locator('tbody tr').first()).toBeVisible();
});

test('a long directory draws a page at a time, while search and sort cover every operator', async ({ page, chain }) => {
  await addOperators(chain.client, { contracts: chain.contracts } as never, 60);
  const operators = await chain.operators();
  expect(operators).toHaveLength(60);
  await page.goto('./#/staking');
  await expect(page.getByRole('heading', { name: 'Operators (60)' })).toBeVisible();
  const rows = page.locator('tr[data-operator]');
  await expect(rows).toHaveCount(25);
  await expect(page.getByText('Showing 25 of 60.')).toBeVisible();
  await page.getByRole('button', { name: 'Show 25 more' }).click();
  await expect(rows).toHaveCount(50);
  await page.getByRole('button', { name: 'Show 10 more' }).click();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);

  // Sorting ranks all 60, not the rows drawn, and starts again from the first page.
  const lowest = [...operators].sort((a, b) =>
    a.totalStake < b.totalStake ? -1 : a.totalStake > b.totalStake ? 1 : 0,
  )[0];
  await page.getByRole('button', { name: 'Total delegated' }).click();
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toHaveAttribute('data-operator', lowest.operator);
  // Search finds an operator that is not on the first page.
  const last = operators[59].operator;
  await page.getByRole('searchbox', { name: 'Search' }).fill(last.slice(2, 12));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-operator', last);
  await expect(page.getByText('Showing 1 of 1 matching (60 in all).')).toBeVisible();
});

test('a returning visitor sees the first screen of their last visit at once, labelled, until the current figures replace it', async ({
  page,
  chain,
}) => {
  // More operators than a screen shows: the first screen is the 25 most delegated of 60.
  await addOperators(chain.client, { contracts: chain.contracts } as never, 60);
  const operators = await chain.operators();
  await page.goto('./#/staking');
  await expect(page.getByText('Showing 25 of 60.')).toBeVisible();
  const seenBy = await chain.client.getBlockNumber();
  // The next visit's reads are held, so what it shows before them is all it had kept.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/127\.0\.0\.1:8545/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const label = page.getByTestId('directory-preview');
  await expect(label).toContainText(/^As of block \d+, when you were last here/);
  const block = BigInt(/As of block (\d+)/.exec(await label.innerText())![1]);
  expect(block).toBeLessThanOrEqual(seenBy);
  const first = operators
    .map((o, index) => ({ o, index }))
    .sort((a, b) => (a.o.totalStake === b.o.totalStake ? a.index - b.index : a.o.totalStake > b.o.totalStake ? -1 : 1))
    .slice(0, 25)
    .map(({ o }) => o.operator);
  expect(first).toHaveLength(25);
  await expect(page.locator('tr[data-operator]')).toHaveCount(25);
  expect(
    await page.locator('tr[data-operator]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-operator'))),
  ).toEqual(first);
  await expect(page.getByRole('heading', { name: 'Operators (60)' })).toBeVisible();
  await expect(page.getByText('Showing 25 of 60.')).toBeHidden();
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
  // Nothing to search, sort or stake from until the current figures are in.
  await expect(page.getByLabel('Search')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Commission' })).toBeDisabled();
  release();
  await expect(label).toHaveCount(0);
  await expect(page.getByText('Showing 25 of 60.')).toBeVisible();
  await expect(page.getByLabel('Search')).toBeEnabled();
});

test("an operator's page shows from its own read while the directory is still coming, and offers staking once it is in", async ({
  page,
  chain,
}) => {
  // More than a page of operators, so the directory needs a second read, which is held.
  await addOperators(chain.client, { contracts: chain.contracts } as never, 110);
  const operators = await chain.operators();
  const slashed = operators.find((o) => o.slashCount > 0)!;
  const laterPage = `${toFunctionSelector('getOperators(uint256,uint256)').slice(2)}${(100).toString(16).padStart(64, '0')}`;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/127\.0\.0\.1:8545/, async (route) => {
    const body = route.request().postData() ?? '';
    if (!body.includes(laterPage)) return route.continue();
    const calls = JSON.parse(body);
    const isLater = (call: unknown) => JSON.stringify(call).includes(laterPage);
    if (!Array.isArray(calls) || calls.every(isLater)) {
      await held;
      return route.continue();
    }
    // Batched with the page's other reads (the slashing history's logs): those are answered now and
    // the directory's page is left unanswered, as a provider may leave a call of a batch; the app
    // asks for it again, and that request is the one held.
    const response = await route.fetch({ postData: JSON.stringify(calls.filter((c) => !isLater(c))) });
    await route.fulfill({ response });
  });
  await page.goto(`./#/staking/operators/${slashed.operator}`);
  const history = page.getByRole('region', { name: 'Slashing history' });
  await expect(history).toContainText('Equivocation: signed two conflicting state roots');
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: alt(slashed.totalStake).replace(' ALT', '') })
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('operator-directory-loading')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Stake' })).toHaveCount(0);
  release();
  await expect(page.getByTestId('operator-directory-loading')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Stake' })).toBeVisible();
  await expect(history).toContainText('Equivocation: signed two conflicting state roots');
});
