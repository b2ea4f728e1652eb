/**
 * A slash too large for one transaction: governance records it, the operator's page shows how much is
 * left and what it blocks, and anyone finishes it from the page, a page of 64 at a time.
 */
import { parseEther, type Address } from 'viem';
import { asImpersonated, send } from '../devnet/client.ts';
import { altLayerTokenAbi, altStakingAbi } from '../src/lib/contracts/generated.ts';
import type { Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { OperatorPage } from './pages/operator-page.ts';

/** `count` fresh accounts each stake 100 ALT with `operator` (ALT the treasury sends them: the supply is at its cap). */
async function crowd(chain: Chain, operator: Address, count: number) {
  const members = Array.from(
    { length: count },
    (_, i) => `0x${(0x5a5a0000 + i).toString(16).padStart(40, '0')}` as Address,
  );
  const alt = { address: chain.contracts.alt, abi: altLayerTokenAbi } as const;
  await asImpersonated(chain.client, chain.contracts.timelock, async () => {
    for (const who of members) {
      await send(chain.client, chain.contracts.timelock, {
        ...alt,
        functionName: 'transfer',
        args: [who, parseEther('100')],
      });
    }
  });
  for (const who of members) {
    await asImpersonated(chain.client, who, async () => {
      await send(chain.client, who, {
        ...alt,
        functionName: 'approve',
        args: [chain.contracts.staking, parseEther('100')],
      });
      await send(chain.client, who, {
        address: chain.contracts.staking,
        abi: altStakingAbi,
        functionName: 'stake',
        args: [operator, parseEther('100')],
      });
    });
  }
}

test.describe('a slash applied in pages (#2)', () => {
  test.use({ walletOptions: { accountIndex: 2, chainId: 31337 } });

  test('shows what is left and what it blocks, and anyone applies the next page from the page', async ({
    page,
    chain,
    wallet,
  }) => {
    void wallet;
    const operator = (await chain.operators())[3].operator;
    await crowd(chain, operator, 40);
    await chain.slash(operator, 500n, 'Missed 12 MACH attestations', true);
    const [fraction, positionsLeft, requestsLeft] = await chain.slashInProgress(operator);
    expect(fraction).toBe(500n);
    expect(positionsLeft + requestsLeft).toBeGreaterThan(0n);

    const ui = new OperatorPage(page);
    await ui.goto(operator);
    const section = page.getByRole('region', { name: 'Being slashed' });
    await expect(section).toContainText('Governance slashed 5% of this operator');
    await expect(section.getByTestId('slash-left')).toHaveText(
      `${positionsLeft.toLocaleString('en-US')} positions and ${requestsLeft.toLocaleString('en-US')} unbonding request${requestsLeft === 1n ? '' : 's'} are still to be cut`,
    );
    await expect(section).toContainText('nobody can stake with');
    await ui.connect();
    await section.getByRole('button', { name: 'Apply the next 64' }).click();
    await ui.confirmed('Apply the next part of');
    expect((await chain.slashInProgress(operator))[0]).toBe(0n);
    await expect(section).toBeHidden();
    await expect(page.locator('blockquote.reason').first()).toHaveText('Missed 12 MACH attestations');
    const info = (await chain.operators()).find((o) => o.operator === operator)!;
    expect(info.slashing).toBe(false);
    expect(info.slashCount).toBeGreaterThan(0);
  });
});
