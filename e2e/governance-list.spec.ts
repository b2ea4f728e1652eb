import { altGovernorAbi } from '../src/lib/contracts/generated.ts';
import { STATES } from '../src/features/governance/proposal-text.ts';
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
    'AIP-9: Set the staking reward rate to 0.2 ALT per second',
  );
  await expect(list.locator('li[data-proposal]').last()).toContainText(
    'AIP-1: Fund the VITAL verifier grants programme',
  );
  await page.getByLabel('State on this page').selectOption('Active');
  await expect(list.locator('li[data-proposal]')).toHaveCount(2);
});
