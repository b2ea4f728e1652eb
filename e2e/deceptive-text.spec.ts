/**
 * Text from the chain and from operators' metadata cannot deceive: links go through the
 * leave-the-app dialog, operators are told apart by address rather than name, hidden and
 * reordering characters show as escapes wherever chain text does, remote names stay names.
 */
import { send } from '../devnet/client.ts';
import { altGovernorAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { metadataUri } from './fixtures/metadata.ts';
import { GovernancePage } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';

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
  // A middle click (a new tab) asks too, and opens nothing on its own.
  const popups: string[] = [];
  page.context().on('page', (opened) => popups.push(opened.url()));
  await website.getByRole('link').click({ button: 'middle' });
  await expect(dialog.getByTestId('leave-host')).toHaveText('kiln.example');
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  expect(popups).toEqual([]);
  // Opened any way no click handler sees (a context menu's "open in new tab", a long press, a drag),
  // the link is the app's own leave page, which asks the same question before anything leaves.
  const href = await website.getByRole('link').getAttribute('href');
  expect(href).toBe(`#/leave?to=${encodeURIComponent('https://kiln.example/path?x=1')}`);
  const tab = await page.context().newPage();
  await tab.goto(new URL(href!, page.url()).href);
  await expect(tab.getByRole('heading', { name: 'Leave the app?' })).toBeVisible();
  await expect(tab.getByTestId('leave-host')).toHaveText('kiln.example');
  await expect(tab.getByText('https://kiln.example/path?x=1', { exact: true })).toBeVisible();
  await expect(tab.getByRole('link', { name: 'Open kiln.example' })).toHaveAttribute(
    'href',
    'https://kiln.example/path?x=1',
  );
  expect(tab.url()).toContain('#/leave?to=');
  // An address the app would not have made a link is not offered there either.
  for (const to of [
    'javascript:alert(1)',
    'http://meridian.example/',
    'data:text/html,hi',
    'https://user:pw@kiln.example/',
  ]) {
    await tab.goto(new URL(`#/leave?to=${encodeURIComponent(to)}`, page.url()).href);
    await expect(tab.getByRole('alert')).toHaveText(
      'The app does not open this address: it offers only https web pages and mail addresses.',
    );
    await expect(tab.locator('main a:not([href^="#"])')).toHaveCount(0);
  }
  await tab.close();
  await ui.goto(meridian);
  await expect(page.locator('#staking-title')).toContainText('Meridian');
  await expect(page.getByTestId('operator-website')).toHaveCount(0);
  await expect(page.locator('a[href*="meridian.example"]')).toHaveCount(0);
});

test("without the leave-the-app dialog's code, the browser's own dialog asks with the whole address, and a no opens nothing", async ({
  page,
  chain,
}) => {
  const kiln = (await chain.operators())[1].operator;
  await chain.setOperatorMetadata(kiln, metadataUri({ name: 'Kiln', website: 'https://kiln.example/path?x=1' }));
  // The dialog's file cannot be fetched (offline, or a redeploy replaced it).
  await page.route('**/leave-dialog-*.js', (route) => route.abort());
  const ui = new OperatorPage(page);
  await ui.goto(kiln);
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const popups: string[] = [];
  page.context().on('page', (opened) => popups.push(opened.url()));
  await page.getByTestId('operator-website').getByRole('link').click();
  await expect.poll(() => asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^confirm: Leave the app\?/);
  expect(asked[0]).toContain('kiln.example');
  expect(asked[0]).toContain('https://kiln.example/path?x=1');
  await expect(page.getByRole('dialog', { name: 'Leave the app?' })).toHaveCount(0);
  expect(popups).toEqual([]);
  // The page goes on: the operator's page is still there, and its link still asks.
  await expect(page.locator('#staking-title')).toContainText('Kiln');
  await page.getByTestId('operator-website').getByRole('link').click();
  await expect.poll(() => asked).toHaveLength(2);
  expect(popups).toEqual([]);
  // Once the file can be fetched again, the next link loads the app's own dialog.
  await page.unroute('**/leave-dialog-*.js');
  await page.getByTestId('operator-website').getByRole('link').click();
  const dialog = page.getByRole('dialog', { name: 'Leave the app?' });
  await expect(dialog.getByTestId('leave-host')).toHaveText('kiln.example');
  expect(asked).toHaveLength(2);
});

test('operators that imitate another’s name are flagged everywhere they are shown or chosen', async ({
  page,
  chain,
}) => {
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

test('a mail link in a proposal opens only through the leave-the-app dialog, which names who it writes to', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const id = await gov.proposeText(
    '# Support desk\n\nWrite to [the council](mailto:council@alt.example?subject=Your%20seed%20phrase) today.',
  );
  await new GovernancePage(page).gotoProposal(id);
  const link = page.locator('.markdown').getByRole('link', { name: 'the council' });
  await link.click();
  const dialog = page.getByRole('dialog', { name: 'Leave the app?' });
  await expect(dialog.getByTestId('leave-host')).toHaveText('council@alt.example');
  await expect(dialog).toContainText('mailto:council@alt.example?subject=Your%20seed%20phrase');
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await expect(dialog).toHaveCount(0);
  expect(page.url()).toContain(`#/governance/proposals/${id}`);
  // In a tab of its own, the leave page names whom it writes to and writes nothing until asked.
  const tab = await page.context().newPage();
  await tab.goto(new URL((await link.getAttribute('href'))!, page.url()).href);
  await expect(tab.getByTestId('leave-host')).toHaveText('council@alt.example');
  await expect(tab.getByRole('link', { name: 'Open council@alt.example' })).toHaveAttribute(
    'href',
    'mailto:council@alt.example?subject=Your%20seed%20phrase',
  );
  await tab.close();
});

test('hidden and reordering characters show as escapes in titles, reasons, names and slash reasons', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const id = await gov.proposeText('# Pay invoice\u202Efdp.exe\n\nBody');
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
