/**
 * ENS primary names on the devnet's own ENS (devnet/ens.ts): each delegate's name shows beside its
 * address, exactly where viem's getEnsName (the universal resolver's reverse lookup, verified forward)
 * answers one; a delegate that set another's name as its own shows none.
 */
import { namehash } from 'viem';
import { getEnsName } from 'viem/actions';
import { mnemonicToAccount } from 'viem/accounts';
import { BORROWED_NAME, ENS_NAMES, ROLES } from '../devnet/seed.ts';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { governor } from './fixtures/governor.ts';
import { altGovernorAbi } from '../src/lib/contracts/generated.ts';

const MNEMONIC = 'test test test test test test test test test test test junk';
const borrower = mnemonicToAccount(MNEMONIC, {
  addressIndex: ROLES.operators.from + BORROWED_NAME.operatorIndex,
}).address;

test('the delegates list shows the verified ENS name beside each address, as viem resolves it', async ({
  page,
  chain,
}) => {
  const universalResolverAddress = chain.contracts.ensUniversalResolver!;
  await page.goto('./#/governance/delegates');
  const rows = page.getByRole('table', { name: 'Delegates by voting power' }).locator('tbody tr');
  await expect(rows.first().getByTestId('ens-name')).toHaveText(ENS_NAMES.dev1);
  const addresses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-delegate')!));
  expect(addresses.length).toBeGreaterThan(3);
  let named = 0;
  for (const address of addresses) {
    const row = page.locator(`tr[data-delegate="${address}"]`);
    const expected = await getEnsName(chain.client, { address: address as `0x${string}`, universalResolverAddress });
    // Beside, never instead of: the full address is always there.
    await expect(row.locator('code')).toHaveText(address);
    if (expected) {
      named++;
      await expect(row.getByTestId('ens-name')).toHaveText(expected);
    } else await expect(row.getByTestId('ens-name')).toHaveCount(0);
  }
  expect(named).toBeGreaterThanOrEqual(3);
  for (const address of [DEV_ACCOUNTS[1], DEV_ACCOUNTS[3], SEEDED_SAFE_ADDRESS]) expect(addresses).toContain(address);
  // The borrowed name: set as the operator's primary name, but it resolves to dev #1.
  expect(
    await chain.client.readContract({
      address: universalResolverAddress,
      abi: [
        {
          type: 'function',
          name: 'addr',
          stateMutability: 'view',
          inputs: [{ type: 'bytes32' }],
          outputs: [{ type: 'address' }],
        },
      ],
      functionName: 'addr',
      args: [namehash(BORROWED_NAME.name)],
    }),
  ).toBe(DEV_ACCOUNTS[1]);
  if (addresses.includes(borrower))
    await expect(page.locator(`tr[data-delegate="${borrower}"]`).getByTestId('ens-name')).toHaveCount(0);
});

test("a delegate's page names it beside its address; the borrower's names nobody", async ({ page }) => {
  await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[3]}`);
  await expect(page.getByTestId('ens-name')).toHaveText(ENS_NAMES.dev3);
  await expect(page.getByTestId('delegate-power')).toBeVisible();
  await page.goto(`./#/governance/delegates/${SEEDED_SAFE_ADDRESS}`);
  await expect(page.getByTestId('ens-name')).toHaveText(ENS_NAMES.safe);
  await page.goto(`./#/governance/delegates/${borrower}`);
  await expect(page.getByTestId('delegate-power')).toBeVisible();
  await expect(page.getByText(ENS_NAMES.dev1)).toHaveCount(0);
  await expect(page.getByTestId('ens-name')).toHaveCount(0);
});

test("a proposal's proposer shows its verified name beside its address, as the delegates page does", async ({
  page,
  chain,
}) => {
  const gov = governor(chain);
  const mine: bigint[] = [];
  for (const id of await gov.ids())
    if (
      (await chain.client.readContract({
        address: chain.contracts.governor,
        abi: altGovernorAbi,
        functionName: 'proposalProposer',
        args: [id],
      })) === DEV_ACCOUNTS[1]
    )
      mine.push(id);
  expect(mine.length).toBeGreaterThan(0);
  await page.goto(`./#/governance/proposals/${mine[0]}`);
  const proposer = page.getByText('Proposer:').locator('..');
  await expect(proposer).toContainText(`${ENS_NAMES.dev1} ${DEV_ACCOUNTS[1]}`);
});
