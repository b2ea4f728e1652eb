/**
 * `npm run deploy` against a fresh chain that already holds ALT at its mainnet address, as mainnet
 * does: it refuses a token that is not ALT, deploys protocol v2 with governance in charge, prints the
 * config block and writes verification inputs that reproduce the deployed bytecode.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, keccak256, toBytes, type Address } from 'viem';
import solc from 'solc';
import { altGovernorAbi, altStakingAbi, altTimelockAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { altVotesBytecode } from '../../devnet/bytecode.ts';
import { startAnvil, type Anvil } from '../../devnet/anvil.ts';
import { createDevnetClient, deploy, installMulticall3, type DevnetClient } from '../../devnet/client.ts';
import { parseAppConfig } from '../../src/lib/config/app-config.ts';
import { shippedCapabilities } from '../../src/lib/web3/capabilities.ts';
import { ALT_MAINNET_ADDRESS, placeAltToken } from '../../devnet/alt-token.ts';
import { altCompositionProblems } from './alt-composition.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
/** anvil's account #1 (the deployer here); #9 plays the Safe that administers. */
const DEPLOYER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const DEFAULT_ADMIN_ROLE = `0x${'00'.repeat(32)}` as const;

describe('npm run deploy', () => {
  let anvil: Anvil;
  let client: DevnetClient;
  let accounts: Address[];
  beforeAll(async () => {
    anvil = await startAnvil({ port: 8670, accounts: 10 });
    client = createDevnetClient(anvil.url);
    accounts = (await client.getAddresses()).map((a) => getAddress(a));
    await placeAltToken(client, accounts[5]);
    // Every chain the app runs on has Multicall3 at its canonical address; anvil starts without it.
    await installMulticall3(client);
  }, 60_000);
  afterAll(() => anvil?.stop());

  const deployCommand = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/deploy.ts', '--rpc', anvil.url, '--key', DEPLOYER_KEY, ...args], {
      cwd: root,
    });

  it('recognises ALT, and names what is wrong with a token that is not ALT', async () => {
    expect(await altCompositionProblems(client, ALT_MAINNET_ADDRESS)).toEqual([]);
    const votesLike = await deploy(
      client,
      accounts[0],
      { abi: altVotesAbi, bytecode: altVotesBytecode, args: [ALT_MAINNET_ADDRESS, accounts[0]] },
      'a token with votes',
    );
    const problems = await altCompositionProblems(client, votesLike.address);
    expect(problems).toContain('it has delegate(address), which ALT does not');
    expect(problems).toContain('its name is Voting ALT, not AltLayer Token');
    expect(await altCompositionProblems(client, accounts[3])).toEqual([`there is no contract at ${accounts[3]}`]);

    const refused = await deployCommand('--admin', accounts[9], '--alt', votesLike.address).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refused: The token at .* is not ALT as deployed on mainnet/);
    expect(await client.getTransactionCount({ address: accounts[1] })).toBe(0);
  });

  it('refuses, before sending anything, a chain where no Multicall3 answers', async () => {
    const canonical = '0xcA11bde05977b3631167028862bE2a173976CA11';
    const code = await client.getCode({ address: canonical });
    await client.setCode({ address: canonical, bytecode: '0x' });
    try {
      const refused = await deployCommand('--admin', accounts[9]).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `Refused: This chain cannot serve the app: there is no contract at ${canonical}`,
      );
      expect(refused.stderr).toContain('--multicall3 <address>');
      // A contract that is not Multicall3 is refused too (ALT has no aggregate3).
      const wrong = await deployCommand('--admin', accounts[9], '--multicall3', ALT_MAINNET_ADDRESS).catch((e) => e);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(`the contract at ${ALT_MAINNET_ADDRESS} is not Multicall3`);
      expect(await client.getTransactionCount({ address: accounts[1] })).toBe(0);
    } finally {
      await client.setCode({ address: canonical, bytecode: code! });
    }
  });

  it('deploys against the existing ALT, hands administration to governance and the given admin', async () => {
    const out = mkdtempSync(join(tmpdir(), 'alt-deploy-'));
    const { stdout } = await deployCommand('--admin', accounts[9], '--out', out, '--name', 'Test chain');
    expect(stdout).toContain('ALT at 0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB has the mainnet composition.');
    const block = JSON.parse(readFileSync(join(out, 'config-chain.json'), 'utf8'));
    expect(stdout).toContain(JSON.stringify(block, null, 2));
    expect(block).toMatchObject({ id: 31337, name: 'Test chain', rpcUrls: [anvil.url] });
    const { alt, governor, staking, timelock } = block.contracts;
    expect(alt).toBe(ALT_MAINNET_ADDRESS);

    const read = (address: Address, abi: any, functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address, abi, functionName, args } as any) as Promise<any>;
    const votes = await read(governor, altGovernorAbi, 'token');
    expect(await read(votes, altVotesAbi, 'staking')).toBe(staking);
    expect(await read(votes, altVotesAbi, 'underlying')).toBe(alt);
    expect(await read(staking, altStakingAbi, 'hasRole', [DEFAULT_ADMIN_ROLE, timelock])).toBe(true);
    const proposer = keccak256(toBytes('PROPOSER_ROLE'));
    expect(await read(timelock, altTimelockAbi, 'hasRole', [proposer, governor])).toBe(true);
    expect(await read(timelock, altTimelockAbi, 'hasRole', [DEFAULT_ADMIN_ROLE, accounts[9]])).toBe(true);
    expect(await read(timelock, altTimelockAbi, 'hasRole', [DEFAULT_ADMIN_ROLE, accounts[1]])).toBe(false);
    expect((await read(staking, altStakingAbi, 'getParameters')).unbondingPeriod).toBe(21n * 86_400n);

    // The block carries what the app would otherwise read on a first visit, and the app accepts it.
    expect(block.capabilities).toMatchObject({
      alt: { address: alt, symbol: 'ALT', pausable: true, hasVotes: false },
      votes: { address: votes, wrapsAlt: true, countsStake: true, clockMode: 'timestamp' },
      governor: { address: governor, executor: timelock, timelock },
      staking: { address: staking, votes },
    });
    const [chain] = parseAppConfig({ chains: [block] }).chains;
    expect(shippedCapabilities(chain)).toEqual(block.capabilities);

    // The verification input compiles to exactly the creation code that was deployed.
    const verify = JSON.parse(readFileSync(join(out, 'verify', 'AltStaking.json'), 'utf8'));
    expect(verify.contract).toBe('contracts/AltStaking.sol:AltStaking');
    expect(verify.address).toBe(staking);
    const output = JSON.parse(solc.compile(JSON.stringify(verify.input)));
    const bytecode = output.contracts['contracts/AltStaking.sol'].AltStaking.evm.bytecode.object;
    const logs = await client.getLogs({ address: staking, fromBlock: 0n });
    const creation = await client.getTransaction({ hash: logs[0].transactionHash! });
    expect(creation.input).toBe(`0x${bytecode}${verify.constructorArguments.slice(2)}`);
  });
});
