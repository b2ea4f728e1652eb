/**
 * Charts draw the chain's figures: each has as many points as the chain gives, and its table
 * alternative lists exactly those figures. The chart library loads only with a page that draws one.
 */
import { readFileSync } from 'node:fs';
import { formatUnits, parseAbiItem, type Address } from 'viem';
import type { Page } from '@playwright/test';
import { altAirdropAbi, altGovernorAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';

const whole = (v: bigint) => new Intl.NumberFormat('en-US').format(Number(formatUnits(v, 18).split('.')[0]));

/** Every claim on the airdrop, of the three kinds (plain, to votes, staked). */
const claimLogs = async (chain: Chain) =>
  (
    await Promise.all(
      (['Claimed', 'ClaimedAndStaked', 'ClaimedToVotes'] as const).map((eventName) =>
        chain.client.getContractEvents({
          address: chain.contracts.airdrop,
          abi: altAirdropAbi,
          eventName,
          fromBlock: 0n,
        }),
      ),
    )
  ).flat();

/** The chart's table, row by row (header cell first). */
const tableOf = async (page: Page, testid: string) => {
  const chart = page.getByTestId(testid);
  await chart.getByText("Table of the chart's figures").click();
  return chart
    .locator('details table tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
};

test("a proposal's votes over its voting period: one point per block with votes, totals and quorum as the chain has them", async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const ids = await gov.ids();
  // The executed grant: the most votes of the seeded proposals.
  const id = ids[0];
  const casts = await chain.client.getLogs({
    address: chain.contracts.governor,
    event: parseAbiItem(
      'event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)',
    ),
    fromBlock: 0n,
  });
  const mine = casts.filter((l) => l.args.proposalId === id);
  expect(mine.length).toBeGreaterThan(3);
  const blocks = [...new Set(mine.map((l) => l.blockNumber))];
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
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('./#/');
  await page.getByRole('button', { name: 'Connect wallet' }).waitFor();
  expect(requested.filter((u) => /uplot/i.test(u))).toEqual([]);

  await page.goto(`./#/governance/proposals/${id}`);
  await page.getByRole('button', { name: 'Show votes over time' }).click();
  const chart = page.getByTestId('votes-chart');
  await expect(chart).toHaveAttribute('data-points', String(blocks.length));
  // Drawn once it comes into view.
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('canvas').first()).toBeVisible();
  const rows = await tableOf(page, 'votes-chart');
  const totals = [0n, 0n, 0n];
  const expected = blocks.map((block) => {
    for (const l of mine.filter((m) => m.blockNumber === block)) totals[l.args.support!] += l.args.weight!;
    return [String(block), whole(totals[1]), whole(totals[0]), whole(totals[2]), whole(quorum)];
  });
  expect(rows).toEqual(expected);
});

test('voting-power concentration on the delegates page: shares and the majority as the chain has them', async ({
  page,
  chain,
}) => {
  const changed = await chain.client.getLogs({
    address: await chain.votesToken(),
    event: parseAbiItem(
      'event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)',
    ),
    fromBlock: 0n,
  });
  const delegates = [...new Set(changed.map((l) => l.args.delegate as Address))];
  const powers = (await Promise.all(delegates.map((d) => chain.votes(d))))
    .filter((v) => v > 0n)
    .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = powers.reduce((s, v) => s + v, 0n);
  const bps = (v: bigint) => Number((v * 10_000n) / total);
  const pct = (v: bigint) => `${(bps(v) / 100).toFixed(2)}%`;
  const sum = (n: number) => powers.slice(0, n).reduce((s, v) => s + v, 0n);
  let majority = 0;
  while (sum(majority) * 2n <= total) majority++;

  await page.goto('./#/governance/delegates');
  await expect(page.getByTestId('concentration-text')).toContainText(
    `The largest delegate holds ${pct(sum(1))}, the largest 5 hold ${pct(sum(5))} and the largest 10 hold ${pct(sum(10))}.`,
  );
  await expect(page.getByTestId('concentration-text')).toContainText(
    `${majority} ${majority === 1 ? 'delegate makes' : 'delegates make'} a majority.`,
  );
  const ranks = Math.min(50, powers.length);
  await expect(page.getByTestId('concentration-chart')).toHaveAttribute('data-points', String(ranks));
  const rows = await tableOf(page, 'concentration-chart');
  expect(rows.slice(0, 3)).toEqual([1, 2, 3].map((n) => [String(n), `${(bps(sum(n)) / 100).toFixed(2)}%`, '50.00%']));
  expect(rows).toHaveLength(ranks);
  // Ranks are whole numbers on the axis too, and the legend names each line (no empty "Label:").
  const chart = page.getByTestId('concentration-chart');
  await chart.scrollIntoViewIfNeeded();
  const canvas = chart.locator('.chart-canvas');
  await expect(canvas).toHaveAttribute('data-x-ticks', /^\d+(,\d+)*$/);
  const ticks = (await canvas.getAttribute('data-x-ticks'))!.split(',').map(Number);
  expect(ticks.every((t) => Number.isInteger(t) && t >= 1)).toBe(true);
  const legend = await chart.locator('.u-legend').innerText();
  expect(legend).not.toMatch(/:\s*($|\n)/);
  expect(legend).toContain('Cumulative share');
  expect(legend).toContain('Majority');
});

test('stake per service and across operators on the staking page, as the staking contract reports it', async ({
  page,
  chain,
}) => {
  const operators = await chain.operators();
  const services = [1, 2, 4].map((bit) =>
    operators.filter((o) => o.services & bit).reduce((s, o) => s + o.totalStake, 0n),
  );
  const sorted = [...operators].sort((a, b) =>
    a.totalStake === b.totalStake ? 0 : a.totalStake > b.totalStake ? -1 : 1,
  );
  const others = sorted.slice(10).reduce((s, o) => s + o.totalStake, 0n);
  await page.goto('./#/staking');
  const perService = page.getByTestId('service-stake-chart');
  await expect(perService).toHaveAttribute('data-points', '3');
  expect(await tableOf(page, 'service-stake-chart')).toEqual(
    ['VITAL', 'MACH', 'SQUAD'].map((name, i) => [name, whole(services[i])]),
  );
  const across = page.getByTestId('operator-stake-chart');
  await expect(across).toHaveAttribute('data-points', String(operators.length > 10 ? 11 : operators.length));
  const rows = await tableOf(page, 'operator-stake-chart');
  expect(rows.map((r) => r[1])).toEqual([...sorted.slice(0, 10).map((o) => whole(o.totalStake)), whole(others)]);
  expect(rows.at(-1)![0]).toBe('Others');
  await across.scrollIntoViewIfNeeded();
  await expect(across.locator('canvas').first()).toBeVisible();
  // Bars start at zero, so a bar's height is its value: the lowest tick drawn is 0.
  for (const chart of [perService, across]) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('.chart-canvas')).toHaveAttribute('data-y-ticks', /^0,/);
  }
  // Operator names that would overlap side by side are slanted here, and upright on a phone.
  await expect(across.locator('.chart-canvas')).toHaveAttribute('data-x-labels', 'slanted');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(across.locator('.chart-canvas')).toHaveAttribute('data-x-labels', 'upright');
  await expect(perService.locator('.chart-canvas')).toHaveAttribute('data-x-labels', 'flat');
});

test("an operator's stake over time, on request: one point per block that moved it, ending at the contract's figure", async ({
  page,
  chain,
}) => {
  const operators = await chain.operators();
  const slashed = operators.find((o) => o.slashCount > 0)!;
  const staking = chain.contracts.staking;
  // Every event that moves an operator's active stake, and which of its arguments names the operator.
  const moves = [
    ['Staked', 'operator'],
    ['RewardsCompounded', 'operator'],
    ['Unstaked', 'operator'],
    ['RedelegationRequested', 'from'],
    ['Redelegated', 'to'],
    ['StakeSlashed', 'operator'],
  ] as const;
  const blocks = new Set<bigint>();
  for (const [eventName, who] of moves) {
    const logs = await chain.client.getContractEvents({
      address: staking,
      abi: altStakingAbi,
      eventName,
      fromBlock: 0n,
    });
    for (const l of logs as unknown as { args: Record<string, unknown>; blockNumber: bigint }[]) {
      // A slash of an unbonding request leaves active stake alone.
      if (eventName === 'StakeSlashed' && l.args.requestId !== 0n) continue;
      if (l.args[who] === slashed.operator) blocks.add(l.blockNumber);
    }
  }
  await page.goto(`./#/staking/operators/${slashed.operator}`);
  await page.getByRole('button', { name: 'Show stake over time' }).click();
  const chart = page.getByTestId('operator-stake-history');
  await expect(chart).toHaveAttribute('data-points', String(blocks.size + 1));
  const rows = await tableOf(page, 'operator-stake-history');
  expect(rows.at(-1)![1]).toBe(whole(slashed.totalStake));
  expect(rows.slice(1).map((r) => BigInt(r[0]))).toEqual([...blocks].sort((a, b) => (a < b ? -1 : 1)));
});

test('claimed and unclaimed ALT over the claim window, on request: one point per block with claims, ending at the contract', async ({
  page,
  chain,
}) => {
  const airdrop = chain.contracts.airdrop;
  const blocks = new Set((await claimLogs(chain)).map((l) => l.blockNumber));
  const { totalClaimed: claimed } = (await chain.client.readContract({
    address: airdrop,
    abi: altAirdropAbi,
    functionName: 'info',
  })) as { totalClaimed: bigint };
  const balance = await chain.altBalance(airdrop);
  await page.goto(`./#/airdrop?address=${DEV_ACCOUNTS[1]}`);
  await page.getByRole('button', { name: 'Show claims over the window' }).click();
  const chart = page.getByTestId('airdrop-claims-chart');
  await expect(chart).toHaveAttribute('data-points', String(blocks.size + 1));
  const rows = await tableOf(page, 'airdrop-claims-chart');
  expect(rows.at(-1)).toEqual([rows.at(-1)![0], whole(claimed), whole(balance)]);
  expect(rows.slice(1).map((r) => BigInt(r[0]))).toEqual([...blocks].sort((a, b) => (a < b ? -1 : 1)));
});

test("claimed and unclaimed ALT per category, on request: each claim split by the claimant's row in the distribution", async ({
  page,
  chain,
}) => {
  // The test's own split: every claim log's account, looked up in the distribution's CSV.
  const [header, ...lines] = readFileSync(new URL('../data/airdrop/season-one.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const ids = header.split(',').slice(1);
  const rows = new Map(lines.map((l) => l.split(',')).map(([a, ...amounts]) => [a.toLowerCase(), amounts.map(BigInt)]));
  const claimed = ids.map(() => 0n);
  for (const l of await claimLogs(chain)) {
    const { account, amount } = l.args as { account: Address; amount: bigint };
    const row = rows.get(account.toLowerCase())!;
    expect(row.reduce((s, v) => s + v, 0n)).toBe(amount);
    row.forEach((v, i) => (claimed[i] += v));
  }
  expect(claimed.some((c) => c > 0n)).toBe(true);
  const manifest = (await (await page.request.get('./airdrop/season-one/manifest.json')).json()) as {
    categories: { id: string; name: string; total: string }[];
  };
  expect(manifest.categories.map((c) => c.id)).toEqual(ids);
  await page.goto(`./#/airdrop?address=${DEV_ACCOUNTS[1]}`);
  await page.getByRole('button', { name: 'Show claims over the window' }).click();
  await page.getByRole('button', { name: 'Split the claims by category' }).click();
  const chart = page.getByTestId('airdrop-category-chart');
  await expect(chart).toHaveAttribute('data-points', String(ids.length));
  expect(await tableOf(page, 'airdrop-category-chart')).toEqual(
    manifest.categories.map((c, i) => [c.name, whole(claimed[i]), whole(BigInt(c.total) - claimed[i])]),
  );
});
