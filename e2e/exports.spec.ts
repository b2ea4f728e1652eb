/**
 * What a holder can take away as files, built in the browser and checked against the chain: the
 * airdrop proof (which claims with any tool), an address's activity, a delegate's vote history and a
 * proposal's votes as CSV.
 */
import { readFileSync } from 'node:fs';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { encodeFunctionData, getAddress, parseAbi, parseEther, parseEventLogs, type Address, type Hex } from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altTimelockAbi,
  altVotesAbi,
} from '../src/lib/contracts/generated.ts';
import { verifyProofFile } from '../src/lib/airdrop/proof-file.ts';
import { ACTIVITY_CSV_HEADER } from '../src/features/activity/activity-csv.ts';
import { VOTE_HISTORY_CSV_HEADER } from '../src/features/governance/delegates/vote-history-csv.ts';
import { PROPOSAL_VOTES_CSV_HEADER } from '../src/features/governance/proposal/proposal-votes-csv.ts';
import { formatToken } from '../src/lib/format/amount.ts';
import { send } from '../devnet/client.ts';
import { act, WHO } from './fixtures/activity.ts';
import { DEV_ACCOUNTS, type Chain } from './fixtures/chain.ts';
import { parseCsv } from './fixtures/csv.ts';
import { governor } from './fixtures/governor.ts';
import { icsSeconds, readIcs } from './fixtures/ics.ts';
import { expect, test } from './fixtures/index.ts';
import { AirdropPage } from './pages/airdrop-page.ts';
import { GovernancePage } from './pages/governance-page.ts';

// #9's allocation, from data/airdrop/season-one.csv.
const ALLOCATION_9 = 5_700n * 10n ** 18n;
const read = (chain: Chain, address: Address, abi: any, functionName: string, args: unknown[] = []) =>
  chain.client.readContract({ address, abi, functionName, args } as any) as Promise<any>;
const balanceOf = (chain: Chain, who: Address) =>
  read(chain, chain.contracts.alt, altLayerTokenAbi, 'balanceOf', [who]);
const rows = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Activity' }).locator('li');

test("an eligible account's proof saves as a file that verifies on its own, and claims with any tool", async ({
  page,
  chain,
}) => {
  const airdrop = new AirdropPage(page);
  await airdrop.goto(DEV_ACCOUNTS[9]);
  await expect(airdrop.total()).toHaveText(formatToken(ALLOCATION_9));
  const download = page.waitForEvent('download');
  await airdrop.eligibility().getByRole('button', { name: 'Save the proof (JSON)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`alt-airdrop-proof-${DEV_ACCOUNTS[9]}.json`);
  const file = JSON.parse(readFileSync((await saved.path())!, 'utf8'));
  expect(verifyProofFile(file)).toBe(true);
  expect(file).toMatchObject({ chainId: 31337, contract: chain.contracts.airdrop, account: DEV_ACCOUNTS[9] });
  expect(BigInt(file.amount)).toBe(ALLOCATION_9);
  expect(file.categories.reduce((sum: bigint, c: { amount: string }) => sum + BigInt(c.amount), 0n)).toBe(ALLOCATION_9);
  // OpenZeppelin's library, not ours, checks the proof; the root is the one the contract holds.
  expect(StandardMerkleTree.verify(file.root, ['address', 'uint256'], [file.account, file.amount], file.proof)).toBe(
    true,
  );
  expect((await read(chain, chain.contracts.airdrop, altAirdropAbi, 'info')).merkleRoot).toBe(file.root);
  // The claim as the file describes it, sent with an ABI written by hand from its one-line signature,
  // as any tool would: the account receives exactly the amount.
  expect(file.claim.function).toBe('claim(uint256,bytes32[])');
  const before = await balanceOf(chain, DEV_ACCOUNTS[9]);
  await send(chain.client, file.claim.from, {
    address: file.claim.to,
    abi: parseAbi(['function claim(uint256 amount, bytes32[] proof)']),
    functionName: 'claim',
    args: [BigInt(file.claim.args[0]), file.claim.args[1]],
  });
  expect(await read(chain, chain.contracts.airdrop, altAirdropAbi, 'isClaimed', [DEV_ACCOUNTS[9]])).toBe(true);
  expect((await balanceOf(chain, DEV_ACCOUNTS[9])) - before).toBe(ALLOCATION_9);
});

test('the activity downloads as a CSV whose every row is a log of the chain, amounts exact', async ({
  page,
  chain,
}) => {
  const claimed = await act(chain);
  await page.goto(`./#/activity?address=${WHO}`);
  await expect(rows(page)).toHaveCount(6);
  const kinds = await rows(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const saved = await download;
  const text = readFileSync((await saved.path())!, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual([...ACTIVITY_CSV_HEADER]);
  expect(lines.map((l) => l[3])).toEqual(kinds);
  const wanted = getAddress(WHO).toLowerCase().slice(2);
  for (const [block, time, hash, kind, , , amount, symbol] of lines) {
    const receipt = await chain.client.getTransactionReceipt({ hash: hash as Hex });
    expect(receipt.blockNumber, kind).toBe(BigInt(block));
    expect(
      new Date(
        Number((await chain.client.getBlock({ blockNumber: receipt.blockNumber })).timestamp) * 1000,
      ).toISOString(),
    ).toBe(time);
    // A log of the transaction names the account, and (where the row has an amount) carries exactly that many wei.
    const logs = receipt.logs.filter((l) => [...l.topics, l.data].some((t) => t.toLowerCase().includes(wanted)));
    expect(logs.length, kind).toBeGreaterThan(0);
    if (amount) {
      expect(symbol).toBe('ALT');
      const wei = parseEther(amount).toString(16).padStart(64, '0');
      expect(
        receipt.logs.some((l) => l.data.slice(2).match(/.{64}/g)?.includes(wei)),
        `${kind} ${amount}`,
      ).toBe(true);
    }
  }
  const byKind = (k: string) => lines.find((l) => l[3] === k)!;
  expect(byKind('unstake')[6]).toBe('500');
  expect(byKind('stake')[6]).toBe('2000');
  expect(byKind('wrap')[6]).toBe('1000');
  expect(parseEther(byKind('airdrop')[6])).toBe(claimed);
  // The two delegations, newest first: to #3, named in full, and to itself with the deposit.
  expect(lines.filter((l) => l[3] === 'delegate').map((l) => [l[4], l[5]])).toEqual([
    [`Delegated votes to ${DEV_ACCOUNTS[3]}`, DEV_ACCOUNTS[3]],
    ['Delegated votes to itself', ''],
  ]);
});

test('a long activity downloads whole: every row of every page, one per transaction log the page lists', async ({
  page,
  chain,
}) => {
  const who = DEV_ACCOUNTS[1];
  // #1's seeded history (18 rows) and ten delegations more: more than a page of 25.
  const votes = await chain.votesToken();
  for (let i = 0; i < 10; i++)
    await send(chain.client, who, {
      address: votes,
      abi: altVotesAbi,
      functionName: 'delegate',
      args: [i % 2 ? who : DEV_ACCOUNTS[3]],
    });
  await page.goto(`./#/activity?address=${who}`);
  const summary = page.getByText(/^\d+ events · as of block/);
  await expect(summary).toBeVisible();
  const total = Number((await summary.textContent())!.match(/^(\d+) events/)![1]);
  // More than a page of 25: the file holds what the pager spreads over several pages.
  expect(total).toBeGreaterThan(25);
  await expect(rows(page)).toHaveCount(25);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const [, ...lines] = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
  expect(lines).toHaveLength(total);
  // The first page's rows lead the file, in its order; every row's transaction is on the chain at its block.
  const firstPage = await rows(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  expect(lines.slice(0, 25).map((l) => l[3])).toEqual(firstPage);
  const hashes = [...new Set(lines.map((l) => l[2]))];
  for (const hash of hashes) {
    const receipt = await chain.client.getTransactionReceipt({ hash: hash as Hex });
    for (const l of lines.filter((l) => l[2] === hash)) expect(BigInt(l[0])).toBe(receipt.blockNumber);
  }
});

test("a delegate's vote history downloads as a CSV whose every row is its VoteCast log", async ({ page, chain }) => {
  const who = DEV_ACCOUNTS[1];
  await page.goto(`./#/governance/delegates/${who}`);
  const listed = page.getByRole('list', { name: 'Vote history' }).locator('li[data-vote]');
  await expect(listed.first()).toBeVisible();
  const count = await listed.count();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const [header, ...rows] = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
  expect(header).toEqual([...VOTE_HISTORY_CSV_HEADER]);
  expect(rows).toHaveLength(count);
  const tokenSymbol = await chain.client.readContract({
    address: await chain.votesToken(),
    abi: altVotesAbi,
    functionName: 'symbol',
  });
  for (const [id, , support, weight, symbol, reason, block, time, hash] of rows) {
    const receipt = await chain.client.getTransactionReceipt({ hash: hash as Hex });
    const [cast] = parseEventLogs({ abi: altGovernorAbi, eventName: 'VoteCast', logs: receipt.logs }).filter(
      (l) => l.address.toLowerCase() === chain.contracts.governor.toLowerCase() && l.args.voter === who,
    );
    expect(cast.args.proposalId.toString()).toBe(id);
    expect(['Against', 'For', 'Abstain'][cast.args.support]).toBe(support);
    expect(parseEther(weight)).toBe(cast.args.weight);
    expect(symbol).toBe(tokenSymbol);
    expect(reason).toBe(cast.args.reason);
    expect(BigInt(block)).toBe(receipt.blockNumber);
    const { timestamp } = await chain.client.getBlock({ blockNumber: receipt.blockNumber });
    expect(new Date(Number(timestamp) * 1000).toISOString()).toBe(time);
  }
});

test("a proposal's votes download as a CSV equal to the governor's VoteCast logs", async ({ page, chain }) => {
  const logs = await chain.client.getContractEvents({
    address: chain.contracts.governor,
    abi: altGovernorAbi,
    eventName: 'VoteCast',
    fromBlock: 0n,
  });
  // The proposal with the most votes, one of them with a reason.
  const counts = new Map<bigint, number>();
  for (const l of logs) counts.set(l.args.proposalId!, (counts.get(l.args.proposalId!) ?? 0) + 1);
  const id = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const cast = logs.filter((l) => l.args.proposalId === id);
  expect(cast.length).toBeGreaterThan(1);
  await new GovernancePage(page).gotoProposal(id);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download votes (CSV)' }).click();
  const [header, ...rows] = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
  expect(header).toEqual([...PROPOSAL_VOTES_CSV_HEADER]);
  expect(rows).toHaveLength(cast.length);
  for (const [i, [voter, support, weight, , reason, block, time, hash]] of rows.entries()) {
    const log = cast[i];
    expect(voter).toBe(log.args.voter);
    expect(support).toBe(['Against', 'For', 'Abstain'][log.args.support!]);
    expect(parseEther(weight)).toBe(log.args.weight);
    expect(reason).toBe(log.args.reason);
    expect(BigInt(block)).toBe(log.blockNumber);
    expect(hash).toBe(log.transactionHash);
    const { timestamp } = await chain.client.getBlock({ blockNumber: log.blockNumber });
    expect(new Date(Number(timestamp) * 1000).toISOString()).toBe(time);
  }
});

test("an account's deadlines download as one calendar file whose every event is the chain's", async ({
  page,
  chain,
}) => {
  const who = DEV_ACCOUNTS[9];
  const gov = governor(chain);
  const { alt, staking, timelock, airdrop } = chain.contracts;
  const votes = await chain.votesToken();
  const [op0, op1] = (await chain.operators()).map((o) => o.operator as Address);
  // #9 holds its airdrop allocation unclaimed; it gets ALT from #1, takes voting power for itself,
  // stakes, unstakes part and moves part to another operator.
  await send(chain.client, DEV_ACCOUNTS[1], {
    address: alt,
    abi: altLayerTokenAbi,
    functionName: 'transfer',
    args: [who, parseEther('3000')],
  });
  await send(chain.client, who, {
    address: alt,
    abi: altLayerTokenAbi,
    functionName: 'approve',
    args: [votes, parseEther('1000')],
  });
  await send(chain.client, who, {
    address: votes,
    abi: altVotesAbi,
    functionName: 'depositAndDelegate',
    args: [parseEther('1000'), who],
  });
  await send(chain.client, who, {
    address: alt,
    abi: altLayerTokenAbi,
    functionName: 'approve',
    args: [staking, parseEther('2000')],
  });
  await send(chain.client, who, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'stake',
    args: [op0, parseEther('2000')],
  });
  await send(chain.client, who, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'unstake',
    args: [op0, parseEther('500')],
  });
  await send(chain.client, who, {
    address: staking,
    abi: altStakingAbi,
    functionName: 'redelegate',
    args: [op0, op1, parseEther('400')],
  });
  // Three proposals after #9 has votes: it votes on the first; the second is open to it; the third pending.
  const call = encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [DEV_ACCOUNTS[8], 1n] });
  const delay = await gov.votingDelay();
  const voted = await gov.propose(DEV_ACCOUNTS[1], [alt], [call], '# Calendar: voted on');
  await chain.advance(delay + 1);
  await gov.vote(who, voted, 1);
  const open = await gov.propose(DEV_ACCOUNTS[1], [alt], [call], '# Calendar: still open');
  await chain.advance(delay + 1);
  const pending = await gov.propose(DEV_ACCOUNTS[1], [alt], [call], '# Calendar: not yet open');
  expect([await gov.state(voted), await gov.state(open), await gov.state(pending)]).toEqual([
    'Active',
    'Active',
    'Pending',
  ]);

  await page.goto(`./#/activity?address=${who}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add deadlines to calendar (.ics)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(new RegExp(`^alt-deadlines-${who}-block-\\d+\\.ics$`));
  const text = readFileSync((await saved.path())!, 'utf8');
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const { calendar, events } = readIcs(text);
  expect(calendar).toMatchObject({ VERSION: '2.0' });
  expect(calendar.PRODID).toBeTruthy();

  // What the chain says, read here directly.
  const readGov = (functionName: string, args: unknown[]) =>
    read(chain, chain.contracts.governor, altGovernorAbi, functionName, args) as Promise<bigint>;
  const minDelay = (await read(chain, timelock, altTimelockAbi, 'getMinDelay')) as bigint;
  const [, requests] = await chain.staker(who);
  expect(requests).toHaveLength(2);
  const info = await read(chain, airdrop, altAirdropAbi, 'info');
  expect(await read(chain, airdrop, altAirdropAbi, 'isClaimed', [who])).toBe(false);
  const origin = new URL(page.url());
  const appUrl = `${origin.origin}${origin.pathname}`;
  const expected = new Map<string, { start: bigint; summary: string; url: string }>([
    [
      `vote-end-${open}@alt-governance-31337`,
      {
        start: await readGov('proposalDeadline', [open]),
        summary: 'Voting ends: Calendar: still open',
        url: `#/governance/proposals/${open}`,
      },
    ],
    [
      `vote-end-${pending}@alt-governance-31337`,
      {
        start: await readGov('proposalDeadline', [pending]),
        summary: 'Voting ends: Calendar: not yet open',
        url: `#/governance/proposals/${pending}`,
      },
    ],
    [
      `queue-${voted}@alt-governance-31337`,
      {
        start: await readGov('proposalDeadline', [voted]),
        summary: 'Voting ended: Calendar: voted on',
        url: `#/governance/proposals/${voted}`,
      },
    ],
    [
      `eta-${voted}@alt-governance-31337`,
      {
        start: (await readGov('proposalDeadline', [voted])) + minDelay,
        summary: 'Executable at the earliest: Calendar: voted on',
        url: `#/governance/proposals/${voted}`,
      },
    ],
    ...requests.map(
      (r) =>
        [
          `unlock-${r.id}@alt-staking-31337`,
          {
            start: BigInt(r.unlockTime),
            summary: r.redelegateTo === op1 ? 'Redelegation can be completed' : 'Unstaked ALT can be withdrawn',
            url: '#/staking',
          },
        ] as const,
    ),
    [
      `claim-end-${who.toLowerCase()}@alt-airdrop-31337`,
      { start: BigInt(info.claimEnd), summary: 'Airdrop claim window closes', url: '#/airdrop' },
    ],
  ]);
  // A seeded proposal still pending, or opened after #9 took votes, is open to #9's votes too.
  const votesAt = (id: bigint) => readGov('proposalSnapshot', [id]).then((at) => readGov('getVotes', [who, at]));
  for (const id of await gov.ids())
    if (
      ![voted, open, pending].includes(id) &&
      ((await gov.state(id)) === 'Pending' || ((await gov.state(id)) === 'Active' && (await votesAt(id)) > 0n))
    )
      expected.set(`vote-end-${id}@alt-governance-31337`, {
        start: await readGov('proposalDeadline', [id]),
        // Titled as the shipped history or its creation log titles it.
        summary: [events.find((e) => e.UID === `vote-end-${id}@alt-governance-31337`)?.SUMMARY ?? '']
          .filter((t) => /^Voting ends: \S/.test(t) && !/^Voting ends: Proposal \d+$/.test(t))
          .concat('a title')[0],
        url: `#/governance/proposals/${id}`,
      });
  expect(events.map((e) => e.UID).sort()).toEqual([...expected.keys()].sort());
  const head = await chain.client.getBlock();
  for (const event of events) {
    const want = expected.get(event.UID)!;
    expect(icsSeconds(event.DTSTART), event.UID).toBe(want.start);
    expect(icsSeconds(event.DTEND) - icsSeconds(event.DTSTART)).toBe(1800n);
    expect(event.SUMMARY).toBe(want.summary);
    expect(event.URL).toBe(`${appUrl}${want.url}`);
    // Stamped with the chain's time of the read, not the computer's clock.
    expect(icsSeconds(event.DTSTAMP)).toBe(head.timestamp);
  }
  const moving = events.find((e) => e.SUMMARY === 'Redelegation can be completed')!;
  expect(moving.DESCRIPTION).toContain(`400 ALT moving from operator ${op0} to ${op1}`);
  expect(events.find((e) => e.UID.startsWith('claim-end'))!.DESCRIPTION).toContain(formatToken(ALLOCATION_9));

  // Importing a later file updates, not duplicates: the same UIDs come back after a vote.
  await gov.vote(who, open, 0);
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add deadlines to calendar (.ics)' }).click();
  const second = readIcs(readFileSync((await (await again).path())!, 'utf8')).events.map((e) => e.UID);
  expect(second).not.toContain(`vote-end-${open}@alt-governance-31337`);
  expect(second).toContain(`queue-${open}@alt-governance-31337`);
  expect(second).toContain(`vote-end-${pending}@alt-governance-31337`);
});
