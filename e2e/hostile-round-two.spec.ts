/**
 * Round two of hostile text and partial failure: each test here failed before its fix. Links from
 * metadata go through the leave-the-app dialog; operators are told apart by address, not name;
 * hidden characters show wherever chain text does; outages are said as outages.
 */
import { encodeFunctionData, parseEther } from 'viem';
import { send } from '../devnet/client.ts';
import { altGovernorAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { metadataUri } from './fixtures/metadata.ts';
import { GovernancePage } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';
import { OverviewPage } from './pages/overview-page.ts';

test("an operator's website opens only through the leave-the-app dialog, and plain http is not a link", async ({
  page,
  chain,
}) => {
  const [kiln, meridian] = [(await chain.operators())[1].operator, (await chain.operators())[5].operator];
  await chain.setOperatorMetadata(kiln, metadataUri({ name: 'Kiln', website: 'https://kiln.example/path?x=1' }));
  await chain.setOperatorMetadata(meridian, metadataUri({ name: 'Meridian', website: 'http://meridian.example/' }));
  const ui = new OperatorPage(page);
  await ui.goto(kiln);
  const website = page.getByTestId('operator-website');
  await expect(website).toContainText('(kiln.example)');
  await website.getByRole('link').click();
  const dialog = page.getByRole('dialog', { name: 'Leave the app?' });
  await expect(dialog.getByTestId('leave-host')).toHaveText('kiln.example');
  await expect(dialog).toContainText("this operator's metadata");
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await ui.goto(meridian);
  await expect(page.locator('#staking-title')).toContainText('Meridian');
  await expect(page.getByTestId('operator-website')).toHaveCount(0);
  await expect(page.locator('a[href*="meridian.example"]')).toHaveCount(0);
});

test('operators that imitate another’s name are flagged everywhere they are shown or chosen', async ({
  page,
  chain,
  wallet,
}) => {
  void wallet;
  const operators = await chain.operators();
  const [kiln, impostor] = [operators[1].operator, operators[5].operator];
  await chain.setOperatorMetadata(impostor, metadataUri({ name: 'Kiln Ro11up Services' }));
  await page.goto('./#/staking');
  for (const address of [kiln, impostor]) {
    await expect(page.locator(`tr[data-operator="${address}"]`).getByRole('note')).toContainText(
      "Name like another operator's",
    );
  }
  await expect(page.locator(`tr[data-operator="${operators[0].operator}"]`).getByRole('note')).toHaveCount(0);
  await expect(page.locator(`tr[data-operator="${impostor}"]`)).toContainText(
    `${impostor.slice(0, 6)}…${impostor.slice(-4)}`,
  );
  const ui = new OperatorPage(page);
  await ui.goto(impostor);
  await expect(page.getByTestId('lookalike-operators')).toContainText(kiln);
  // The redelegate picker says it too, and shows the chosen operator's full address.
  await ui.goto(operators[0].operator);
  await ui.connect();
  const option = ui.redelegateForm().locator(`option[value="${impostor}"]`);
  await expect(option).toContainText('name like another operator');
  await expect(option).toContainText(`${impostor.slice(0, 6)}…${impostor.slice(-4)}`);
  await ui.redelegateForm().getByLabel('Move stake to').selectOption(impostor);
  await expect(page.getByTestId('chosen-operator')).toContainText(impostor);
});

test('hidden and reordering characters show as escapes in titles, reasons, names and slash reasons', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const calldata = encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [DEV_ACCOUNTS[9], 1n] });
  const id = await gov.propose(
    DEV_ACCOUNTS[1],
    [chain.contracts.alt],
    [calldata],
    '# Pay invoice\u202Efdp.exe\n\nBody',
  );
  await send(chain.client, DEV_ACCOUNTS[3], {
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'castVoteWithReason',
    args: [(await gov.ids())[7], 1, 'Looks\u200B fine\u2066 to me'],
  });
  const operator = (await chain.operators())[2].operator;
  await chain.setOperatorMetadata(operator, metadataUri({ name: 'Ottie\u202E Labs', description: 'Safe\u200D here' }));
  await chain.slash(operator, 100n, 'Double\u2067 signed');
  await page.goto('./#/governance');
  await expect(page.locator(`li[data-proposal="${id}"]`)).toContainText('Pay invoice[U+202E]fdp.exe');
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  await expect(page.locator('#proposal-title')).toHaveText('Pay invoice[U+202E]fdp.exe');
  await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[3]}`);
  await expect(page.getByRole('list', { name: 'Vote history' })).toContainText('Looks[U+200B] fine[U+2066] to me');
  await page.goto(`./#/staking/operators/${operator}`);
  await expect(page.locator('#staking-title')).toContainText('Ottie[U+202E] Labs');
  await expect(page.locator('main')).toContainText('Safe[U+200D] here');
  await expect(page.locator('blockquote.reason').first()).toHaveText('Double[U+2067] signed');
  await page.goto('./#/staking');
  await expect(page.locator(`tr[data-operator="${operator}"]`)).toContainText('Ottie[U+202E] Labs');
});

test.describe('remote operator names', () => {
  test.use({ bypassCSP: true });
  const ORIGIN = 'https://metadata.example.org';

  test('search and sort use the names the rows show, remote ones included', async ({ page, chain }) => {
    const operator = (await chain.operators())[3].operator;
    await chain.setOperatorMetadata(operator, `${ORIGIN}/operators/${operator}.json`);
    await page.route('**/config.json', async (route) => {
      const config = await (await route.fetch()).json();
      await route.fulfill({ json: { ...config, metadataOrigins: [ORIGIN] } });
    });
    await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ json: { name: 'Aardvark Remote Nodes' } }));
    await page.goto('./#/staking');
    const row = page.locator(`tr[data-operator="${operator}"]`);
    await expect(row).toContainText('Aardvark Remote Nodes');
    await page.getByRole('searchbox').fill('aardvark');
    await expect(page.locator('tr[data-operator]')).toHaveCount(1);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Operator' }).click();
    await expect(page.locator('tr[data-operator]').first()).toHaveAttribute('data-operator', operator);
  });
});

test('an RPC outage on a proposal page says the chain did not answer, and the page comes back', async ({
  page,
  chain,
}) => {
  const id = (await governor(chain).ids())[0];
  await page.route('http://127.0.0.1:8545/**', (route) => route.abort('connectionrefused'));
  await page.goto(`./#/governance/proposals/${id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not read this proposal' });
  await expect(alert).toContainText('did not answer');
  await expect(page.getByText(/There is no proposal/)).toHaveCount(0);
  await page.unroute('http://127.0.0.1:8545/**');
  await expect(page.locator('#proposal-title')).toHaveText(/^AIP-1:/, { timeout: 20_000 });
});

test('a card whose read fails says so while the others show, and a whole failed read shows on every card', async ({
  page,
  chain,
}) => {
  const overview = new OverviewPage(page);
  const code = (await chain.client.getCode({ address: chain.contracts.staking }))!;
  // The staking contract stops answering (its code replaced by an invalid opcode): only its cards fail.
  await chain.client.setCode({ address: chain.contracts.staking, bytecode: '0xfe' });
  await overview.goto(`?address=${DEV_ACCOUNTS[1]}`);
  await expect(overview.card('Staked')).toContainText('Could not read this');
  await expect(overview.card('Unbonding')).toContainText('Could not read this');
  await expect(overview.figure('voting-power')).toContainText('vALT');
  await chain.client.setCode({ address: chain.contracts.staking, bytecode: code });
  await page.route('http://127.0.0.1:8545/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not read AltLayer devnet' })).toBeVisible();
  for (const title of ['Staked', 'Voting power', 'Airdrop Season One']) {
    await expect(overview.card(title)).toContainText('Could not read this');
  }
  await expect(page.getByText('Loading…')).toHaveCount(0);
});

test('other chains say "unreachable" at once and are asked again until they answer', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto(`?address=${DEV_ACCOUNTS[1]}`);
  await expect(overview.balance(1)).toHaveText('unreachable');
  // Ethereum's first RPC starts answering: its balance shows, with no reload.
  await page.route('https://ethereum-rpc.publicnode.com/**', async (route) => {
    const body = route.request().postDataJSON();
    const answer = (request: { id: number; method: string }) => ({
      jsonrpc: '2.0',
      id: request.id,
      result: request.method === 'eth_chainId' ? '0x1' : `0x${parseEther('1234').toString(16).padStart(64, '0')}`,
    });
    await route.fulfill({ json: Array.isArray(body) ? body.map(answer) : answer(body) });
  });
  await expect(overview.balance(1)).toHaveText('1,234 ALT', { timeout: 20_000 });
});

test.describe('a wallet that never answers on return', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('holds the pages for a few seconds at most', async ({ page, wallet }) => {
    const ui = new OperatorPage(page);
    await page.goto('./#/staking');
    await ui.connect();
    await wallet.hangAccounts();
    await page.reload();
    await expect(page.locator('tr[data-operator]').first()).toBeVisible({ timeout: 8_000 });
  });
});

test.describe('an existing staker (#1) leaving a position whole', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('leaves no empty position behind', async ({ page, chain, wallet }) => {
    void wallet;
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

test.describe('a proposer of a zero reward rate (#1)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('may propose zero, after confirming what it means', async ({ page, wallet }) => {
    void wallet;
    const ui = new GovernancePage(page);
    await ui.gotoNew();
    await ui.connect();
    const form = page.getByRole('form', { name: 'New proposal' });
    await form.getByLabel('Title').fill('AIP-11: Stop emissions');
    await form.getByLabel('Action 1').selectOption('parameter');
    await form.getByLabel('Parameter').selectOption('setRewardRate');
    await form.getByLabel(/^New value/).fill('0');
    await expect(form.getByRole('list', { name: 'Actions' })).toContainText('Stop staking rewards');
    await form.getByRole('button', { name: 'Submit proposal' }).click();
    await expect(form.getByText('Confirm what this value does to send it.')).toBeVisible();
    await form.getByLabel(/I understand: A reward rate of 0 stops staking rewards/).check();
    await form.getByRole('button', { name: 'Submit proposal' }).click();
    await ui.confirmed('Propose: AIP-11');
    await expect(page.getByRole('list', { name: 'Actions' })).toContainText('Stop staking rewards');
  });
});
