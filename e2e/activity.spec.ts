/**
 * The activity page lists exactly the protocol events an account produced, newest first, with amounts,
 * block times and transaction links; the Overview shows the latest on request.
 */
import { parseEther } from 'viem';
import { altGovernorAbi } from '../src/lib/contracts/generated.ts';
import { proposalTitle } from '../src/lib/governance/proposal-text.ts';
import { decodeInlineMetadata } from '../src/lib/format/operator-metadata.ts';
import { ENS_NAMES } from '../devnet/seed.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { formatTimestamp, formatUtc } from '../src/lib/format/time.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';
import { act, WHO } from './fixtures/activity.ts';

const rows = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Activity' }).locator('li');

test('the activity page lists exactly the events an account produced, newest first', async ({ page, chain }) => {
  await page.goto(`./#/activity?address=${WHO}`);
  await expect(page.getByText('No protocol activity yet.')).toBeVisible();
  const claimed = await act(chain);
  await page.reload();
  await expect(rows(page)).toHaveCount(6);
  const kinds = await rows(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  expect(kinds.slice(0, 3)).toEqual(['unstake', 'delegate', 'stake']);
  // The deposit and its delegation are one transaction: both listed, in the order of its logs.
  expect([...kinds.slice(3, 5)].sort()).toEqual(['delegate', 'wrap']);
  expect(kinds[5]).toBe('airdrop');
  await expect(rows(page).nth(0)).toContainText(formatToken(parseEther('500'), 'ALT'));
  await expect(rows(page).nth(1)).toContainText(
    `Delegated votes to ${ENS_NAMES.dev3} ${DEV_ACCOUNTS[3].slice(0, 6)}…${DEV_ACCOUNTS[3].slice(-4)}`,
  );
  await expect(rows(page).nth(2)).toContainText(formatToken(parseEther('2000'), 'ALT'));
  await expect(page.locator('li[data-kind="wrap"]')).toContainText(formatToken(parseEther('1000'), 'ALT'));
  await expect(rows(page).nth(5)).toContainText(formatToken(claimed, 'ALT'));
  // Block time from the chain, beside each row.
  const latest = await chain.client.getBlock();
  await expect(rows(page).nth(0)).toContainText(`block ${latest.number} · ${formatTimestamp(latest.timestamp)}`);
});

test.describe('on the Overview (#9)', () => {
  test.use({ walletOptions: { accountIndex: 9, chainId: 31337 } });

  test('the latest five show on request, with a link to the rest', async ({ page, chain }) => {
    await act(chain);
    await page.goto('./#/');
    await connectWallet(page);
    await page.getByRole('button', { name: 'Show recent activity' }).click();
    await expect(rows(page)).toHaveCount(5);
    await expect(rows(page).first()).toHaveAttribute('data-kind', 'unstake');
    await page.getByRole('link', { name: 'All activity (6)' }).click();
    await expect(rows(page)).toHaveCount(6);
  });
});

test.describe('a staker slashed on its stake and an unbonding request at once (#1), in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('sees one row for the slash, with its total, and times in its own zone (UTC on hover)', async ({
    page,
    chain,
  }) => {
    const who = DEV_ACCOUNTS[1];
    const now = await chain.now();
    const [positions, requests] = await chain.staker(who);
    // An operator small enough that its whole slash is one transaction (one page of steps).
    const small = (await chain.operators()).filter((o) => o.stakerCount <= 4).map((o) => o.operator);
    const operator = positions.find(
      (p) => small.includes(p.operator) && requests.some((r) => r.operator === p.operator && r.unlockTime > now + 1),
    )!.operator;
    const slashable = [
      positions.find((p) => p.operator === operator)!.stake,
      ...requests.filter((r) => r.operator === operator && r.unlockTime > now + 1).map((r) => r.amount),
    ];
    expect(slashable.length).toBeGreaterThan(1);
    await chain.slash(operator, 1_000n, 'e2e fault');
    const cut = slashable.reduce((sum, amount) => sum + (amount * 1_000n + 9_999n) / 10_000n, 0n);
    await page.goto(`./#/activity?address=${who}`);
    const slash = page.locator('li[data-kind="slashed"]').first();
    await expect(slash).toContainText(formatToken(cut, 'ALT'));
    await expect(slash).toContainText(`(${slashable.length} parts, one transaction)`);
    const block = await chain.client.getBlock();
    const time = slash.locator('time');
    await expect(time).toHaveText(formatTimestamp(block.timestamp, undefined, 'Asia/Tokyo'));
    await expect(time).toContainText('GMT+9');
    await expect(time).toHaveAttribute('title', formatUtc(block.timestamp));
  });
});

test('the activity names proposals by title and operators by name, each linked to its page', async ({
  page,
  chain,
}) => {
  const who = DEV_ACCOUNTS[1];
  const created = await chain.client.getContractEvents({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    eventName: 'ProposalCreated',
    fromBlock: 0n,
  });
  const titles = new Map(created.map((l) => [l.args.proposalId!, proposalTitle(l.args.description!, '')]));
  const votes = await chain.client.getContractEvents({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    eventName: 'VoteCast',
    args: { voter: who },
    fromBlock: 0n,
  });
  const latestVote = votes.at(-1)!;
  const operators = await chain.operators();
  const [positions] = await chain.staker(who);
  const staked = operators.find((o) => positions.some((p) => p.operator === o.operator))!;
  const name = decodeInlineMetadata(staked.metadataURI)!.name!;
  await page.goto(`./#/activity?address=${who}`);
  const vote = page.locator('li[data-kind="vote"]').first();
  const title = titles.get(latestVote.args.proposalId!)!;
  await expect(vote.getByRole('link', { name: `“${title}”` })).toHaveAttribute(
    'href',
    new RegExp(`#/governance/proposals/${latestVote.args.proposalId}`),
  );
  const operatorLink = page.locator(`a[href*="/staking/operators/${staked.operator}"]`).first();
  await expect(operatorLink).toContainText(name);
  await expect(operatorLink).toContainText(`${staked.operator.slice(0, 6)}…${staked.operator.slice(-4)}`);
});
