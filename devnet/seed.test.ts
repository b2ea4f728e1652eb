/** Proves the seeded devnet: every claim the README makes about it is read back from the chain here. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zeroAddress, type Address } from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altVotesAbi,
} from '../src/lib/contracts/generated.ts';
import { MULTICALL3_ADDRESS } from '../src/lib/web3/devnet-chain.ts';
import { parseCsv } from '../scripts/airdrop/distribution.ts';
import { buildAirdrop } from '../scripts/airdrop/build-tree.ts';
import { CONFIG_FILE, DISTRIBUTION_FILE, startDevnet, type Devnet } from './start.ts';
import { buildAirdropFiles } from '../scripts/airdrop/build.ts';
import { STATES } from '../contracts/test/governor-helper.ts';
import { readSafe } from '../src/lib/web3/safe.ts';
import { BORROWED_NAME, ENS_NAMES, ROLES, SEEDED_SAFE } from './seed.ts';
import { getEnsAddress, getEnsName } from 'viem/actions';
import { ensAddress } from './ens.ts';
import { readProfiles } from '../src/features/governance/delegates/profiles.ts';
import type { ChainConfig } from '../src/lib/config/app-config.ts';

const ALT = (n: number) => BigInt(n) * 10n ** 18n;

describe('seeded devnet', () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await startDevnet({ port: 8650, writeConfig: false });
  }, 120_000);
  afterAll(() => devnet?.stop());

  const read = (address: Address, abi: any, functionName: string, args: readonly unknown[] = []) =>
    devnet.client.readContract({ address, abi, functionName, args } as any) as Promise<any>;

  it('has exactly one contract that calls itself ALT: the token at its mainnet address', async () => {
    const head = await devnet.client.getBlockNumber();
    const created = new Set<Address>();
    for (let block = 0n; block <= head; block++) {
      const receipts = (await devnet.client.request({
        method: 'eth_getBlockReceipts' as never,
        params: [`0x${block.toString(16)}`] as never,
      })) as { contractAddress: Address | null }[] | null;
      for (const r of receipts ?? []) if (r.contractAddress) created.add(r.contractAddress);
    }
    const alt = devnet.deployment.contracts.alt;
    const named: Address[] = [];
    for (const address of [...created, alt]) {
      if (!(await devnet.client.getCode({ address }))) continue;
      const symbol = await read(address, altLayerTokenAbi, 'symbol').catch(() => undefined);
      if (symbol === 'ALT') named.push(address);
    }
    expect(created.size).toBeGreaterThan(5);
    expect(named).toEqual([alt]);
  }, 120_000);

  it('deploys to the addresses in public/config.json, with Multicall3 in place', async () => {
    const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8'));
    const chain = config.chains.find((c: any) => c.id === 31337);
    const { votes, ...configured } = devnet.deployment.contracts;
    expect(chain.contracts).toEqual(configured);
    // The app finds the votes contract through the governor.
    expect(await read(configured.governor, altGovernorAbi, 'token')).toBe(votes);
    expect(chain.deployBlock).toBe(devnet.deployment.deployBlock);
    expect((await devnet.client.getCode({ address: MULTICALL3_ADDRESS }))?.length).toBeGreaterThan(100);
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs(Number((await devnet.client.getBlock()).timestamp) - now)).toBeLessThan(120);
  });

  it('has a 2-of-3 Safe v1.4.1 that holds ALT, is a top delegate that voted, stakes, and can claim the airdrop', async () => {
    const { safe } = devnet.summary;
    const { alt, votes, staking, airdrop } = devnet.deployment.contracts;
    expect(safe).toBe('0xE9EE1BEfbEdB36C3e188bc27035De84F90f251B5');
    const info = await readSafe(devnet.client as never, safe);
    // Five Safe transactions: wrap, stake, its statement, its ENS primary name, a vote with a reason.
    expect(info).toMatchObject({ threshold: 2, nonce: 5n });
    expect(info!.owners).toEqual(ROLES.safeOwners.map((i) => devnet.accounts[i]));
    expect(await read(alt, altLayerTokenAbi, 'balanceOf', [safe])).toBe(
      ALT(SEEDED_SAFE.alt - SEEDED_SAFE.wrap - SEEDED_SAFE.stake),
    );
    expect(await read(votes, altVotesAbi, 'delegates', [safe])).toBe(safe);
    expect(await read(votes, altVotesAbi, 'getVotes', [safe])).toBe(ALT(SEEDED_SAFE.wrap + SEEDED_SAFE.stake));
    const [positions] = await read(staking, altStakingAbi, 'getStaker', [safe]);
    expect(positions[0].principal).toBe(ALT(SEEDED_SAFE.stake));
    expect(
      await read(devnet.deployment.contracts.governor, altGovernorAbi, 'hasVoted', [
        devnet.summary.proposals.grants,
        safe,
      ]),
    ).toBe(true);
    expect(await read(airdrop, altAirdropAbi, 'isClaimed', [safe])).toBe(false);
    expect(readFileSync(DISTRIBUTION_FILE, 'utf8')).toContain(safe);
  });

  it('has 24 operators across VITAL, MACH and SQUAD, one pending commission change, one slashed, one deactivated', async () => {
    const { staking } = devnet.deployment.contracts;
    const operators = await read(staking, altStakingAbi, 'getOperators', [0n, 100n]);
    expect(operators.length).toBeGreaterThanOrEqual(24);
    const services = operators.reduce((all: number, o: any) => all | o.services, 0);
    expect(services).toBe(7);
    expect(new Set(operators.map((o: any) => o.commissionBps)).size).toBeGreaterThan(10);
    expect(operators.filter((o: any) => o.commissionEffectiveAt > 0)).toHaveLength(1);
    const slashed = operators.filter((o: any) => o.slashCount > 0);
    expect(slashed).toHaveLength(1);
    expect(slashed[0].totalSlashed).toBeGreaterThan(0n);
    expect(operators.filter((o: any) => o.status === 2)).toHaveLength(1);
  });

  it('has at least 60 stakers, including dev accounts, with locked and ready unbonding requests and rewards', async () => {
    const { staking } = devnet.deployment.contracts;
    const operators = await read(staking, altStakingAbi, 'getOperators', [0n, 100n]);
    const stakers = new Set<string>();
    for (const o of operators) {
      const [addresses] = await read(staking, altStakingAbi, 'getOperatorStakers', [o.operator, 0n, 1000n]);
      for (const a of addresses) if (a !== o.operator) stakers.add(a);
    }
    expect(stakers.size).toBeGreaterThanOrEqual(60);
    expect(stakers.has(devnet.accounts[1])).toBe(true);
    const now = Number((await devnet.client.getBlock()).timestamp);
    let ready = 0;
    let locked = 0;
    let rewarded = 0;
    for (const staker of stakers) {
      const [positions, requests] = await read(staking, altStakingAbi, 'getStaker', [staker]);
      ready += requests.filter((r: any) => r.unlockTime <= now).length;
      locked += requests.filter((r: any) => r.unlockTime > now).length;
      if (positions.some((p: any) => p.pendingRewards > 0n)) rewarded++;
    }
    expect(ready).toBeGreaterThan(0);
    expect(locked).toBeGreaterThan(0);
    expect(rewarded).toBeGreaterThan(50);
  });

  it('has ALT at its mainnet address, minted by its owner to 10 billion, with no votes of its own', async () => {
    const { alt } = devnet.deployment.contracts;
    expect(alt).toBe('0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB');
    expect(await read(alt, altLayerTokenAbi, 'totalSupply')).toBe(10_000_000_000n * 10n ** 18n);
    expect(await read(alt, altLayerTokenAbi, 'owner')).toBe(devnet.deployment.altOwner);
    expect(await read(alt, altLayerTokenAbi, 'paused')).toBe(false);
  });

  it('has voting power from wrapped and staked ALT, delegated to self, to others, and plain ALT that does not vote', async () => {
    const { votes, timelock } = devnet.deployment.contracts;
    const [, one, two, , , five] = devnet.accounts;
    const delegates = await Promise.all(
      devnet.accounts.slice(1, 10).map((a) => read(votes, altVotesAbi, 'delegates', [a])),
    );
    const kinds = delegates.map((d, i) =>
      d === zeroAddress ? 'none' : d === devnet.accounts[i + 1] ? 'self' : 'other',
    );
    expect(new Set(kinds)).toEqual(new Set(['none', 'self', 'other']));
    expect(await read(votes, altVotesAbi, 'delegates', [two])).toBe(one);
    expect(await read(votes, altVotesAbi, 'getVotes', [five])).toBe(0n);
    expect(await read(votes, altVotesAbi, 'stakedUnitsOf', [one])).toBeGreaterThan(0n);
    expect(await read(votes, altVotesAbi, 'getVotes', [one])).toBeGreaterThan(
      (await read(votes, altVotesAbi, 'votingUnitsOf', [one])) +
        (await read(votes, altVotesAbi, 'votingUnitsOf', [two])) -
        1n,
    );
    // The votable supply is wrapped plus staked ALT: the treasury's 4B plain ALT is not in it.
    const clock = await read(votes, altVotesAbi, 'clock');
    const votable = await read(votes, altVotesAbi, 'getPastTotalSupply', [clock - 1]);
    const { totalActiveStake, totalUnbondingStake } = await read(
      devnet.deployment.contracts.staking,
      altStakingAbi,
      'getParameters',
    );
    expect(votable).toBe((await read(votes, altVotesAbi, 'totalSupply')) + totalActiveStake + totalUnbondingStake);
    expect(await read(devnet.deployment.contracts.alt, altLayerTokenAbi, 'balanceOf', [timelock])).toBeGreaterThan(
      votable,
    );
  });

  it('has a redelegation still unbonding and one completed', async () => {
    const { staking } = devnet.deployment.contracts;
    const [, requests] = await read(staking, altStakingAbi, 'getStaker', [devnet.accounts[1]]);
    expect(requests.some((r: any) => r.redelegateTo !== zeroAddress)).toBe(true);
    const logs = await devnet.client.getContractEvents({
      address: staking,
      abi: altStakingAbi,
      eventName: 'Redelegated',
      fromBlock: 0n,
    });
    expect(logs.length).toBeGreaterThan(0);
  });

  it('has a proposal in every Governor state', async () => {
    const { governor } = devnet.deployment.contracts;
    const count = await read(governor, altGovernorAbi, 'proposalCount');
    const states = new Set<string>();
    for (let i = 0n; i < count; i++) {
      const [proposalId] = await read(governor, altGovernorAbi, 'proposalDetailsAt', [i]);
      states.add(STATES[await read(governor, altGovernorAbi, 'state', [proposalId])]);
    }
    expect([...states].sort()).toEqual([...STATES].sort());
  });

  it('sets the airdrop root on-chain to the root of the files the app ships, rebuilt from the data file', async () => {
    const { airdrop } = devnet.deployment.contracts;
    const info = await read(airdrop, altAirdropAbi, 'info');
    // The files the app ships are written by exactly this call (`npm run airdrop:files`).
    const out = mkdtempSync(join(tmpdir(), 'alt-airdrop-'));
    buildAirdropFiles(DISTRIBUTION_FILE, out);
    const shipped = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const rebuilt = buildAirdrop(parseCsv(readFileSync(DISTRIBUTION_FILE, 'utf8')), 'check');
    expect(info.merkleRoot).toBe(shipped.root);
    expect(rebuilt.manifest.root).toBe(shipped.root);
    const now = BigInt((await devnet.client.getBlock()).timestamp);
    expect(info.claimStart <= now && now < info.claimEnd).toBe(true);
    expect(info.claimCount).toBe(41n);
    expect(await read(airdrop, altAirdropAbi, 'isClaimed', [devnet.accounts[3]])).toBe(true);
    expect(await read(airdrop, altAirdropAbi, 'isClaimed', [devnet.accounts[1]])).toBe(false);
  });

  it("has an ENS whose universal resolver answers viem's own name calls, verified forward", async () => {
    const universalResolverAddress = devnet.deployment.contracts.ensUniversalResolver!;
    expect(universalResolverAddress).toBe(ensAddress());
    const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8'));
    expect(config.chains.find((c: any) => c.id === 31337).contracts.ensUniversalResolver).toBe(
      universalResolverAddress,
    );
    const client = devnet.client as never;
    const dev = (i: number) => devnet.accounts[i];
    const operator = (i: number) => devnet.accounts[ROLES.operators.from + i];
    const named: [Address, string][] = [
      [dev(1), ENS_NAMES.dev1],
      [dev(3), ENS_NAMES.dev3],
      [devnet.summary.safe, ENS_NAMES.safe],
      [operator(0), ENS_NAMES.operator0],
    ];
    for (const [address, name] of named) {
      expect(await getEnsName(client, { address, universalResolverAddress })).toBe(name);
      expect(await getEnsAddress(client, { name, universalResolverAddress })).toBe(address);
    }
    // The operator that set dev #1's name as its own: the name resolves to dev #1, so it has none.
    const borrower = operator(BORROWED_NAME.operatorIndex);
    expect(await getEnsName(client, { address: borrower, universalResolverAddress })).toBeNull();
    expect(await getEnsName(client, { address: dev(9), universalResolverAddress })).toBeNull();
    expect(await getEnsAddress(client, { name: 'nobody.eth', universalResolverAddress })).toBeNull();
    // The app's page read: the same names, in two batches, nothing for the borrower or the unnamed.
    const addresses = [...named.map(([a]) => a), borrower, dev(9)];
    const page = { id: 31337, contracts: devnet.deployment.contracts } as unknown as ChainConfig;
    const { names } = await readProfiles(client, page, addresses);
    expect([...names]).toEqual(named);
  });
});
