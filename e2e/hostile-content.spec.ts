import type { Page } from '@playwright/test';
import { asImpersonated, send } from '../devnet/client.ts';
import { altGovernorAbi, altStakingAbi, delegateStatementsAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, devnetContracts } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { XSS_PAYLOADS } from './fixtures/xss-payloads.ts';
import { connectWallet } from './pages/connect.ts';

/** Fails if anything hostile ran, opened a dialog, reached for evil.example or became live markup. */
async function expectInert(page: Page, dialogs: string[], requests: string[]) {
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => u.includes('evil.example'))).toEqual([]);
  const live = await page.locator('main').evaluate((main) => ({
    handlers: [...main.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    elements: main.querySelectorAll(
      'script, iframe, object, embed, math, base, meta, link, style, form[action], input[autofocus]',
    ).length,
    scriptLinks: [...main.querySelectorAll('a[href]')].filter(
      (a) => !/^(https?:|mailto:|#)/i.test(a.getAttribute('href')!),
    ).length,
    chainSvg: main.querySelectorAll('.markdown svg, .vote-reason svg, .operator-name svg:not(.identicon)').length,
  }));
  expect(live).toEqual({ handlers: 0, elements: 0, scriptLinks: 0, chainSvg: 0 });
}

test(`${XSS_PAYLOADS.length} hostile payloads in proposals, vote reasons and operator metadata render inert`, async ({
  page,
  chain,
}) => {
  test.setTimeout(120_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  const gov = governor(chain);
  const active = (await gov.ids())[7];

  // A proposal whose title and body are the corpus.
  const description = `# ${XSS_PAYLOADS[0]}\n\n${XSS_PAYLOADS.join('\n\n')}`;
  const hostile = await gov.proposeText(description);
  // Vote reasons, shown on the proposal page and in each voter's history.
  const castWith = (voter: number, reason: string) =>
    send(chain.client, DEV_ACCOUNTS[voter], {
      address: chain.contracts.governor,
      abi: altGovernorAbi,
      functionName: 'castVoteWithReason',
      args: [active, 1, reason],
    });
  await castWith(1, XSS_PAYLOADS.slice(0, 60).join('\n'));
  await castWith(3, XSS_PAYLOADS.slice(60).join('\n'));
  // An operator whose metadata is hostile in every field.
  const operator = DEV_ACCOUNTS[9];
  await asImpersonated(chain.client, chain.contracts.timelock, () =>
    send(chain.client, chain.contracts.timelock, {
      address: chain.contracts.staking,
      abi: altStakingAbi,
      functionName: 'setOperatorAllowlisted',
      args: [operator, true],
    }),
  );
  const metadata = {
    name: `<img src=x onerror="window.__xss=1">Evil ops`,
    description: XSS_PAYLOADS.slice(0, 8).join(' '),
    website: 'javascript:window.__xss=1',
    logo: 'https://evil.example/logo.png',
  };
  const uri = `data:application/json;base64,${Buffer.from(JSON.stringify(metadata)).toString('base64')}`;
  await send(chain.client, operator, {
    address: chain.contracts.staking,
    abi: altStakingAbi,
    functionName: 'registerOperator',
    args: [uri, 1, 500],
  });

  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./#/governance');
  await connectWallet(page);
  await expect(page.locator(`li[data-proposal="${hostile}"]`)).toContainText('<script>window.__xss=1</script>');
  await expectInert(page, dialogs, requests);

  await page.goto(`./#/governance/proposals/${hostile}`);
  await expect(page.getByText('Description verified against the hash stored on-chain.')).toBeVisible();
  await expect(page.getByLabel('Proposal description')).toContainText('onerror="window.__xss=1"');
  await expectInert(page, dialogs, requests);

  await page.goto(`./#/governance/proposals/${active}`);
  await expect(page.locator('.vote-reason')).toContainText('<svg onload="window.__xss=1"></svg>');
  await expectInert(page, dialogs, requests);

  await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[3]}`);
  await expect(page.getByRole('list', { name: 'Vote history' })).toContainText('[click](javascript:window.__xss=1)');
  await expectInert(page, dialogs, requests);

  await page.goto('./#/staking');
  await expect(page.locator(`tr[data-operator="${operator}"]`)).toContainText('Evil ops');
  await expectInert(page, dialogs, requests);

  await page.goto(`./#/staking/operators/${operator}`);
  await expect(page.locator('main')).toContainText('<script>window.__xss=1</script>');
  await expect(page.locator('main a[href^="javascript"]')).toHaveCount(0);
  await expectInert(page, dialogs, requests);
});

test('hostile delegate statements and their links render inert, on the page and in the list', async ({
  page,
  chain,
}) => {
  const registry = devnetContracts().statements;
  expect(registry).toBeDefined();
  // The registry takes any text up to 8 KB and any link strings: the app must make them safe.
  const encoder = new TextEncoder();
  let text = `# ${XSS_PAYLOADS[0]}`;
  for (const payload of XSS_PAYLOADS.slice(1)) {
    if (encoder.encode(`${text}\n\n${payload}`).length > 8192) break;
    text = `${text}\n\n${payload}`;
  }
  const links = [
    'javascript:window.__xss=1',
    'data:text/html,<script>window.__xss=1</script>',
    'https://evil.example/"><img src=x onerror="window.__xss=1">',
    'http://evil.example/plain',
  ];
  for (const who of [DEV_ACCOUNTS[1], DEV_ACCOUNTS[3]])
    await send(chain.client, who, {
      address: registry!,
      abi: delegateStatementsAbi,
      functionName: 'publish',
      args: [text, links],
    });

  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[3]}`);
  await expect(page.getByLabel('Delegate statement')).toContainText('onerror="window.__xss=1"');
  await expect(page.getByRole('list', { name: 'Statement links' }).locator('a')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Statement links' })).toContainText('javascript:window.__xss=1');
  await expectInert(page, dialogs, requests);

  await page.goto('./#/governance/delegates');
  await expect(page.locator(`tr[data-delegate="${DEV_ACCOUNTS[1]}"] [data-testid="statement-excerpt"]`)).toContainText(
    '<script>',
  );
  await expectInert(page, dialogs, requests);
});
