/**
 * Delegate statements from the on-chain registry: seeded ones show on the delegate's page and in the
 * delegates list; a delegate publishes one in one transaction and it shows in both, as the chain has it.
 */
import { delegateStatementsAbi } from '../src/lib/contracts/generated.ts';
import { STATEMENTS } from '../devnet/seed.ts';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS, devnetContracts } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';

const registry = devnetContracts().statements!;

test("the seeded delegates' statements show on their pages and in the list", async ({ page }) => {
  await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[1]}`);
  const statement = page.getByLabel('Delegate statement');
  await expect(statement.getByRole('heading', { name: 'Security before growth' })).toBeVisible();
  await expect(statement.locator('strong')).toHaveText('client diversity');
  await expect(page.getByRole('list', { name: 'Statement links' })).toContainText('(forum.altlayer.example)');
  await page.goto(`./#/governance/delegates/${SEEDED_SAFE_ADDRESS}`);
  await expect(page.getByLabel('Delegate statement')).toContainText('each vote needs two of us');
  await page.goto('./#/governance/delegates');
  await expect(page.locator(`tr[data-delegate="${DEV_ACCOUNTS[1]}"] [data-testid="statement-excerpt"]`)).toHaveText(
    'Security before growth',
  );
  await expect(page.locator(`tr[data-delegate="${DEV_ACCOUNTS[3]}"] [data-testid="statement-excerpt"]`)).toHaveText(
    STATEMENTS.dev3.text,
  );
});

test.describe('a delegate (#3)', () => {
  test.use({ walletOptions: { accountIndex: 3, chainId: 31337 } });

  test('publishes a statement in one transaction; it shows on the page and in the list', async ({
    page,
    chain,
    wallet,
  }) => {
    await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[3]}`);
    await connectWallet(page);
    await page.getByRole('button', { name: 'Edit your statement' }).click();
    const form = page.getByRole('form', { name: 'Your delegate statement' });
    await expect(form.getByLabel(/What you stand for/)).toHaveValue(STATEMENTS.dev3.text);
    await form.getByLabel(/Links/).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(form.getByRole('alert')).toHaveText('Links must be https addresses: javascript:alert(1)');
    const text = '## Faster exits, safely\n\nI vote for **milestone-based** grants.';
    await form.getByLabel(/What you stand for/).fill(text);
    await form.getByLabel(/Links/).fill('https://forum.altlayer.example/u/third\n');
    await wallet.clearRequests();
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Statement published in block')).toBeVisible();
    expect(await wallet.prompts()).toEqual(['eth_sendTransaction']);
    const [onChain, links, updatedAt] = await chain.client.readContract({
      address: registry,
      abi: delegateStatementsAbi,
      functionName: 'statementOf',
      args: [DEV_ACCOUNTS[3]],
    });
    expect([onChain, links]).toEqual([text, ['https://forum.altlayer.example/u/third']]);
    expect(updatedAt).toBe(BigInt(await chain.now()));
    await expect(
      page.getByLabel('Delegate statement').getByRole('heading', { name: 'Faster exits, safely' }),
    ).toBeVisible();
    await page.goto('./#/governance/delegates');
    await expect(page.locator(`tr[data-delegate="${DEV_ACCOUNTS[3]}"] [data-testid="statement-excerpt"]`)).toHaveText(
      'Faster exits, safely',
    );
  });

  test("sees no edit button on another delegate's page", async ({ page }) => {
    await page.goto(`./#/governance/delegates/${DEV_ACCOUNTS[1]}`);
    await connectWallet(page);
    await expect(page.getByLabel('Delegate statement')).toBeVisible();
    await expect(page.getByRole('button', { name: /statement/ })).toHaveCount(0);
  });
});
