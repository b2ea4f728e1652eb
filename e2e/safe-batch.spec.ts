/**
 * A Safe's owners who act in Safe{Wallet}'s own interface: an owner views the Safe here in read-only
 * mode, prepares an action, and exports it in the Transaction Builder's JSON. The test then does
 * what the Builder does with the file (one transaction sent as is, several as one MultiSend), has
 * two of the Safe's three owners sign and execute it, and reads the chain.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseEther, type Address, type Hex } from 'viem';
import { altGovernorAbi } from '../src/lib/contracts/generated.ts';
import { multiSendTx } from '../src/lib/web3/safe.ts';
import { runSafeTx } from '../devnet/safe.ts';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS as SAFE, type Chain } from './fixtures/chain.ts';
import { governor } from './fixtures/governor.ts';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';

/** The owner preparing the file (the connected wallet) and the second owner who executes. */
const OWNER = DEV_ACCOUNTS[7];
const SECOND_OWNER = DEV_ACCOUNTS[8];
test.use({ walletOptions: { accountIndex: 7, chainId: 31337 } });

/** Clicks the export in `scope`, and returns the downloaded batch after checking what every batch holds. */
async function exportBatch(page: Page, scope: ReturnType<Page['locator']>) {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: 'Export for Safe Transaction Builder' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(new RegExp(`^safe-batch-${SAFE}-[a-z0-9-]+\\.json$`));
  const batch = JSON.parse(readFileSync((await saved.path())!, 'utf8'));
  expect(batch).toMatchObject({
    version: '1.0',
    chainId: '31337',
    meta: { createdFromSafeAddress: SAFE, createdFromOwnerAddress: OWNER },
  });
  expect(batch.meta.checksum).toMatch(/^0x[0-9a-f]{64}$/);
  return batch as { meta: { name: string }; transactions: { to: Address; value: string; data: Hex }[] };
}

/** The batch as the Builder proposes it: one call as itself, several through MultiSendCallOnly; two owners sign. */
async function execute(chain: Chain, batch: Awaited<ReturnType<typeof exportBatch>>) {
  const calls = batch.transactions.map((t) => ({ to: t.to, value: BigInt(t.value), data: t.data }));
  const tx = calls.length === 1 ? { ...calls[0], value: calls[0].value, operation: 0 as const } : multiSendTx(calls);
  const receipt = await runSafeTx(chain.client, SAFE, [OWNER, SECOND_OWNER], tx);
  expect(receipt.status).toBe('success');
}

const view = async (page: Page, path: string) => {
  await page.goto(`./#${path}?address=${SAFE}`);
  await connectWallet(page);
};

test('a vote exported for the Safe Transaction Builder is cast when the Safe executes the batch', async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const id = (await gov.ids())[7];
  expect(await gov.state(id)).toBe('Active');
  expect(await gov.hasVoted(id, SAFE)).toBe(false);
  await view(page, `/governance/proposals/${id}`);
  const form = page.getByRole('form', { name: 'Cast your vote' });
  // Nothing chosen yet: the export says what is missing instead of writing a file.
  await form.getByRole('button', { name: 'Export for Safe Transaction Builder' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose For, Against or Abstain first.');
  await form.getByLabel('Against').check();
  await form.getByLabel(/^Reason/).fill('Signed by two of three, in Safe{Wallet}.');
  const batch = await exportBatch(page, form);
  expect(batch.transactions).toHaveLength(1);
  expect(batch.transactions[0].to).toBe(chain.contracts.governor);
  await execute(chain, batch);
  expect(await gov.hasVoted(id, SAFE)).toBe(true);
  const logs = await chain.client.getContractEvents({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    eventName: 'VoteCast',
    args: { voter: SAFE },
    fromBlock: 'earliest',
  });
  expect(logs.at(-1)!.args).toMatchObject({
    proposalId: id,
    support: 0,
    reason: 'Signed by two of three, in Safe{Wallet}.',
  });
});

test('a delegation exported for the Safe moves its votes when executed', async ({ page, chain }) => {
  const mine = await chain.votes(SAFE);
  const theirs = await chain.votes(DEV_ACCOUNTS[3]);
  await view(page, '/governance');
  const card = page.locator('#your-votes');
  await card.getByLabel(/^Delegate to/).fill(DEV_ACCOUNTS[3]);
  const batch = await exportBatch(page, card);
  expect(batch.meta.name).toBe(`Delegate votes to ${DEV_ACCOUNTS[3]}`);
  await execute(chain, batch);
  expect(await chain.delegateOf(SAFE)).toBe(DEV_ACCOUNTS[3]);
  expect(await chain.votes(DEV_ACCOUNTS[3])).toBe(theirs + mine);
});

test('a stake exported for the Safe approves exactly and stakes, in one MultiSend', async ({ page, chain }) => {
  const operator = (await chain.operators())[5].operator as Address;
  const principal = async () => (await chain.staker(SAFE))[0].find((p) => p.operator === operator)?.principal ?? 0n;
  expect(await principal()).toBe(0n);
  await view(page, `/staking/operators/${operator}`);
  const form = page.getByRole('form', { name: 'Stake', exact: true });
  await form.getByLabel('Amount to stake').fill('1500');
  const risk = form.getByLabel('I understand these risks');
  if (await risk.count()) await risk.check();
  const batch = await exportBatch(page, form);
  expect(batch.transactions.map((t) => t.to)).toEqual([chain.contracts.alt, chain.contracts.staking]);
  await execute(chain, batch);
  expect(await principal()).toBe(parseEther('1500'));
  // The approval was exactly what the stake took.
  expect(await chain.stakingAllowance(SAFE)).toBe(0n);
});

test('an unstake exported for the Safe opens its unbonding request when executed', async ({ page, chain }) => {
  const [positions, requests] = await chain.staker(SAFE);
  const position = positions.find((p) => p.stake > parseEther('100'))!;
  expect(position).toBeDefined();
  await view(page, `/staking/operators/${position.operator}`);
  const form = page.getByRole('form', { name: 'Unstake' });
  await form.getByLabel('Amount to unstake').fill('100');
  const batch = await exportBatch(page, form);
  await execute(chain, batch);
  const [after, afterRequests] = await chain.staker(SAFE);
  expect(after.find((p) => p.operator === position.operator)!.stake).toBe(position.stake - parseEther('100'));
  expect(afterRequests).toHaveLength(requests.length + 1);
  expect(afterRequests.at(-1)).toMatchObject({ operator: position.operator, amount: parseEther('100') });
});

test('a claim exported for the Safe claims its allocation to the Safe when executed', async ({ page, chain }) => {
  const claimed = () => chain.claimed(SAFE);
  const before = await chain.altBalance(SAFE);
  await view(page, '/airdrop');
  const panel = page.getByRole('article', { name: 'Claim' });
  const batch = await exportBatch(page, panel);
  expect(batch.transactions[0].to).toBe(chain.contracts.airdrop);
  await execute(chain, batch);
  expect(await claimed()).toBe(true);
  expect((await chain.altBalance(SAFE)) - before).toBe(parseEther('25000'));
});

test('an address that is not a Safe is offered no batch', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Export for Safe Transaction Builder' });
  // A Safe viewed read-only is offered the export once the app has read that it is one…
  await page.goto(`./#/governance?address=${SAFE}`);
  await expect(button).toBeVisible();
  // …an account that is not a Safe never is, once the same read has answered.
  await page.goto(`./#/governance?address=${DEV_ACCOUNTS[3]}`);
  await expect(page.locator('#your-votes').getByTestId('votes-read-only')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(button).toHaveCount(0);
});
