/**
 * A staker's risk at a glance: #9 stakes with the operator whose commission rise is pending (seeded)
 * and with another, from which it unstakes part. Every figure is checked against the contract's
 * own numbers and rule (ceil(amount × MAX_SLASH_BPS / 10,000) per part still slashable); then the
 * position with the pending rise, whose operator governance also proposes to slash, is moved, in one
 * transaction, to an operator #9 picks.
 */
import { encodeFunctionData, parseEther, toFunctionSelector, zeroAddress, type Address } from 'viem';
import { altStakingAbi } from '../src/lib/contracts/generated.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { send } from '../devnet/client.ts';
import { DEV_ACCOUNTS } from './fixtures/chain.ts';
import { expect, test } from './fixtures/index.ts';
import { connectWallet } from './pages/connect.ts';
import { governor } from './fixtures/governor.ts';

const WHO = DEV_ACCOUNTS[9];
test.use({ walletOptions: { accountIndex: 9, chainId: 31337 } });

const cut = (amount: bigint, bps: bigint) => (amount * bps + 9_999n) / 10_000n;

test("a staker's exposure, what to watch and a move to another operator, each the contract's", async ({
  page,
  chain,
}) => {
  const { staking } = chain.contracts;
  const S = { address: staking, abi: altStakingAbi } as const;
  const operators = await chain.operators();
  const rising = operators.find((o) => o.status === 1 && o.pendingCommissionBps > o.commissionBps)!;
  expect(rising, 'the seed leaves one operator with a commission rise pending').toBeDefined();
  const other = operators.find((o) => o.status === 1 && !o.slashing && o.operator !== rising.operator)!;
  const target = operators.find(
    (o) => o.status === 1 && !o.slashing && o.operator !== rising.operator && o.operator !== other.operator,
  )!;
  await chain.stakeAs(WHO, rising.operator as Address, parseEther('4000.0001'));
  await chain.stakeAs(WHO, other.operator as Address, parseEther('3000.9998'));
  await send(chain.client, WHO, {
    ...S,
    functionName: 'unstake',
    args: [other.operator as Address, parseEther('1000.0003')],
  });

  // Governance proposes to slash the operator raising its commission: a proposal in play, not a slash yet.
  const slashBps = 1_250n;
  const proposalId = await governor(chain).propose(
    DEV_ACCOUNTS[1],
    [staking],
    [
      encodeFunctionData({
        abi: altStakingAbi,
        functionName: 'slash',
        args: [rising.operator as Address, slashBps, 'missed challenges'],
      }),
    ],
    '# Slash an operator that missed its challenges',
  );

  await page.goto(`./#/staking`);
  await connectWallet(page);
  const card = page.getByRole('region', { name: 'Your risk at a glance' });
  await expect(card).toBeVisible();

  // The contract's figures, read here.
  const maxBps = (await chain.client.readContract({ ...S, functionName: 'MAX_SLASH_BPS' })) as bigint;
  const [positions, requests] = await chain.staker(WHO);
  const now = BigInt(await chain.now());
  const partsOf = (op: string) => [
    ...positions.filter((p) => p.operator === op).map((p) => p.stake),
    ...requests.filter((r) => r.operator === op && BigInt(r.unlockTime) > now).map((r) => r.amount),
  ];
  const maxOf = (op: string) => partsOf(op).reduce((s, a) => s + cut(a, maxBps), 0n);
  const row = (op: string) => card.locator(`tr[data-risk-operator="${op}"]`);
  for (const op of [rising.operator, other.operator])
    await expect(row(op).getByTestId('position-max')).toHaveText(formatToken(maxOf(op)));
  const total = maxOf(rising.operator) + maxOf(other.operator);
  await expect(card.getByTestId('exposure-max')).toHaveText(formatToken(total));
  const atStake = [rising.operator, other.operator].flatMap(partsOf).reduce((s, a) => s + a, 0n);
  await expect(card.getByTestId('exposure-total')).toContainText(`At stake: ${formatToken(atStake)}`);

  // What to watch: the rise, from when, as the contract has it; and no move offered for the other.
  const info = (await chain.client.readContract({
    ...S,
    functionName: 'getOperator',
    args: [rising.operator as Address],
  })) as {
    pendingCommissionBps: number;
  };
  await expect(row(rising.operator).getByTestId('commission-change')).toContainText(
    `rising to ${info.pendingCommissionBps / 100}% from`,
  );
  // The slash proposed against it: its fraction and state as the governor has them; none against the other.
  // Seeded proposals are voted on after a delay: this one waits for its vote.
  expect(await governor(chain).state(proposalId)).toBe('Pending');
  await expect(row(rising.operator).getByTestId('slash-proposed')).toContainText(
    `Governance may slash it ${Number(slashBps) / 100}%: a proposal waits for its vote`,
  );
  await expect(row(other.operator).getByTestId('slash-proposed')).toHaveCount(0);
  await expect(row(other.operator).getByRole('button', { name: 'Move it' })).toHaveCount(0);

  // The move: the whole active position, in one transaction, to the operator picked.
  const active = positions.find((p) => p.operator === rising.operator)!.stake;
  await row(rising.operator).getByRole('combobox').selectOption(target.operator);
  await row(rising.operator).getByRole('button', { name: 'Move it' }).click();
  await expect(card.getByText('Move started')).toBeVisible();
  const [after, afterRequests] = await chain.staker(WHO);
  expect(after.find((p) => p.operator === rising.operator)?.stake ?? 0n).toBe(0n);
  const moving = afterRequests.find((r) => r.operator === rising.operator && r.redelegateTo !== zeroAddress)!;
  expect(moving).toMatchObject({ redelegateTo: target.operator, amount: active });
});

test('what changed since the staker staked: a commission announced, a slash and a deactivation, as their logs say', async ({
  page,
  chain,
}) => {
  const operators = await chain.operators();
  const op = operators.find((o) => o.status === 1 && !o.slashing && o.commissionEffectiveAt === 0)!;
  const before = operators.find((o) => o.status === 1 && !o.slashing && o.operator !== op.operator)!;
  await chain.stakeAs(WHO, before.operator, parseEther('10'));
  await chain.stakeAs(WHO, op.operator, parseEther('2500'));
  // After the stake: the operator announces a rise, governance slashes it, it leaves.
  const rise = op.commissionBps + 150;
  await chain.requestCommission(op.operator, rise);
  await chain.slash(op.operator, 1_000n, 'missed fraud-proof challenge');
  await chain.deactivateOperator(op.operator);

  const [slashed] = await chain.client.getContractEvents({
    address: chain.contracts.staking,
    abi: altStakingAbi,
    eventName: 'Slashed',
    args: { operator: op.operator },
    fromBlock: 0n,
  });
  await page.goto(`./#/staking`);
  await connectWallet(page);
  const card = page.getByRole('region', { name: 'Your risk at a glance' });
  await card.getByRole('button', { name: 'Show what changed since you staked' }).click();
  const row = card.locator(`li[data-since-operator="${op.operator}"]`);
  await expect(row).toContainText('since you first staked with it');
  // Its share of all active stake at the block of #9's first stake with it, and now, as the contract has them.
  const [staked] = await chain.client.getContractEvents({
    address: chain.contracts.staking,
    abi: altStakingAbi,
    eventName: 'Staked',
    args: { staker: WHO, operator: op.operator as Address },
    fromBlock: 0n,
  });
  const shareAt = async (blockNumber?: bigint) => {
    const S = { address: chain.contracts.staking, abi: altStakingAbi, blockNumber } as const;
    const info = await chain.client.readContract({ ...S, functionName: 'getOperator', args: [op.operator as Address] });
    const parameters = await chain.client.readContract({ ...S, functionName: 'getParameters' });
    return `${(Number((info.totalStake * 10_000n) / parameters.totalActiveStake) / 100).toFixed(2)}%`;
  };
  await expect(row.getByTestId('since-share')).toHaveText(
    `its share of all active stake went from ${await shareAt(staked.blockNumber)} to ${await shareAt()};`,
  );
  await expect(row.locator('li[data-change]')).toHaveText([
    new RegExp(`^Announced a commission of ${rise / 100}%, .*, to take effect `),
    new RegExp(
      `^Slashed ${Number(slashed.args.fractionBps) / 100}% \\(${formatToken(slashed.args.amount!).replace(/[.]/g, '\\.')} from all its stakers\\)`,
    ),
    /^Deactivated: stopped taking stake/,
  ]);
  // Nothing happened to the other operator since.
  await expect(card.locator(`li[data-since-operator="${before.operator}"]`).getByTestId('since-nothing')).toBeVisible();
});

test('a read the card could not make is said so, with a way to try again, not shown as nothing to watch', async ({
  page,
  chain,
}) => {
  const operators = await chain.operators();
  const op = operators.find((o) => o.status === 1 && !o.slashing)!;
  await chain.stakeAs(WHO, op.operator, parseEther('100'));
  // The governor's proposals (`proposalDetailsAt`, read inside a Multicall3 batch) fail at the node.
  const DETAILS = toFunctionSelector('proposalDetailsAt(uint256)').slice(2);
  let failing = true;
  await page.route('http://127.0.0.1:8545/**', async (route) => {
    const body = route.request().postDataJSON();
    const calls: { id: number; method: string; params?: [{ data?: string; input?: string }] }[] = Array.isArray(body)
      ? body
      : [body];
    const hit = (c: (typeof calls)[number]) =>
      failing && c.method === 'eth_call' && `${c.params?.[0]?.data ?? c.params?.[0]?.input ?? ''}`.includes(DETAILS);
    if (!calls.some(hit)) return route.continue();
    const rest = calls.filter((c) => !hit(c));
    const answered = rest.length ? await (await route.fetch({ postData: JSON.stringify(rest) })).json() : [];
    const answers = [
      ...(Array.isArray(answered) ? answered : [answered]),
      ...calls
        .filter(hit)
        .map((c) => ({ jsonrpc: '2.0', id: c.id, error: { code: -32603, message: 'internal error' } })),
    ];
    await route.fulfill({ json: Array.isArray(body) ? answers : answers[0] });
  });
  await page.goto(`./#/staking`);
  await connectWallet(page);
  const card = page.getByRole('region', { name: 'Your risk at a glance' });
  const problem = card.getByTestId('exposure-proposed-error');
  await expect(problem).toContainText('Could not read the slashes proposed to governance, so none are shown', {
    timeout: 15_000,
  });
  // The rest of the card stands: the exposure is the contract's.
  await expect(card.getByTestId('exposure-total')).toContainText('At stake:');
  failing = false;
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(problem).toHaveCount(0);
});
