/**
 * Any OpenZeppelin Governor with GovernorStorage works with only config.json changed: here one on a
 * block-number clock, with no timelock, whose votes token is a plain ERC20Votes of its own.
 */
import { encodeFunctionData, parseEther, type Address } from 'viem';
import { deploy, send } from '../devnet/client.ts';
import { blockVotesTokenAbi, minimalGovernorAbi } from '../src/lib/contracts/generated.ts';
import { blockVotesTokenBytecode, minimalGovernorBytecode } from '../devnet/bytecode.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { GovernancePage } from './pages/governance-page.ts';

test.use({ walletOptions: { accountIndex: 1, chainId: 31337 } });

test('a block-clock governor without a timelock lists, shows and takes a vote', async ({ page, chain }) => {
  const holder = DEV_ACCOUNTS[1];
  const token = await deploy(
    chain.client,
    holder,
    { abi: blockVotesTokenAbi, bytecode: blockVotesTokenBytecode, args: [holder, parseEther('1000000')] },
    'BlockVotesToken',
  );
  await send(chain.client, holder, {
    address: token.address,
    abi: blockVotesTokenAbi,
    functionName: 'delegate',
    args: [holder],
  });
  const minimal = await deploy(
    chain.client,
    holder,
    { abi: minimalGovernorAbi, bytecode: minimalGovernorBytecode, args: [token.address, 2, 50] },
    'MinimalGovernor',
  );
  const gov = { address: minimal.address, abi: minimalGovernorAbi } as const;
  await chain.client.mine({ blocks: 1 });
  const calldata = encodeFunctionData({
    abi: blockVotesTokenAbi,
    functionName: 'transfer',
    args: [DEV_ACCOUNTS[9], 1n],
  });
  const description = '# BIP-1: Pay one token\n\nA proposal on a governor with its own clock and token.';
  await send(chain.client, holder, {
    ...gov,
    functionName: 'propose',
    args: [[token.address], [0n], [calldata], description],
  });
  const [id] = await chain.client.readContract({ ...gov, functionName: 'proposalDetailsAt', args: [0n] });
  await chain.client.mine({ blocks: 3 });

  // Only config.json changes: the same chain, another governor, no timelock.
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    const devnet = config.chains.find((c: { id: number }) => c.id === 31337);
    const { timelock: _timelock, ...contracts } = devnet.contracts as Record<string, Address>;
    devnet.contracts = { ...contracts, governor: minimal.address };
    await route.fulfill({ json: config });
  });
  const ui = new GovernancePage(page);
  await ui.gotoList();
  const row = page.locator(`li[data-proposal="${id}"]`);
  await expect(row).toContainText('BIP-1: Pay one token');
  await expect(row).toContainText('Active');
  await expect(row).toContainText(/block/);
  await ui.gotoProposal(id);
  await expect(ui.state()).toHaveText('Active');
  // A Governor is Pending at its snapshot block: the first block that takes votes is the next one.
  const snapshot = await chain.client.readContract({ ...gov, functionName: 'proposalSnapshot', args: [id] });
  await expect(page.getByTestId('voting-starts')).toContainText(
    `Voting starts block ${(snapshot + 1n).toLocaleString('en-US')}`,
  );
  await expect(page.getByText('Description verified against the hash stored on-chain.')).toBeVisible();
  // The governor itself executes: actions name it, never "the treasury".
  await expect(page.getByRole('list', { name: 'Actions' })).not.toContainText('treasury');
  await ui.connect();
  await expect(ui.voteForm().getByTestId('snapshot-votes')).toHaveText(formatToken(parseEther('1000000'), 'BVT'));
  await ui.vote('For', 'Block clocks count too');
  await ui.confirmed('Vote For');
  expect(await chain.client.readContract({ ...gov, functionName: 'hasVoted', args: [id, holder] })).toBe(true);
  await expect(page.locator('[data-tally="for"]')).toHaveText(formatToken(parseEther('1000000'), 'BVT'));
  // Tallies, quorum and voting power are named by this votes token's own symbol: nothing on the
  // proposal page (its bar's caption and screen-reader label included) calls them ALT.
  await expect(page.locator('.vote-figures')).toContainText('BVT');
  const named = async () =>
    page
      .locator('main')
      .evaluate((main) =>
        [
          (main as HTMLElement).innerText,
          ...[...main.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
        ].join('\n'),
      );
  expect(await named()).not.toMatch(/\bALT\b/);
  await ui.gotoList();
  await expect(row.locator('.vote-figures')).toContainText('BVT');
  expect(await page.locator(`li[data-proposal="${id}"]`).evaluate((li) => li.innerHTML)).not.toMatch(/\bALT\b/);
  await expect(ui.delegation().getByTestId('voting-power')).toHaveText(formatToken(parseEther('1000000'), 'BVT'));
});
