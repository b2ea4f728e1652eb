/**
 * A proposal's pre-flight: the seeded AIP-9 asks the treasury for more than it holds and would
 * revert; AIP-8 would succeed and move 10,000,000 ALT from the treasury to staking. The test then
 * passes, queues and executes AIP-8 for real and checks the simulated movements against the
 * balances the execution changed. A provider without eth_simulateV1 gets each action alone.
 */
import type { Page } from '@playwright/test';
import { parseEther, type Address } from 'viem';
import { altGovernorAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { send } from '../devnet/client.ts';
import { DEV_ACCOUNTS, RPC_URL, type Chain } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';

const preflight = (page: Page) => page.getByTestId('preflight');
const verdict = (page: Page) => page.getByTestId('preflight-verdict');

async function proposalTitled(chain: Chain, prefix: string) {
  const gov = governor(chain);
  const ids = await gov.ids();
  // The seeded order: AIP-8 at index 7, AIP-9 at index 8.
  const id = ids[prefix === 'AIP-8' ? 7 : 8];
  expect(await gov.state(id)).toBe('Active');
  return id;
}

test('a proposal asking the treasury for more than it holds shows it would revert, and why', async ({
  page,
  chain,
}) => {
  const id = await proposalTitled(chain, 'AIP-9');
  await page.goto(`./#/governance/proposals/${id}`);
  await expect(page.getByRole('heading', { name: /AIP-9: Ecosystem fund/ })).toBeVisible();
  await expect(verdict(page)).toContainText('Would revert at action 1');
  const treasury = await chain.altBalance(chain.contracts.timelock);
  await expect(verdict(page)).toContainText(
    `ERC20InsufficientBalance(${chain.contracts.timelock}, ${treasury}, ${parseEther('5000000000')})`,
  );
  await expect(preflight(page)).toContainText('An execution reverts as a whole: nothing would move.');
  await expect(preflight(page)).toContainText(/Simulated at block \d+ as the executor/);
});

test('a proposal that would succeed shows what would move, and the execution moves exactly that', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const id = await proposalTitled(chain, 'AIP-8');
  const { alt, staking, timelock, governor: governorAddress } = chain.contracts;
  await page.goto(`./#/governance/proposals/${id}`);
  await expect(verdict(page)).toContainText('Would succeed');
  const movements = preflight(page).getByRole('list', { name: 'Simulated token movements' }).locator('li');
  await expect(movements).toHaveCount(1);
  await expect(movements.first()).toContainText('10,000,000 ALT from Treasury (timelock)');
  await expect(movements.first()).toContainText(`to Staking ${staking}`);
  await expect(preflight(page).getByRole('list', { name: 'Simulated parameter changes' })).toContainText(
    'rewardsReserve',
  );

  // Now for real: the two largest holders vote for it, it is queued and, after the delay, executed.
  const before = { treasury: await chain.altBalance(timelock), staking: await chain.altBalance(staking) };
  for (const who of [DEV_ACCOUNTS[1], DEV_ACCOUNTS[3]]) if (!(await gov.hasVoted(id, who))) await gov.vote(who, id, 1);
  await chain.advance((await gov.votingPeriod()) + 1);
  expect(await gov.state(id)).toBe('Succeeded');
  const g = { address: governorAddress, abi: altGovernorAbi } as const;
  await send(chain.client, DEV_ACCOUNTS[5], { ...g, functionName: 'queue', args: [id] });
  await page.reload();
  await expect(verdict(page)).toContainText('Would succeed');
  await chain.advance(2 * 86_400 + 1);
  await send(chain.client, DEV_ACCOUNTS[5], { ...g, functionName: 'execute', args: [id] });
  expect(await gov.state(id)).toBe('Executed');
  const moved = parseEther('10000000');
  expect(before.treasury - (await chain.altBalance(timelock))).toBe(moved);
  expect((await chain.altBalance(staking)) - before.staking).toBe(moved);
  // The approval the proposal gave was spent in full: nothing left to move.
  expect(
    await chain.client.readContract({
      address: alt,
      abi: altLayerTokenAbi,
      functionName: 'allowance',
      args: [timelock, staking as Address],
    }),
  ).toBe(0n);
});

test('without eth_simulateV1 each action is tried alone, and the page says so', async ({ page, chain }) => {
  // The provider answers everything but eth_simulateV1, which it does not know.
  await page.route(RPC_URL, async (route) => {
    const body = JSON.parse(route.request().postData() ?? 'null');
    const calls = Array.isArray(body) ? body : [body];
    if (!calls.some((c) => c.method === 'eth_simulateV1')) return route.continue();
    const refused = (c: { id: number }) => ({
      jsonrpc: '2.0',
      id: c.id,
      error: { code: -32601, message: 'the method eth_simulateV1 does not exist/is not available' },
    });
    const rest = calls.filter((c) => c.method !== 'eth_simulateV1');
    const answered = rest.length
      ? ((await (
          await fetch(RPC_URL, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(rest),
          })
        ).json()) as { id: number }[])
      : [];
    const answers = calls.map((c) =>
      c.method === 'eth_simulateV1' ? refused(c) : answered.find((a) => a.id === c.id),
    );
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify(Array.isArray(body) ? answers : answers[0]),
    });
  });
  const revertId = await proposalTitled(chain, 'AIP-9');
  await page.goto(`./#/governance/proposals/${revertId}`);
  await expect(verdict(page)).toContainText('Would revert at action 1');
  await expect(verdict(page)).toContainText('ERC20InsufficientBalance');
  await expect(preflight(page)).toContainText('This provider has no eth_simulateV1');
  const okId = await proposalTitled(chain, 'AIP-8');
  await page.goto(`./#/governance/proposals/${okId}`);
  // Each alone: the approval succeeds, and funding (without the approval before it) fails alone,
  // which the page does not call the proposal's verdict.
  await expect(verdict(page)).toContainText('Action 2 fails when tried alone');
  await expect(verdict(page)).toContainText('It may need the actions before it');
  await expect(
    preflight(page).getByRole('list', { name: 'Outcome of each action' }).locator('li').first(),
  ).toContainText('Action 1: succeeds');
});
