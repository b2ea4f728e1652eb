import { encodeFunctionData, getAddress, parseEther } from 'viem';
import { altGovernorAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { STATES } from '../src/lib/governance/proposal-text.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { ENS_NAMES } from '../devnet/seed.ts';
import { expect, test } from './fixtures/index.ts';
import { GovernancePage, openActiveProposal } from './pages/governance-page.ts';

test('every state has a proposal page with its verified description, decoded actions and tallies', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const ui = new GovernancePage(page);
  for (const state of STATES) {
    const id = await gov.findIn(state);
    expect(id, `a seeded proposal is ${state}`).toBeDefined();
    await ui.gotoProposal(id!);
    await expect(ui.state()).toHaveText(state);
    await expect(page.getByText('Description verified against the hash stored on-chain.')).toBeVisible();
    await expect(page.locator('#proposal-title')).toHaveText(/^AIP-\d+: /);
    const actions = page.getByRole('list', { name: 'Actions' }).locator('li.action');
    await expect(actions.first()).toHaveAttribute('data-decoded', 'yes');
    const [against, forVotes, abstain] = await gov.votes(id!);
    // Tallies are in the governor's votes token, named by its own symbol.
    await expect(page.locator('[data-tally="for"]')).toHaveText(formatToken(forVotes, 'vALT'));
    await expect(page.locator('[data-tally="against"]')).toHaveText(formatToken(against, 'vALT'));
    await expect(page.locator('[data-tally="abstain"]')).toHaveText(formatToken(abstain, 'vALT'));
  }
  // The executed grant reads as a sentence naming who pays (the governor's timelock), addresses in full.
  await ui.gotoProposal((await gov.ids())[0]);
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText(
    `Transfer 5,000,000 ALT from Treasury (timelock) ${chain.contracts.timelock} to`,
  );
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText(
    'ALT token 0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB',
  );
});

for (const [support, label] of [
  [1, 'For'],
  [0, 'Against'],
  [2, 'Abstain'],
] as const) {
  test(`votes ${label} with a reason and sees the vote at once`, async ({ page, chain }) => {
    const { gov, id, ui } = await openActiveProposal(page, chain);
    const before = await gov.votes(id);
    const weightText = await ui.voteForm().getByTestId('snapshot-votes').textContent();
    const reason = `${label}: <b>not bold</b> — reasons are text`;
    await ui.vote(label, reason);
    await expect(ui.yourVote().getByTestId('your-vote')).toHaveText(`You voted ${label} with ${weightText}.`);
    await expect(ui.yourVote().locator('.vote-reason')).toHaveText(reason);
    expect(await gov.hasVoted(id, DEV_ACCOUNTS[1])).toBe(true);
    const after = await gov.votes(id);
    expect(after[support]).toBeGreaterThan(before[support]);
    await expect(page.locator(`[data-tally="${label.toLowerCase()}"]`)).toHaveText(formatToken(after[support], 'vALT'));
    // After a reload the vote and reason come back from the chain's VoteCast log.
    await page.reload();
    await expect(ui.yourVote().locator('.vote-reason')).toHaveText(reason);
  });
}

test.describe('a holder of plain ALT only (#5)', () => {
  test.use({ walletOptions: { accountIndex: 5, chainId: 31337 } });

  test('cannot cast a zero-weight vote, and gets voting power for future proposals in one step', async ({
    page,
    chain,
  }) => {
    const { id, ui } = await openActiveProposal(page, chain);
    await expect(ui.yourVote()).toContainText('You cannot vote on this proposal');
    await expect(ui.yourVote()).toContainText('25,000,000 ALT is plain ALT, which does not vote');
    await expect(ui.voteForm()).toHaveCount(0);
    await ui.yourVote().getByRole('link', { name: 'Get voting power' }).click();
    await ui.getVotingPower('25000000');
    await ui.confirmed('into voting power');
    expect(await chain.votes(DEV_ACCOUNTS[5])).toBe(parseEther('25000000'));
    expect(await chain.delegateOf(DEV_ACCOUNTS[5])).toBe(DEV_ACCOUNTS[5]);
    await ui.gotoProposal(id);
    await expect(ui.yourVote()).toContainText('you can vote on proposals created from now on');
    await expect(ui.voteForm()).toHaveCount(0);
  });
});

test.describe('a delegator with plain ALT (#2, its votes with #1)', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337 } });

  test('is told where its votes are and how its delegate voted, then about its plain ALT', async ({ page, chain }) => {
    expect(await chain.delegateOf(DEV_ACCOUNTS[2])).toBe(DEV_ACCOUNTS[1]);
    const plain = await chain.altBalance(DEV_ACCOUNTS[2]);
    expect(plain).toBeGreaterThan(0n);
    const { gov, id, ui } = await openActiveProposal(page, chain);
    const line = ui.yourVote().getByTestId('votes-with-delegate');
    await expect(line).toContainText(`Your votes are with ${ENS_NAMES.dev1}`);
    await expect(line).toContainText('who has not voted on this proposal yet');
    await expect(ui.yourVote()).toContainText(`You also hold ${formatToken(plain)}, plain ALT, which does not vote.`);
    await expect(ui.yourVote()).not.toContainText('You cannot vote');
    await gov.vote(DEV_ACCOUNTS[1], id, 1);
    const [, forVotes] = await gov.votes(id);
    await page.reload();
    await expect(line).toContainText(
      `Your votes are with ${ENS_NAMES.dev1} 0x7099…79C8, who voted For on this proposal with ${formatToken(forVotes, 'vALT')}.`,
    );
    // Its own units are part of that weight, and the sentence says so before anything about plain ALT.
    await expect(line).toContainText(`Your own ${formatToken(await chain.votingUnits(DEV_ACCOUNTS[2]), 'vALT')}`);
    const text = (await ui.yourVote().textContent()) ?? '';
    expect(text.indexOf('Your votes are with')).toBeLessThan(text.indexOf('plain ALT'));
  });
});

test.describe('a self-delegated holder', () => {
  test.use({ walletOptions: { accountIndex: 8, chainId: 31337 } });

  test('delegates to another address after a review, and sees both voting powers change', async ({
    page,
    chain,
    wallet,
  }) => {
    const mine = await chain.votes(DEV_ACCOUNTS[8]);
    const theirs = await chain.votes(DEV_ACCOUNTS[3]);
    expect(mine).toBeGreaterThan(0n);
    const ui = new GovernancePage(page);
    await ui.gotoList();
    await ui.connect();
    await expect(ui.delegation().getByTestId('voting-power')).toHaveText(formatToken(mine, 'vALT'));
    await expect(ui.delegation().getByTestId('delegate')).toHaveText('Your own voting power counts for you.');
    await ui.delegation().getByLabel('Delegate to an address').fill('0x1234');
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    await expect(ui.delegation().getByRole('alert')).toHaveText(/not an address/);
    // The devnet has its own ENS: a name nobody registered is refused, a registered one resolves.
    await ui.delegation().getByLabel('Delegate to an address').fill('nobody-here.eth');
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    await expect(ui.delegation().getByRole('alert')).toHaveText('nobody-here.eth does not resolve to an address.');
    await ui.delegation().getByLabel('Delegate to an address').fill(ENS_NAMES.dev3);
    await wallet.clearRequests();
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    // A review comes first: which votes move, from whom, to the typed name and its full address.
    const review = page.getByTestId('delegation-review');
    await expect(review.getByTestId('review-votes')).toContainText(formatToken(mine, 'vALT'));
    await expect(review.getByTestId('review-from')).toHaveText('yourself');
    await expect(review.getByTestId('review-to')).toContainText(`${ENS_NAMES.dev3} ${DEV_ACCOUNTS[3]}`);
    expect(await wallet.prompts()).toEqual([]);
    // Cancel sends nothing; the choice can be reviewed again.
    await review.getByRole('button', { name: 'Cancel' }).click();
    await expect(review).toHaveCount(0);
    expect(await wallet.prompts()).toEqual([]);
    expect(await chain.delegateOf(DEV_ACCOUNTS[8])).toBe(DEV_ACCOUNTS[8]);
    await ui.delegation().getByRole('button', { name: 'Delegate', exact: true }).click();
    await review.getByRole('button', { name: 'Confirm and open wallet' }).click();
    await ui.confirmed(`Delegate votes to ${ENS_NAMES.dev3} (${DEV_ACCOUNTS[3]})`);
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction']);
    await expect(ui.delegation()).toContainText(`Delegated to ${ENS_NAMES.dev3} (${DEV_ACCOUNTS[3]}) in block`);
    expect(await chain.votes(DEV_ACCOUNTS[8])).toBe(0n);
    expect(await chain.votes(DEV_ACCOUNTS[3])).toBe(theirs + mine);
    await expect(ui.delegation().getByTestId('voting-power')).toHaveText(formatToken(0n, 'vALT'));
    await expect(ui.delegation().getByTestId('delegate-votes')).toHaveText(formatToken(theirs + mine, 'vALT'));
    await expect(ui.delegation().getByTestId('delegate')).toContainText(
      `${DEV_ACCOUNTS[3].slice(0, 6)}…${DEV_ACCOUNTS[3].slice(-4)}`,
    );
  });
});

test('a proposal goes from the create form through voting, queue and timelock to execution', async ({
  page,
  chain,
  wallet,
}) => {
  test.setTimeout(120_000);
  const gov = governor(chain);
  const recipient = DEV_ACCOUNTS[9];
  const [recipientBefore, treasuryBefore] = [
    await chain.altBalance(recipient),
    await chain.altBalance(chain.contracts.timelock),
  ];
  const ui = new GovernancePage(page);
  await ui.gotoNew();
  await ui.connect();
  await expect(page.getByTestId('proposer-votes')).toBeVisible();
  const form = page.getByRole('form', { name: 'New proposal' });
  await form.getByRole('button', { name: 'Submit proposal' }).click();
  await expect(form.getByText('Give the proposal a title.')).toBeVisible();
  await form.getByLabel('Title').fill('AIP-10: Fund the e2e research grant');
  await form.getByLabel('Description (markdown)').fill('Pays **12,345 ALT** to the research wallet.');
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByLabel('Description preview').locator('strong')).toHaveText('12,345 ALT');
  await form.getByLabel('Recipient').fill(recipient);
  await form.getByLabel(/^Amount/).fill('12345');
  await expect(form.getByRole('list', { name: 'Actions' })).toContainText(
    `Transfer 12,345 ALT from Treasury (timelock) ${chain.contracts.timelock} to`,
  );
  await form.getByRole('button', { name: 'Submit proposal' }).click();
  await ui.confirmed('Propose: AIP-10');
  await expect(ui.state()).toHaveText('Pending');
  await expect(page.locator('#proposal-title')).toHaveText('AIP-10: Fund the e2e research grant');
  const id = BigInt((await page.locator('article.proposal').getAttribute('data-proposal'))!);

  await chain.advance((await gov.votingDelay()) + 1);
  await expect(ui.state()).toHaveText('Active');
  await ui.vote('For', 'Ship it');
  await ui.confirmed('Vote For');
  await gov.vote(DEV_ACCOUNTS[3], id, 1);
  await chain.advance((await gov.votingPeriod()) + 1);
  await expect(ui.state()).toHaveText('Succeeded');
  await page.getByRole('button', { name: 'Queue' }).click();
  await ui.confirmed('Queue proposal');
  await expect(ui.state()).toHaveText('Queued');
  const execute = page.getByRole('button', { name: 'Execute' });
  await expect(execute).toBeDisabled();
  await expect(page.getByTestId('eta-countdown')).toContainText(/in 1d 23h|in 2d/);
  await chain.advance(2 * 86_400 + 1);
  await expect(execute).toBeEnabled();
  await execute.click();
  await ui.confirmed('Execute proposal');
  await expect(ui.state()).toHaveText('Executed');
  expect(await chain.altBalance(recipient)).toBe(recipientBefore + parseEther('12345'));
  expect(await chain.altBalance(chain.contracts.timelock)).toBe(treasuryBefore - parseEther('12345'));
});

test.describe('an address without votes', () => {
  test.use({ walletOptions: { accountIndex: 9, chainId: 31337 } });

  test('is told how many votes it lacks before it can propose', async ({ page }) => {
    const ui = new GovernancePage(page);
    await ui.gotoNew();
    await ui.connect();
    await expect(page.getByTestId('threshold-missing')).toHaveText(
      /You are 1,000,000 vALT short of the proposal threshold/,
    );
    await expect(page.getByRole('button', { name: 'Submit proposal' })).toBeDisabled();
  });
});

test('a proposal written to attack readers renders inert', async ({ page, chain }) => {
  const gov = governor(chain);
  const hostile = [
    '# AIP-666: Totally normal <script>window.__xss = 1</script>',
    '',
    '<img src=x onerror="window.__xss = 2"> <svg onload="window.__xss=3"><script>window.__xss=4</script></svg>',
    '',
    '[click me](javascript:window.__xss=5) [data](data:text/html,<script>parent.__xss=6</script>)',
    '',
    '<a href="javascript:window.__xss=7">raw link</a> <iframe src="javascript:window.__xss=8"></iframe>',
    '',
    '![tracker](http://127.0.0.1:4173/tracker.png) <math><mtext><img src=x onerror="window.__xss=9"></mtext></math>',
    '',
    '<style>body{display:none}</style>',
    '',
    'Discussion: [forum](https://forum.example.org/t/1)',
  ].join('\n');
  const id = await gov.proposeText(hostile);
  const dialogs: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  await expect(page.locator('#proposal-title')).toHaveText('AIP-666: Totally normal <script>window.__xss = 1</script>');
  const body = ui.markdown();
  await expect(body).toContainText('onerror="window.__xss = 2"');
  await expect(body.locator('script, img, svg, iframe, math, style')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"], a[href^="data"]')).toHaveCount(0);
  expect(
    await body.evaluate((el) =>
      [...el.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on'))),
    ),
  ).toBe(false);
  await expect(page.locator('body')).toBeVisible();
  // The tracking image is never fetched: it is named, and opens only through the leave-the-app dialog.
  await expect(body.locator('.image-placeholder')).toHaveText(/^\[image: tracker\] open image \(127\.0\.0\.1:4173\)$/);
  await body.getByRole('link', { name: /open image/ }).click();
  await expect(page.getByRole('dialog', { name: 'Leave the app?' })).toContainText('127.0.0.1:4173');
  await page.getByRole('button', { name: 'Stay here' }).click();
  await body.getByRole('link', { name: /forum/ }).click();
  await expect(page.getByRole('dialog', { name: 'Leave the app?' })).toContainText('forum.example.org');
  await page.getByRole('button', { name: 'Stay here' }).click();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => u.includes('tracker'))).toEqual([]);
});

test('an action aimed at an address made to look like ALT is flagged beside the real one', async ({ page, chain }) => {
  const gov = governor(chain);
  const alt = chain.contracts.alt;
  // Same first and last four hex digits as the ALT token, different in between.
  const fake = getAddress(`${alt.slice(0, 6)}${'0'.repeat(32)}${alt.slice(-4)}`);
  const calldata = encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [DEV_ACCOUNTS[9], 1n] });
  const id = await gov.propose(DEV_ACCOUNTS[1], [alt, fake], [calldata, calldata], '# Two transfers');
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  const actions = page.getByRole('list', { name: 'Actions' }).locator('li.action');
  await expect(actions).toHaveCount(2);
  await expect(actions.nth(0).getByRole('note')).toHaveCount(0);
  await expect(actions.nth(1).getByRole('note')).toHaveText(
    'Looks like the ALT token address but is a different one: check every character',
  );
  await expect(actions.nth(1)).toContainText(fake);
});

test('the delegates page ranks voting power from the logs, and a delegate page lists its votes', async ({
  page,
  chain,
}) => {
  const ui = new GovernancePage(page);
  await ui.gotoDelegates();
  const rows = page.getByRole('table', { name: 'Delegates by voting power' }).locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-delegate', DEV_ACCOUNTS[1]);
  await expect(rows.first()).toContainText(
    formatToken(await chain.votes(DEV_ACCOUNTS[1]), 'vALT', { maxFractionDigits: 0 }),
  );
  await rows.nth(1).getByRole('link').click();
  await expect(page.getByTestId('delegate-power')).toHaveText(formatToken(await chain.votes(DEV_ACCOUNTS[3]), 'vALT'));
  await expect(page.getByRole('list', { name: 'Vote history' })).toContainText(
    'MACH needs this research before SQUAD mainnet.',
  );
  await expect(page.getByRole('list', { name: 'Vote history' })).toContainText(
    'AIP-1: Fund the VITAL verifier grants programme',
  );
});

test('a description of 2,000 nested quotes, which broke the lexer, shows as text', async ({ page, chain }) => {
  const gov = governor(chain);
  const description = `# AIP-77: Deep\n\n${'>'.repeat(2_000)} deep end\n\n${'__a'.repeat(20_000)}`;
  const id = await gov.proposeText(description);
  const ui = new GovernancePage(page);
  await ui.gotoProposal(id);
  await expect(page.locator('#proposal-title')).toHaveText('AIP-77: Deep');
  await expect(ui.markdown()).toContainText('deep end');
  await expect(ui.markdown()).toContainText('__a__a__a');
  expect(await ui.markdown().locator('blockquote').count()).toBeLessThanOrEqual(8);
  await expect(page.getByTestId('page-failed')).toHaveCount(0);
});

test('a page that fails while drawing says what failed, and the rest of the app keeps working', async ({
  page,
  chain,
}) => {
  // Date formatting throws once armed: a stand-in for any bug that breaks a page while it renders.
  await page.addInitScript(() => {
    const format = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!.get!;
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
      get() {
        if ((window as any).__breakDates) throw new Error('dates are broken');
        return format.call(this);
      },
    });
  });
  const gov = governor(chain);
  const queued = await gov.findIn('Queued');
  const ui = new GovernancePage(page);
  await ui.gotoList();
  await page.evaluate(() => ((window as any).__breakDates = true));
  await page.locator(`li[data-proposal="${queued}"] a`).first().click();
  await expect(page.getByTestId('page-failed')).toContainText('dates are broken');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staking' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await page.evaluate(() => ((window as any).__breakDates = false));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staking' }).click();
  await expect(page.getByRole('heading', { name: 'Staking', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(ui.state()).toHaveText('Queued');
});

test("a returning reader's proposal page reads its quorum with the first batch, and it is the chain's", async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const ui = new GovernancePage(page);
  const id = (await gov.findIn('Defeated'))!;
  const snapshot = await chain.client.readContract({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'proposalSnapshot',
    args: [id],
  });
  const quorum = await chain.client.readContract({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'quorum',
    args: [snapshot],
  });
  const shown = page.getByText(new RegExp(`of ${formatToken(quorum, 'vALT', { maxFractionDigits: 0 })}`));
  // The page's own reads: the names of its accounts (calls to the ENS resolver, read once a visit
  // and whenever they land) are not what this counts.
  const resolver = chain.contracts.ensUniversalResolver!.slice(2).toLowerCase();
  let calls = 0;
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.postData()) return;
    let body: unknown;
    try {
      body = JSON.parse(r.postData()!);
    } catch {
      return;
    }
    for (const call of [body].flat() as { method?: string; params?: unknown }[])
      if (call.method === 'eth_call' && !JSON.stringify(call.params).toLowerCase().includes(resolver)) calls++;
  });
  await ui.gotoProposal(id);
  await expect(shown).toBeVisible();
  const first = calls;
  calls = 0;
  await page.reload();
  await expect(shown).toBeVisible();
  // The same reads, less the second batch at the snapshot.
  expect(first - calls).toBe(1);
});

test('the governance page leads with the proposals; the voting power follows, with its forms only for the wallet itself', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`./#/governance?address=${DEV_ACCOUNTS[1]}`);
  const firstProposal = page.locator('li[data-proposal]').first();
  await expect(firstProposal).toBeInViewport();
  await expect(page.getByTestId('votes-line')).toContainText('Your voting power:');
  const top = (locator: import('@playwright/test').Locator) => locator.evaluate((el) => el.getBoundingClientRect().top);
  const yourVotes = page.getByRole('region', { name: 'Your votes' });
  expect(await top(firstProposal)).toBeLessThan(await top(yourVotes));
  // Read-only, nothing is offered that the visitor cannot do (once the card's details are drawn).
  await expect(yourVotes.getByTestId('votes-read-only')).toBeVisible();
  await expect(yourVotes.getByRole('form')).toHaveCount(0);
  await expect(yourVotes.getByRole('button')).toHaveCount(0);
});

test.describe('a proposer of a zero reward rate (#1)', () => {
  test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

  test('may propose zero, after confirming what it means', async ({ page }) => {
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
