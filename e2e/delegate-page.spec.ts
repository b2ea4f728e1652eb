/**
 * A delegate's page as the chain has it. Participation equals what the test computes itself from the
 * governor's ProposalCreated logs (ids and snapshots), getPastVotes at each snapshot and hasVoted.
 */
import { parseAbiItem, type Address } from 'viem';
import { altGovernorAbi, altVotesAbi } from '../src/lib/contracts/generated.ts';
import { DEV_ACCOUNTS, SEEDED_SAFE_ADDRESS, type Chain } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { ENS_NAMES } from '../devnet/seed.ts';
import { governor } from './fixtures/governor.ts';
import { send } from '../devnet/client.ts';
import { connectWallet } from './pages/connect.ts';
import { formatToken } from '../src/lib/format/amount.ts';

async function expected(chain: Chain, delegate: Address) {
  const governor = chain.contracts.governor;
  const votesToken = await chain.votesToken();
  const created = await chain.client.getLogs({
    address: governor,
    event: parseAbiItem(
      'event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)',
    ),
    fromBlock: 0n,
  });
  const clock = await chain.client.readContract({ address: governor, abi: altGovernorAbi, functionName: 'clock' });
  const rows: { voted: boolean }[] = [];
  for (const log of created) {
    const { proposalId, voteStart } = log.args as { proposalId: bigint; voteStart: bigint };
    if (voteStart >= BigInt(clock)) continue;
    const power = await chain.client.readContract({
      address: votesToken,
      abi: altVotesAbi,
      functionName: 'getPastVotes',
      args: [delegate, voteStart],
    });
    if (power === 0n) continue;
    const voted = await chain.client.readContract({
      address: governor,
      abi: altGovernorAbi,
      functionName: 'hasVoted',
      args: [proposalId, delegate],
    });
    rows.push({ voted });
  }
  const text = (list: { voted: boolean }[]) => {
    const voted = list.filter((r) => r.voted).length;
    return list.length === 0
      ? 'No proposal yet'
      : `${voted} of ${list.length} (${Math.round((voted * 100) / list.length)}%)`;
  };
  return { all: text(rows), last10: text(rows.slice(-10)), eligible: rows.length };
}

for (const [name, delegate] of [
  ['the largest delegate (#1)', DEV_ACCOUNTS[1]],
  ['the Safe', SEEDED_SAFE_ADDRESS],
  ['a holder of plain ALT only (#5)', DEV_ACCOUNTS[5]],
] as const) {
  test(`participation of ${name} equals what the chain says`, async ({ page, chain }) => {
    const want = await expected(chain, delegate);
    await page.goto(`./#/governance/delegates/${delegate}`);
    await expect(page.getByTestId('participation-all')).toHaveText(want.all);
    await expect(page.getByTestId('participation-last10')).toHaveText(want.last10);
    if (delegate === DEV_ACCOUNTS[1]) expect(want.eligible).toBeGreaterThan(3);
  });
}

test("the delegates list shows each delegate's participation as the chain has it, and sorts by it", async ({
  page,
  chain,
}) => {
  await page.goto('./#/governance/delegates');
  const rows = page.getByRole('table', { name: 'Delegates by voting power' }).locator('tbody tr');
  await expect(rows.first().getByTestId('participation')).not.toHaveText('…');
  const addresses = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-delegate')!))) as Address[];
  // The first ten rows, each against the test's own reading of the chain.
  for (const address of addresses.slice(0, 10))
    await expect(page.locator(`tr[data-delegate="${address}"]`).getByTestId('participation')).toHaveText(
      (await expected(chain, address)).last10,
    );
  await page.getByLabel('Sort by').selectOption({ label: 'Participation, last 10 proposals' });
  await expect(page.getByText("Reading every delegate's participation…")).toHaveCount(0);
  await expect(rows.first().getByTestId('participation')).not.toHaveText('…');
  const rate = (text: string) => {
    const m = /^(\d+) of (\d+)/.exec(text);
    return m ? Number(m[1]) / Number(m[2]) : -1;
  };
  const shown = (await rows.getByTestId('participation').allTextContents()).map((t) => rate(t.trim()));
  expect(shown.length).toBeGreaterThan(3);
  for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeLessThanOrEqual(shown[i - 1]);
  // The top row's figure is the chain's too.
  const top = (await rows.first().getAttribute('data-delegate')) as Address;
  await expect(rows.first().getByTestId('participation')).toHaveText((await expected(chain, top)).last10);
});

test('a vote cast now counts in the participation shown after it, and in the For/Against/Abstain counts', async ({
  page,
  chain,
}) => {
  const voter = DEV_ACCOUNTS[3];
  const gov = governor(chain);
  const before = await expected(chain, voter);
  let open: bigint | undefined;
  for (const id of await gov.ids())
    if ((await gov.state(id)) === 'Active' && !(await gov.hasVoted(id, voter))) open = id;
  expect(open, 'an open proposal #3 has not voted on').toBeDefined();
  await send(chain.client, voter, {
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    functionName: 'castVoteWithReason',
    args: [open!, 2, 'Abstaining until the audit lands.'],
  });
  const after = await expected(chain, voter);
  expect(after.all).not.toBe(before.all);
  await page.goto(`./#/governance/delegates/${voter}`);
  await expect(page.getByTestId('participation-all')).toHaveText(after.all);
  const casts = await chain.client.getLogs({
    address: chain.contracts.governor,
    event: parseAbiItem(
      'event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)',
    ),
    args: { voter },
    fromBlock: 0n,
  });
  const count = (support: number) => casts.filter((l) => l.args.support === support).length;
  await expect(page.getByTestId('support-counts')).toHaveText(
    `For ${count(1)} · Against ${count(0)} · Abstain ${count(2)}`,
  );
  await expect(page.getByTestId('last-vote')).toContainText(`block ${casts.at(-1)!.blockNumber}`);
});

test.describe('a holder deciding whom to delegate to (#8)', () => {
  test.use({ walletOptions: { accountIndex: 8, chainId: 31337 } });

  test("sees the delegate's power split and top delegators as the chain has them, and delegates from its page", async ({
    page,
    chain,
    wallet,
  }) => {
    const delegate = DEV_ACCOUNTS[1];
    const [power, wrapped, staked] = await Promise.all([
      chain.votes(delegate),
      chain.wrapped(delegate),
      chain.stakedUnits(delegate),
    ]);
    await page.goto(`./#/governance/delegates/${delegate}`);
    await connectWallet(page);
    await expect(page.getByTestId('power-own-wrapped')).toHaveText(formatToken(wrapped, 'vALT'));
    await expect(page.getByTestId('power-own-staked')).toHaveText(formatToken(staked, 'vALT'));
    await expect(page.getByTestId('power-from-others')).toHaveText(formatToken(power - wrapped - staked, 'vALT'));
    // #2 delegates its 100M wrapped ALT to #1: the largest delegator, with its amount.
    const top = page.getByRole('table', { name: 'Top delegators' }).locator('tbody tr').first();
    await expect(top).toHaveAttribute('data-delegator', DEV_ACCOUNTS[2]);
    const units = (await chain.wrapped(DEV_ACCOUNTS[2])) + (await chain.stakedUnits(DEV_ACCOUNTS[2]));
    await expect(top.locator('td').last()).toHaveText(formatToken(units, 'vALT', { maxFractionDigits: 0 }));

    const mine = await chain.votes(DEV_ACCOUNTS[8]);
    await page.getByRole('button', { name: 'Delegate your votes to this address' }).click();
    const review = page.getByTestId('delegation-review');
    await expect(review.getByTestId('review-votes')).toContainText(formatToken(mine, 'vALT'));
    await expect(review.getByTestId('review-from')).toHaveText('yourself');
    await expect(review.getByTestId('review-to')).toContainText(`${ENS_NAMES.dev1} ${delegate}`);
    await review.getByRole('button', { name: 'Confirm and open wallet' }).click();
    await expect(page.getByText(`Delegated to ${ENS_NAMES.dev1} (${delegate}) in block`)).toBeVisible();
    expect(await chain.delegateOf(DEV_ACCOUNTS[8])).toBe(delegate);
    expect(await chain.votes(delegate)).toBe(power + mine);
    await expect(page.getByTestId('delegate-power')).toHaveText(formatToken(power + mine, 'vALT'));
  });
});
