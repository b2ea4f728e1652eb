/**
 * The activity page lists exactly the protocol events an account produced, newest first, with amounts,
 * block times and transaction links; the Overview shows the latest on request.
 */
import { readFileSync } from 'node:fs';
import { getAddress, parseEther, type Address, type Hex } from 'viem';
import { ACTIVITY_CSV_HEADER } from '../src/features/activity/activity-csv.ts';
import { parseCsv } from './fixtures/csv.ts';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altVotesAbi,
} from '../src/lib/contracts/generated.ts';
import { proposalTitle } from '../src/lib/governance/proposal-text.ts';
import { decodeInlineMetadata } from '../src/lib/format/operator-metadata.ts';
import { send } from '../devnet/client.ts';
import { airdropProofFor, ENS_NAMES } from '../devnet/seed.ts';
import { buildAirdropFromFile } from '../scripts/airdrop/build.ts';
import { DISTRIBUTION_FILE } from '../devnet/start.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { formatTimestamp, formatUtc } from '../src/lib/format/time.ts';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';

const WHO = DEV_ACCOUNTS[9];

/** #9, which has no protocol history, claims, wraps, stakes, delegates and unstakes. */
async function act(chain: Chain) {
  const { shards } = buildAirdropFromFile(DISTRIBUTION_FILE);
  const found = airdropProofFor(new Map(shards.map((s) => [s.prefix, s])), getAddress(WHO))!;
  const votes = await chain.votesToken();
  const operator = (await chain.operators())[0].operator as Address;
  const { alt, airdrop, staking } = chain.contracts;
  await send(chain.client, WHO, {
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'claim',
    args: [found.amount, found.proof],
  });
  await send(chain.client, WHO, {
    address: alt,
    abi: altLayerTokenAbi,
    functionName: 'approve',
    args: [votes, parseEther('1000')],
  });
  await send(chain.client, WHO, {
    address: votes,
    abi: altVotesAbi,
    functionName: 'depositAndDelegate',
    args: [parseEther('1000'), WHO],
  });
  await send(chain.client, WHO, {
    address: alt,
    abi: altLayerTokenAbi,
    functionName: 'approve',
    args: [staking, parseEther('2000')],
  });
  await send(chain.client, WHO, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'stake',
    args: [operator, parseEther('2000')],
  });
  await send(chain.client, WHO, {
    address: votes,
    abi: altVotesAbi,
    functionName: 'delegate',
    args: [DEV_ACCOUNTS[3]],
  });
  await send(chain.client, WHO, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'unstake',
    args: [operator, parseEther('500')],
  });
  return found.amount;
}

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

test('the activity downloads as a CSV whose every row is a log of the chain, amounts exact', async ({
  page,
  chain,
}) => {
  const claimed = await act(chain);
  await page.goto(`./#/activity?address=${WHO}`);
  await expect(rows(page)).toHaveCount(6);
  const kinds = await rows(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const saved = await download;
  const text = readFileSync((await saved.path())!, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual([...ACTIVITY_CSV_HEADER]);
  expect(lines.map((l) => l[3])).toEqual(kinds);
  const wanted = getAddress(WHO).toLowerCase().slice(2);
  for (const [block, time, hash, kind, , , amount, symbol] of lines) {
    const receipt = await chain.client.getTransactionReceipt({ hash: hash as Hex });
    expect(receipt.blockNumber, kind).toBe(BigInt(block));
    expect(
      new Date(
        Number((await chain.client.getBlock({ blockNumber: receipt.blockNumber })).timestamp) * 1000,
      ).toISOString(),
    ).toBe(time);
    // A log of the transaction names the account, and (where the row has an amount) carries exactly that many wei.
    const logs = receipt.logs.filter((l) => [...l.topics, l.data].some((t) => t.toLowerCase().includes(wanted)));
    expect(logs.length, kind).toBeGreaterThan(0);
    if (amount) {
      expect(symbol).toBe('ALT');
      const wei = parseEther(amount).toString(16).padStart(64, '0');
      expect(
        receipt.logs.some((l) => l.data.slice(2).match(/.{64}/g)?.includes(wei)),
        `${kind} ${amount}`,
      ).toBe(true);
    }
  }
  const byKind = (k: string) => lines.find((l) => l[3] === k)!;
  expect(byKind('unstake')[6]).toBe('500');
  expect(byKind('stake')[6]).toBe('2000');
  expect(byKind('wrap')[6]).toBe('1000');
  expect(parseEther(byKind('airdrop')[6])).toBe(claimed);
  // The two delegations, newest first: to #3, named in full, and to itself with the deposit.
  expect(lines.filter((l) => l[3] === 'delegate').map((l) => [l[4], l[5]])).toEqual([
    [`Delegated votes to ${DEV_ACCOUNTS[3]}`, DEV_ACCOUNTS[3]],
    ['Delegated votes to itself', ''],
  ]);
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
