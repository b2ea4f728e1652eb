/** Brings the whole devnet up: anvil, Multicall3, the protocol, a month of history, and the app's config. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { getAddress, type Address } from 'viem';
import { buildAirdropFromFile } from '../scripts/airdrop/build.ts';
import { startAnvil, type Anvil } from './anvil.ts';
import { createDevnetClient, installMulticall3, type DevnetClient } from './client.ts';
import { deployProtocol, type Deployment } from './deploy.ts';
import { ROLES, seed, type SeedSummary } from './seed.ts';
import { installSafe } from './safe.ts';
import { installStatements } from './statements.ts';
import { installEns } from './ens.ts';
import { addOperators, addProposals } from './scale.ts';
import { parseAppConfig } from '../src/lib/config/app-config.ts';
import { readCapabilities } from '../src/lib/web3/read-capabilities.ts';
import { createReadClient } from '../src/lib/web3/chains.ts';

const DAY = 86_400;
const root = new URL('..', import.meta.url).pathname;
export const DISTRIBUTION_FILE = join(root, 'data/airdrop/season-one.csv');
export const CONFIG_FILE = join(root, 'public/config.json');

export interface DevnetOptions {
  port?: number;
  /** Write the deployment into public/config.json (on by default). */
  writeConfig?: boolean;
  /** Register extra operators after seeding until there are this many (for scale measurements). */
  operators?: number;
  /** Add proposals after seeding until there are this many (for scale measurements). */
  proposals?: number;
  /** Start the chain at this block height (a genesis file anvil loads with `--init`). */
  genesisBlock?: number;
  /** Chain time the seeded month ends before the present, left for history written after it. */
  reserveSeconds?: number;
  gasLimit?: bigint;
  /** Recent states anvil keeps (in memory only); see AnvilOptions. */
  pruneHistory?: number;
}

export interface Devnet {
  anvil: Anvil;
  client: DevnetClient;
  deployment: Deployment;
  accounts: Address[];
  summary: SeedSummary;
  stop(): Promise<void>;
}

/**
 * Records the devnet deployment in the app's runtime config, leaving the other chains untouched, with
 * its contracts' capabilities as read from `rpcUrl` (so a first visit reads nothing extra for them).
 */
export async function writeDevnetConfig(deployment: Deployment, rpcUrl: string, file = CONFIG_FILE) {
  const config = JSON.parse(readFileSync(file, 'utf8'));
  const chain = config.chains.find((c: { id: number }) => c.id === deployment.chainId);
  chain.deployBlock = deployment.deployBlock;
  // The app finds the votes contract through the governor (its token()), so config names the rest.
  const { votes: _votes, ...contracts } = deployment.contracts;
  chain.contracts = contracts;
  delete chain.capabilities;
  const parsed = parseAppConfig(config).chains.find((c) => c.id === deployment.chainId)!;
  chain.capabilities = await readCapabilities(createReadClient({ ...parsed, rpcUrls: [rpcUrl] }), parsed);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** A genesis file for anvil's `--init` at block `number` and time `timestamp`, with no allocations. */
function writeGenesis(number: number, timestamp: number, gasLimit = 30_000_000n): string {
  const file = join(tmpdir(), `alt-devnet-genesis-${number}.json`);
  const genesis = {
    config: { chainId: 31337 },
    number: `0x${number.toString(16)}`,
    timestamp: `0x${timestamp.toString(16)}`,
    gasLimit: `0x${gasLimit.toString(16)}`,
    difficulty: '0x0',
    alloc: {},
  };
  writeFileSync(file, JSON.stringify(genesis));
  return file;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  // In memory only: the app's files come from the same builder and data file (`npm run airdrop:files`,
  // run by `npm run build` and `npm start`); writing them here would race a concurrent build.
  const { manifest, shards } = buildAirdropFromFile(DISTRIBUTION_FILE);
  const now = Math.floor(Date.now() / 1000) - (options.reserveSeconds ?? 0);
  const t0 = now - 30 * DAY;
  const init =
    options.genesisBlock === undefined ? undefined : writeGenesis(options.genesisBlock, t0, options.gasLimit);
  const anvil = await startAnvil({
    port: options.port,
    timestamp: t0,
    init,
    gasLimit: options.gasLimit,
    pruneHistory: options.pruneHistory,
  });
  try {
    const client = createDevnetClient(anvil.url);
    await installMulticall3(client);
    const accounts = (await client.getAddresses()).map((a) => getAddress(a));
    await installSafe(client, accounts[ROLES.safeDeployer]);
    const statements = await installStatements(client, accounts[ROLES.safeDeployer]);
    const ens = await installEns(client, accounts[ROLES.safeDeployer]);
    const claimStart = t0 + 25 * DAY;
    const deployment = await deployProtocol(
      client,
      { deployer: accounts[ROLES.deployer], altOwner: accounts[ROLES.altOwner] },
      { root: manifest.root, claimStart: BigInt(claimStart), claimEnd: BigInt(claimStart + 30 * DAY) },
    );
    deployment.contracts.statements = statements;
    deployment.contracts.ensUniversalResolver = ens;
    const summary = await seed(client, {
      deployment,
      accounts,
      t0,
      now,
      airdrop: { shards: new Map(shards.map((s) => [s.prefix, s])), claimStart, total: BigInt(manifest.total) },
    });
    if (options.operators) await addOperators(client, deployment, options.operators);
    if (options.proposals) await addProposals(client, deployment, accounts[1], options.proposals);
    if (options.writeConfig !== false) await writeDevnetConfig(deployment, anvil.url);
    return { anvil, client, deployment, accounts, summary, stop: anvil.stop };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
