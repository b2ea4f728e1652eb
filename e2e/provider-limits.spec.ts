/**
 * The app behind an RPC that behaves like a public provider's free tier (scripts/rpc-proxy.ts,
 * strict profile): 10-block log ranges, 25 calls a second, batches of 10, 503s and answers from a
 * backend a block behind, with little latency so the suite stays fast. The test wallet talks to the
 * devnet directly, as a wallet uses its own RPC.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';
import { encodeFunctionData, type Address } from 'viem';
import { altGovernorAbi, altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../src/lib/contracts/generated.ts';
import { parseAppConfig } from '../src/lib/config/app-config.ts';
import { asImpersonated, send } from '../devnet/client.ts';
import { httpRequest, writeHistorySnapshot } from '../scripts/history-snapshot.ts';
import { describeProfile, PROFILES, randomProfile, RpcProxy, type ProviderProfile } from '../scripts/rpc-proxy.ts';
import { DEV_ACCOUNTS, RPC_URL } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { serveRpcUrls } from './fixtures/spare-node.ts';
import { everyPage } from './pages/every-page.ts';
import { GovernancePage, openActiveProposal } from './pages/governance-page.ts';
import { OperatorPage } from './pages/operator-page.ts';

// The app is pointed at the proxy, an RPC the built site's CSP does not list (see csp.spec.ts).
test.use({ bypassCSP: true });

const PROXY_PORT = 8549;
const strict = (overrides: Partial<ProviderProfile> = {}): ProviderProfile => ({
  ...PROFILES.strict,
  latencyMs: 5,
  jitterMs: 5,
  ...overrides,
});

let proxy: RpcProxy;
test.beforeEach(async ({ page }) => {
  proxy = new RpcProxy(PROXY_PORT, RPC_URL, strict(), 7);
  await proxy.listen();
  await serveRpcUrls(page, [proxy.url]);
});
test.afterEach(async () => proxy.close());

const logCalls = (from = 0) =>
  proxy.requests
    .slice(from)
    .flatMap((r) => r.methods)
    .filter((m) => m === 'eth_getLogs').length;

test('every page loads its data through a 10-block log cap and a 25-call rate limit, with no error shown', async ({
  page,
  chain,
}) => {
  for (const path of await everyPage(chain)) {
    await page.goto(`./${path}`);
    await expect(page.locator('[aria-busy="true"]'), path).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole('alert'), path).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('Could not read');
  }
  // The history was read in windows the provider accepts, and its rate limit was met and ridden out.
  const seen = proxy.since(0);
  expect(logCalls()).toBeGreaterThan(50);
  expect(seen.rateLimited).toBeGreaterThan(0);
  // The whole tour read the history once: later pages reused the index.
  expect(logCalls()).toBeLessThan(200);
});

test('a visitor whose provider caps logs at 10 blocks sees titles and a verified description without a history scan', async ({
  page,
  chain,
}) => {
  // A returning visitor's browser remembers the provider's cap: the history is 70 windows deep, too
  // many to read for a page of ten, so each proposal's creation log is read where it was emitted.
  await page.addInitScript(() => localStorage.setItem('alt-gov:v1:log-window:31337', '10'));
  await page.goto('./#/governance');
  const items = page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
  await expect(items.first()).toContainText(/AIP-\d+: /, { timeout: 20_000 });
  for (const text of await items.allTextContents()) expect(text).not.toMatch(/^\s*Proposal \d+/);
  // A second visit reads the blocks the first found them in, instead of searching for them again.
  const headerReads = (from: number) =>
    proxy.requests
      .slice(from)
      .flatMap((r) => r.methods)
      .filter((m) => m === 'eth_getBlockByNumber').length;
  const searched = headerReads(0);
  const mark = proxy.mark();
  await page.reload();
  await expect(items.first()).toContainText(/AIP-\d+: /, { timeout: 20_000 });
  expect(searched).toBeGreaterThan(0);
  expect(headerReads(mark)).toBeLessThan(searched);
  const id = (await governor(chain).ids())[0];
  await page.goto(`./#/governance/proposals/${id}`);
  await expect(page.getByText('Description verified against the hash stored on-chain.')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('#proposal-title')).toHaveText(/^AIP-\d+: /);
  expect(logCalls()).toBeLessThan(40);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an eth_call gas cap too low for a page of operators: the directory reads smaller pages, and remembers the size', async ({
  page,
  chain,
}) => {
  // The devnet's page of 24 operators costs about 1.9M gas; this provider runs each call with 1.2M
  // (scaled down as the devnet is: mainnet's 2,000 operators meet a 10M cap the same way).
  proxy.profile = strict({ callGasCap: 1_200_000n, wording: { ...PROFILES.strict.wording, gas: 1 }, rotate: false });
  const operators = await chain.operators();
  await page.goto('./#/staking');
  await expect(page.locator('tr[data-operator]')).toHaveCount(operators.length, { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  const learned = Number(await page.evaluate(() => localStorage.getItem('alt-gov:v1:page:operators:31337')));
  expect(learned).toBeGreaterThan(0);
  expect(learned).toBeLessThan(operators.length);
  // The next visit starts at the learned size: no page is refused again.
  const mark = proxy.mark();
  await page.reload();
  await expect(page.locator('tr[data-operator]')).toHaveCount(operators.length, { timeout: 30_000 });
  expect(Number(await page.evaluate(() => localStorage.getItem('alt-gov:v1:page:operators:31337')))).toBe(learned);
  expect(proxy.since(mark).requests).toBeLessThan(12);
});

test('a vote and a stake complete behind the strict provider', async ({ page, chain }) => {
  const { gov, id, ui } = await openActiveProposal(page, chain);
  await ui.vote('For', 'through a capped provider');
  await expect(ui.yourVote().locator('.vote-reason')).toHaveText('through a capped provider', { timeout: 30_000 });
  expect(await gov.hasVoted(id, DEV_ACCOUNTS[1])).toBe(true);

  const operator = (await chain.operators())[2].operator;
  const op = new OperatorPage(page);
  await op.goto(operator);
  const [before] = await chain.staker(DEV_ACCOUNTS[1]);
  const principal = before.find((p) => p.operator === operator)?.principal ?? 0n;
  await op.stakeForm().getByLabel('Amount to stake').fill('12');
  const consent = op.stakeForm().getByLabel('I understand these risks');
  if (await consent.isVisible()) await consent.check();
  await op.stakeForm().getByRole('button', { name: 'Stake' }).click();
  await op.confirmed('Stake 12 ALT');
  const [after] = await chain.staker(DEV_ACCOUNTS[1]);
  expect(after.find((p) => p.operator === operator)?.principal).toBe(principal + 12n * 10n ** 18n);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('answers from a lagging backend never move "as of block" back nor make the index read again', async ({
  page,
  chain,
}) => {
  proxy.profile = strict({ lagEvery: 2 });
  // The list reads its block with its first batch, which a lagging backend answers a block early.
  await page.goto('./#/governance');
  const asOf = page.getByText(/as of block \d+/);
  await expect(asOf).toBeVisible({ timeout: 30_000 });
  const afterLoad = logCalls();
  const seen: number[] = [];
  for (let i = 0; i < 12; i++) {
    const mark = proxy.mark();
    await chain.mine();
    // The app's head poll has asked the node since the block was mined: the page has had its chance to move.
    await expect.poll(() => proxy.since(mark).requests, { timeout: 15_000 }).toBeGreaterThan(0);
    const text = (await asOf.textContent()) ?? '';
    seen.push(Number(/as of block (\d+)/.exec(text)![1]));
  }
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  // Each new block costs a window or two; a reset would read the whole history again (70+ windows).
  expect(logCalls(0) - afterLoad).toBeLessThan(40);
  expect(proxy.since(0).lagging).toBeGreaterThan(3);
  // It follows the chain: with half the answers a block behind and the rate limit biting, a
  // refetch can fail and wait for the next block, so the newest block shows within a few more.
  const head = Number(await chain.client.getBlockNumber());
  await expect
    .poll(
      async () => {
        await chain.mine();
        return Number(/as of block (\d+)/.exec((await asOf.textContent()) ?? '')?.[1]);
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(head);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a reorg of the last blocks leaves no log from the dropped branch on screen or in storage', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const id = (await gov.ids())[7];
  // A delegate with votes that has not voted on this proposal yet.
  let voter: (typeof DEV_ACCOUNTS)[number] | undefined;
  for (const account of DEV_ACCOUNTS)
    if ((await chain.votes(account)) > 0n && !(await gov.hasVoted(id, account))) voter = account;
  expect(voter).toBeDefined();
  await page.goto(`./#/governance/delegates/${voter}`);
  await expect(page.getByRole('heading', { name: 'Delegate' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });

  const fork = await chain.client.snapshot();
  const reason = 'A vote on a branch that will be dropped';
  const { transactionHash: hash } = await send(chain.client, voter!, {
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'castVoteWithReason',
    args: [id, 1, reason],
  });
  await expect(page.getByRole('list', { name: 'Vote history' })).toContainText(reason, { timeout: 15_000 });
  // The delegate's page reads the contracts' records at the head; the voter's activity reads the
  // log index, which keeps the logs for later visits: both see the vote.
  const activity = await page.context().newPage();
  await activity.goto(`./#/activity?address=${voter}`);
  const voteRow = activity.locator(`li[data-kind="vote"]:has(a[href*="/governance/proposals/${id}"])`);
  await expect(voteRow).toHaveCount(1, { timeout: 15_000 });

  // The chain drops that block and grows another branch past it.
  await chain.client.revert({ id: fork });
  for (let i = 0; i < 3; i++) await chain.mine();
  await expect(page.getByRole('list', { name: 'Vote history' })).not.toContainText(reason, { timeout: 15_000 });
  // The activity page reads once per visit: the next one finds the branch gone.
  await activity.reload();
  await expect(activity.locator('li[data-kind]').first()).toBeVisible({ timeout: 15_000 });
  await expect(voteRow).toHaveCount(0, { timeout: 15_000 });
  expect(await gov.hasVoted(id, voter!)).toBe(false);

  // Nothing from the dropped branch was stored for later visits.
  const stored = await activity.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('alt-gov-logs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('chunks').objectStore('chunks').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { logs: { transactionHash: string }[] }[]).flatMap((c) =>
                c.logs.map((l) => l.transactionHash),
              ),
            );
        };
      }),
  );
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).not.toContain(hash);
  await page.reload();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Vote history' })).not.toContainText(reason);
});

test('a history snapshot the chain vouches for leaves only the blocks after it to read, and shows what a full read shows', async ({
  browser,
  chain,
}) => {
  test.setTimeout(150_000);
  const config = parseAppConfig(JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')));
  const chainConfig = config.chains.find((c) => c.id === 31337)!;
  const votesToken = await chain.client.readContract({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'token',
  });
  const dir = mkdtempSync(join(tmpdir(), 'alt-history-'));
  const head = await chain.client.getBlockNumber();
  const { block } = await writeHistorySnapshot({
    request: httpRequest(RPC_URL),
    chain: chainConfig,
    outDir: dir,
    block: head - 10n,
  });
  // After the snapshot, a newcomer delegates to the top delegate: the tail must fold on top of it.
  const top = (
    await chain.client.readContract({
      address: chain.contracts.staking,
      abi: altStakingAbi,
      functionName: 'getOperators',
      args: [0n, 1n],
    })
  )[0].operator;
  const newcomer = privateKeyToAddress(generatePrivateKey());
  const delegated = await asImpersonated(chain.client, newcomer, () =>
    send(chain.client, newcomer, { address: votesToken, abi: altVotesAbi, functionName: 'delegate', args: [top] }),
  );
  const slashed = (await chain.operators()).find((o) => o.slashCount > 0)!.operator;
  const proposal = (await governor(chain).ids())[0];

  /** What the delegates list, a delegate's page and a slashed operator's page show, in a fresh profile. */
  const views = async (tamper: false | 'hash' | 'figures') => {
    const context = await browser.newContext({ baseURL: 'http://127.0.0.1:4173/', bypassCSP: true });
    const page = await context.newPage();
    await serveRpcUrls(page, [proxy.url]);
    await page.route('**/history/**', async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^.*?\/history\//, 'history/');
      let text: string;
      try {
        text = readFileSync(join(dir, path), 'utf8');
      } catch {
        return route.fulfill({ status: 404 });
      }
      // A file the chain does not vouch for: another block hash at its block.
      if (tamper === 'hash') text = text.replace(/"hash":"0x[0-9a-f]{64}"/, `"hash":"0x${'ab'.repeat(32)}"`);
      // The right block, but a figure the chain does not have: one delegate's power made the largest.
      if (tamper === 'figures' && path.endsWith('delegates.json'))
        text = text.replace(/"rows":\[\["(0x[0-9a-fA-F]{40})","\d+"/, '"rows":[["$1","999999999000000000000000000"');
      await route.fulfill({ body: text, contentType: 'application/json' });
    });
    const mark = proxy.mark();
    const from = proxy.requests.length;
    await page.goto('./#/governance/delegates');
    const rows = page.locator('tr[data-delegate]');
    await expect(rows.first()).toBeVisible({ timeout: 45_000 });
    // With a snapshot the list shows at once, as of its block, then as of the head.
    const catchingUp = page.getByTestId('history-catching-up');
    const shownEarly = (await catchingUp.count()) > 0;
    await expect(catchingUp).toHaveCount(0, { timeout: 30_000 });
    // A snapshot set aside starts the read over: compared once the list is as of a block past the newcomer's delegation.
    await expect
      .poll(async () => BigInt((/as of block (\d+)/.exec(await page.locator('main').innerText()) ?? [, '0'])[1]!), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(delegated.blockNumber);
    // Names, statements and participation come after the rows (their reads follow the ranking).
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(rows.getByTestId('participation').filter({ hasText: '…' })).toHaveCount(0, { timeout: 30_000 });
    const list = await rows.allTextContents();
    await page.goto(`./#/governance/delegates/${top}`);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(catchingUp).toHaveCount(0, { timeout: 30_000 });
    const delegate = await page.locator('main').innerText();
    await page.goto(`./#/staking/operators/${slashed}`);
    const slashes = page.locator('[aria-labelledby="slashes-title"]');
    await expect(slashes.locator('blockquote.reason').first()).toBeVisible({ timeout: 30_000 });
    const slashText = await slashes.innerText();
    // A proposal older than the snapshot: its description read at the creation block the snapshot lists.
    await page.goto(`./#/governance/proposals/${proposal}`);
    await expect(page.getByText('Description verified against the hash stored on-chain')).toBeVisible({
      timeout: 30_000,
    });
    const proposalTitle = await page.getByRole('heading', { level: 1 }).innerText();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await context.close();
    return {
      list,
      delegate,
      slashText,
      proposalTitle,
      shownEarly,
      logReads: logCalls(from),
      requests: proxy.since(mark).requests,
    };
  };

  try {
    const ignored = await views('hash');
    const used = await views(false);
    const caught = await views('figures');
    // The tampered snapshot was ignored: the whole history was read, 10 blocks a call.
    expect(ignored.logReads).toBeGreaterThan(Number(block - BigInt(chainConfig.deployBlock)) / 10);
    // The vouched-for one left only the blocks after it.
    expect(used.logReads).toBeLessThan(10);
    expect(ignored.shownEarly).toBe(false);
    expect(used.list).toEqual(ignored.list);
    expect(used.delegate).toEqual(ignored.delegate);
    expect(used.delegate).toContain(newcomer);
    expect(used.slashText).toEqual(ignored.slashText);
    expect(used.proposalTitle).toEqual(ignored.proposalTitle);
    // Figures that disagree with the contract set the snapshot aside: the history is read from the chain.
    expect(caught.list).toEqual(ignored.list);
    expect(caught.delegate).toEqual(ignored.delegate);
    expect(caught.logReads).toBeGreaterThan(Number(block - BigInt(chainConfig.deployBlock)) / 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The seeds of the random providers this run draws: PROVIDER_SEED (set once per run in
 * playwright.config.ts, or by hand to replay one; a comma list replays several), and PROVIDER_RUNS
 * more in a row from it (`npm run test:providers -- --runs N`).
 */
const seeds = (() => {
  const given = (process.env.PROVIDER_SEED ?? '1').split(',').map(Number);
  const runs = Number(process.env.PROVIDER_RUNS ?? given.length);
  return Array.from({ length: runs }, (_, i) => given[i] ?? given[0] + i);
})();

/** A page shows its data (nothing loading, no error) within the matrix's 20 s. */
async function showsItsData(page: import('@playwright/test').Page, path: string, label: string) {
  const mark = proxy.mark();
  await page.goto(`./${path}`);
  const busy = page.locator('[aria-busy="true"]');
  try {
    await expect(busy).toHaveCount(0, { timeout: 20_000 });
  } catch (error) {
    // Which read never finished, and what the provider saw meanwhile, so a failure seen once in a
    // random draw says where to look.
    const still = await busy.allTextContents().catch(() => []);
    const now = performance.now();
    const last = proxy.requests.slice(-20).map((r) => ({
      ago: Math.round(now - r.at),
      methods: r.methods.length > 3 ? `${r.methods.length} calls` : r.methods.join(','),
      status: r.status,
      ...(r.rateLimited && { rateLimited: true }),
      ...(r.lagging && { lagging: true }),
    }));
    throw new Error(
      `${label}: still loading after 20 s: ${JSON.stringify(still)}; the provider since arrival: ${JSON.stringify(proxy.since(mark))}; its last requests: ${JSON.stringify(last)}`,
      { cause: error },
    );
  }
  await expect(page.getByRole('alert'), label).toHaveCount(0);
  await expect(page.locator('main'), label).not.toContainText('Could not read');
}

for (const [run, seed] of seeds.entries()) {
  // A seed given more than once (to replay a rare failure) runs again under its own title.
  const again = seeds.indexOf(seed) < run ? `, run ${run + 1}` : '';
  test(`a provider drawn at random (seed ${seed}${again}; PROVIDER_SEED=${seed} replays it): every page shows its data with and without the history snapshot, and a vote and a stake complete`, async ({
    page,
    browser,
    chain,
  }) => {
    test.setTimeout(420_000);
    const profile = randomProfile(seed);
    proxy.profile = profile;
    console.log(`provider seed ${seed}: ${describeProfile(profile)}`);
    test.info().annotations.push({ type: 'provider', description: `seed ${seed}: ${describeProfile(profile)}` });
    const pages = await everyPage(chain);

    const config = parseAppConfig(JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')));
    const dir = mkdtempSync(join(tmpdir(), 'alt-history-'));
    try {
      await writeHistorySnapshot({
        request: httpRequest(RPC_URL),
        chain: config.chains.find((c) => c.id === 31337)!,
        outDir: dir,
        block: (await chain.client.getBlockNumber()) - 10n,
      });
      // A newcomer each time (nothing learned about the provider yet): without a snapshot, then with.
      for (const snapshot of [false, true]) {
        const context = await browser.newContext({ baseURL: 'http://127.0.0.1:4173/', bypassCSP: true });
        const visitor = await context.newPage();
        await serveRpcUrls(visitor, [proxy.url]);
        await visitor.route('**/history/**', async (route) => {
          if (!snapshot) return route.fulfill({ status: 404 });
          const path = new URL(route.request().url()).pathname.replace(/^.*?\/history\//, 'history/');
          try {
            await route.fulfill({ body: readFileSync(join(dir, path), 'utf8'), contentType: 'application/json' });
          } catch {
            await route.fulfill({ status: 404 });
          }
        });
        for (const path of pages)
          await showsItsData(visitor, path, `${path} ${snapshot ? 'with' : 'without'} snapshot`);
        await context.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // A vote on a proposal of its own (each drawn provider gets one), and a stake.
    const gov = governor(chain);
    const calldata = encodeFunctionData({
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [DEV_ACCOUNTS[9], 1n],
    });
    const id = await gov.propose(
      DEV_ACCOUNTS[1],
      [chain.contracts.alt],
      [calldata],
      `AIP-${700 + (seed % 200)}: provider ${seed}`,
    );
    await chain.advance((await gov.votingDelay()) + 1);
    const ui = new GovernancePage(page);
    await ui.gotoProposal(id);
    await ui.connect();
    await ui.vote('Against', `provider ${seed}`);
    await expect(ui.yourVote().locator('.vote-reason')).toHaveText(`provider ${seed}`, { timeout: 30_000 });
    expect(await gov.hasVoted(id, DEV_ACCOUNTS[1])).toBe(true);

    const operator = (await chain.operators())[3].operator as Address;
    const op = new OperatorPage(page);
    await op.goto(operator);
    const principal = async () =>
      (await chain.staker(DEV_ACCOUNTS[1]))[0].find((p) => p.operator === operator)?.principal ?? 0n;
    const before = await principal();
    await op.stakeForm().getByLabel('Amount to stake').fill('3');
    const consent = op.stakeForm().getByLabel('I understand these risks');
    if (await consent.isVisible()) await consent.check();
    await op.stakeForm().getByRole('button', { name: 'Stake' }).click();
    await op.confirmed('Stake 3 ALT');
    expect(await principal()).toBe(before + 3n * 10n ** 18n);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
