/**
 * `npm run deploy -- --rpc <url> --key <0x…> --admin <address> [options]`: deploys protocol v2 to any
 * chain against the ALT already there (never deploys ALT), after checking that it has the mainnet
 * composition. Every step is simulated before it is sent. Prints the config.json block for the chain
 * and writes, per contract, the standard-JSON input for source verification.
 *
 * Options: --alt <address> (default: ALT's mainnet address), --out <dir> (default:
 * deployments/<chainId>), --airdrop-root <0x…> --claim-start <unix s> --claim-end <unix s> to deploy the
 * airdrop too, --name <chain name>, --explorer <url>, --multicall3 <address> (default: its canonical
 * address; the deployment is refused, before anything is sent, unless a Multicall3 answers there).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  http,
  isAddress,
  isHex,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ALT_MAINNET_ADDRESS } from '../devnet/alt-token.ts';
import { altCompositionProblems } from './deploy/alt-composition.ts';
import { DEFAULT_PARAMETERS, deployProtocolV2, type Sender } from './deploy/protocol.ts';
import { verificationInput } from './deploy/verification.ts';
import { CANONICAL_MULTICALL3, multicall3Problem } from './deploy/multicall3.ts';
import { parseAppConfig } from '../src/lib/config/app-config.ts';
import { readCapabilities } from '../src/lib/web3/read-capabilities.ts';
import { createReadClient } from '../src/lib/web3/chains.ts';

const root = new URL('..', import.meta.url).pathname;
/** anvil and some nodes estimate against the latest block; stateful calls can need more in the next one. */
const GAS_MARGIN_PERCENT = 25n;

export interface DeployOptions {
  rpc: string;
  key: Hex;
  admin: Address;
  alt?: Address;
  out?: string;
  airdrop?: { root: Hex; claimStart: bigint; claimEnd: bigint };
  name?: string;
  explorer?: string;
  /** The chain's Multicall3 (its canonical address by default). */
  multicall3?: Address;
  log?: (line: string) => void;
}

export class DeployRefused extends Error {}

/** Runs the deployment; resolves with the config.json block for the chain. */
export async function deploy(options: DeployOptions) {
  const log = options.log ?? console.log;
  const transport = http(options.rpc, { timeout: 60_000 });
  const client = createPublicClient({ transport });
  const account = privateKeyToAccount(options.key);
  const chainId = await client.getChainId();
  const wallet = createWalletClient({ account, transport });
  const alt = options.alt ?? ALT_MAINNET_ADDRESS;

  const problems = await altCompositionProblems(client, alt);
  if (problems.length) {
    throw new DeployRefused(`The token at ${alt} is not ALT as deployed on mainnet: ${problems.join('; ')}.`);
  }
  log(`ALT at ${alt} has the mainnet composition.`);
  // The app reads every screen through Multicall3: without one answering, it could not serve this chain.
  const multicall3 = options.multicall3 ?? CANONICAL_MULTICALL3;
  const missing = await multicall3Problem(client, multicall3);
  if (missing) {
    throw new DeployRefused(
      `This chain cannot serve the app: ${missing}. Every screen reads through Multicall3. Deploy it at ${CANONICAL_MULTICALL3} ` +
        '(its presigned deployment transaction works on chains that accept transactions without a chain id), or pass ' +
        '--multicall3 <address> of the Multicall3 this chain has. Nothing was sent.',
    );
  }
  log(`Multicall3 at ${multicall3} answers.`);

  const firstBlock = await client.getBlockNumber();
  const constructorArgs: Record<string, { address: Address; args: Hex }> = {};
  const gasFor = async (request: { data: Hex; to?: Address }) =>
    ((await client.estimateGas({ account, ...request, blockTag: 'pending' })) * (100n + GAS_MARGIN_PERCENT)) / 100n;
  const sendAndWait = async (label: string, request: { data: Hex; to?: Address }) => {
    // Simulate first: a step that would revert is reported with its reason and nothing is sent.
    await client.call({ account, ...request, blockTag: 'pending' }).catch((error) => {
      throw new DeployRefused(`${label} would fail: ${error.shortMessage ?? error.message}`);
    });
    const hash = await wallet.sendTransaction({ ...request, gas: await gasFor(request), chain: null });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 250 });
    if (receipt.status !== 'success') throw new Error(`${label} reverted in ${hash}`);
    return receipt;
  };
  const sender: Sender = {
    address: account.address,
    nonce: () => client.getTransactionCount({ address: account.address, blockTag: 'pending' }),
    async deploy(label, contract) {
      const data = encodeDeployData(contract as any);
      const receipt = await sendAndWait(`deploying ${label}`, { data });
      const address = getAddress(receipt.contractAddress!);
      constructorArgs[label] = { address, args: `0x${data.slice(contract.bytecode.length)}` };
      log(`${label.padEnd(12)} ${address}`);
      return address;
    },
    async call(label, call) {
      await sendAndWait(label, { to: call.address, data: encodeFunctionData(call as any) });
      log(`${label} done`);
    },
  };
  const contracts = await deployProtocolV2(sender, {
    alt,
    admin: options.admin,
    airdrop: options.airdrop,
    parameters: DEFAULT_PARAMETERS,
  });

  const out = options.out ?? join(root, 'deployments', String(chainId));
  mkdirSync(join(out, 'verify'), { recursive: true });
  for (const [name, { address, args }] of Object.entries(constructorArgs)) {
    const verification = verificationInput(name);
    writeFileSync(
      join(out, 'verify', `${name}.json`),
      `${JSON.stringify({ ...verification, address, constructorArguments: args }, null, 2)}\n`,
    );
  }
  const { votes: _votes, airdrop, ...core } = contracts;
  const block = {
    id: chainId,
    name: options.name ?? `Chain ${chainId}`,
    rpcUrls: [options.rpc],
    explorer: options.explorer ?? null,
    deployBlock: Number(firstBlock) + 1,
    contracts: { ...core, ...(airdrop ? { airdrop } : {}), multicall3 },
  };
  // What the deployed contracts can do, read back from the chain: the app uses it instead of two
  // round trips on a first visit, for as long as config.json names exactly these contracts.
  const [chain] = parseAppConfig({ chains: [block] }).chains;
  const capabilities = await readCapabilities(createReadClient(chain), chain).catch((error) => {
    log(`Capabilities not read (${error.shortMessage ?? error.message}): the app will read them on its first visit.`);
    return undefined;
  });
  const entry = capabilities ? { ...block, capabilities } : block;
  writeFileSync(join(out, 'config-chain.json'), `${JSON.stringify(entry, null, 2)}\n`);
  log(`\nAdd this to "chains" in config.json:\n${JSON.stringify(entry, null, 2)}`);
  log(`Standard-JSON inputs for verification: ${join(out, 'verify')}`);
  return entry;
}

function parseCommandLine(argv: string[]): DeployOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rpc: { type: 'string' },
      key: { type: 'string' },
      admin: { type: 'string' },
      alt: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      explorer: { type: 'string' },
      'airdrop-root': { type: 'string' },
      'claim-start': { type: 'string' },
      'claim-end': { type: 'string' },
      multicall3: { type: 'string' },
    },
  });
  const fail = (message: string): never => {
    throw new DeployRefused(message);
  };
  if (!values.rpc) fail('--rpc <url> is required');
  if (!values.key || !isHex(values.key) || values.key.length !== 66) fail('--key must be a 32-byte hex private key');
  if (!values.admin || !isAddress(values.admin)) fail('--admin must be an address (the Safe that will administer)');
  if (values.alt && !isAddress(values.alt)) fail('--alt must be an address');
  if (values.multicall3 && !isAddress(values.multicall3)) fail('--multicall3 must be an address');
  let airdrop: DeployOptions['airdrop'];
  if (values['airdrop-root']) {
    if (!isHex(values['airdrop-root']) || values['airdrop-root'].length !== 66) fail('--airdrop-root must be 32 bytes');
    const start = Number(values['claim-start']);
    const end = Number(values['claim-end']);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) {
      fail('--claim-start and --claim-end must be unix seconds, start before end');
    }
    airdrop = { root: values['airdrop-root'] as Hex, claimStart: BigInt(start), claimEnd: BigInt(end) };
  }
  return {
    rpc: values.rpc!,
    key: values.key as Hex,
    admin: getAddress(values.admin!),
    alt: values.alt ? getAddress(values.alt) : undefined,
    out: values.out,
    name: values.name,
    explorer: values.explorer,
    multicall3: values.multicall3 ? getAddress(values.multicall3) : undefined,
    airdrop,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await deploy(parseCommandLine(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof DeployRefused ? `Refused: ${error.message}` : error);
    process.exit(1);
  }
}
