import { altGovernorAbi } from '../src/lib/contracts/generated.ts';
import { governor } from './fixtures/governor.ts';
import { STATES } from '../src/lib/governance/proposal-text.ts';
import { expect, test } from './fixtures/index.ts';

test('the proposal list shows every proposal newest first with the state the governor reports', async ({
  page,
  chain,
}) => {
  const gov = { address: chain.contracts.governor, abi: altGovernorAbi } as const;
  const count = Number(await chain.client.readContract({ ...gov, functionName: 'proposalCount' }));
  await page.goto('./#/governance');
  const list = page.getByRole('list', { name: 'Proposals' });
  await expect(page.getByText(`${count} proposals · as of block`)).toBeVisible();
  await expect(list.locator('li[data-proposal]')).toHaveCount(Math.min(count, 10));
  for (let i = count - 1; i >= Math.max(0, count - 10); i--) {
    const [id] = await chain.client.readContract({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] });
    const state = STATES[await chain.client.readContract({ ...gov, functionName: 'state', args: [id] })];
    await expect(list.locator(`li[data-proposal="${id}"]`)).toContainText(state);
  }
  await expect(list.locator('li[data-proposal]').first()).toContainText(
    'AIP-10: Set the staking reward rate to 0.2 ALT per second',
  );
  await expect(list.locator('li[data-proposal]').last()).toContainText(
    'AIP-1: Fund the VITAL verifier grants programme',
  );
  await page.getByLabel('State on this page').selectOption('Active');
  await expect(list.locator('li[data-proposal]')).toHaveCount(3);
});

test("a returning visitor's page is read in one round trip, and a proposal created since still comes first", async ({
  page,
  chain,
}) => {
  const gov = { address: chain.contracts.governor, abi: altGovernorAbi } as const;
  const count = Number(await chain.client.readContract({ ...gov, functionName: 'proposalCount' }));
  // eth_calls the page sends until its list shows.
  const calls = async () => {
    let n = 0;
    const count = (r: import('@playwright/test').Request) =>
      (n += (r.postData()?.match(/"method":"eth_call"/g) ?? []).length);
    page.on('request', count);
    return () => (page.off('request', count), n);
  };
  const list = page.getByRole('list', { name: 'Proposals' });
  let stop = await calls();
  await page.goto('./#/governance');
  await expect(list.locator('li[data-proposal]')).toHaveCount(Math.min(count, 10));
  const first = stop();
  stop = await calls();
  await page.reload();
  await expect(list.locator('li[data-proposal]')).toHaveCount(Math.min(count, 10));
  const again = stop();
  // The count, the page's ids and their states were three batches; a returning visit's is one.
  expect(first - again).toBe(2);

  // A proposal created since moves every index: the page is read the long way, newest first.
  const id = await governor(chain).proposeText('# AIP-77: Created since');
  await page.reload();
  await expect(page.getByText(`${count + 1} proposals · as of block`)).toBeVisible();
  await expect(list.locator('li[data-proposal]').first()).toHaveAttribute('data-proposal', String(id));
  await expect(list.locator('li[data-proposal]').first()).toContainText('AIP-77: Created since');
  for (let i = count; i >= Math.max(0, count - 9); i--) {
    const [pid] = await chain.client.readContract({ ...gov, functionName: 'proposalDetailsAt', args: [BigInt(i)] });
    const state = STATES[await chain.client.readContract({ ...gov, functionName: 'state', args: [pid] })];
    await expect(list.locator(`li[data-proposal="${pid}"]`)).toContainText(state);
  }
});
