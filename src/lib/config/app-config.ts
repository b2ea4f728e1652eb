/**
 * The deployer-editable runtime config: `config.json` beside index.html says which chains exist,
 * their RPC URLs and which contracts live on each. Validated here so a typo fails with a message.
 */
import { getAddress, isAddress, type Address } from 'viem';

/**
 * `statements`: the DelegateStatements registry (no owner; the same address on every chain).
 * `ensUniversalResolver`: where the chain's ENS answers primary names; Ethereum's is viem's own
 * (ENS's deployment) unless the config names another, and a chain without one shows no names.
 */
export type ContractName =
  'alt' | 'staking' | 'governor' | 'timelock' | 'airdrop' | 'multicall3' | 'statements' | 'ensUniversalResolver';

export interface ChainConfig {
  id: number;
  name: string;
  rpcUrls: string[];
  explorer: string | null;
  deployBlock: number;
  contracts: Partial<Record<ContractName, Address>>;
  /**
   * What those contracts can do, as the deploy tool read it from the chain when it wrote this file
   * (see web3/capabilities.ts): used only while it describes exactly the configured contracts.
   */
  capabilities?: unknown;
  /**
   * A Safe Transaction Service (https origin) the app may ask for a Safe transaction's off-chain
   * confirmations; without one, confirmations are those the Safe holds on chain.
   */
  safeTransactionService?: string;
}

export interface AppConfig {
  defaultChainId: number;
  walletConnectProjectId: string;
  chains: ChainConfig[];
  /** Origins operator metadata may be fetched from (the build's CSP allows exactly these). */
  metadataOrigins: string[];
  /**
   * The Safe{Wallet} origins the app runs inside as a Safe App (the host's `frame-ancestors` allows
   * exactly these, and the app answers only their messages); Safe's own when config.json names none.
   */
  safeAppOrigins: string[];
}

const CONTRACT_NAMES: ContractName[] = [
  'alt',
  'staking',
  'governor',
  'timelock',
  'airdrop',
  'multicall3',
  'statements',
  'ensUniversalResolver',
];

export class ConfigError extends Error {}

function fail(message: string): never {
  throw new ConfigError(`config.json: ${message}`);
}

/** Validates parsed JSON as an AppConfig, checksumming every address. */
export function parseAppConfig(data: unknown): AppConfig {
  if (typeof data !== 'object' || data === null) fail('expected an object');
  const raw = data as Record<string, unknown>;
  if (!Array.isArray(raw.chains) || raw.chains.length === 0) fail('"chains" must be a non-empty array');
  const chains = raw.chains.map((c: any, i: number): ChainConfig => {
    const where = `chains[${i}]`;
    if (!Number.isSafeInteger(c?.id) || c.id <= 0) fail(`${where}.id must be a positive integer`);
    if (typeof c.name !== 'string' || !c.name) fail(`${where}.name must be a string`);
    if (
      !Array.isArray(c.rpcUrls) ||
      !c.rpcUrls.every((u: unknown) => typeof u === 'string' && /^(https?|wss?):\/\//.test(u))
    ) {
      fail(`${where}.rpcUrls must be a list of http(s) or ws(s) URLs`);
    }
    const contracts: ChainConfig['contracts'] = {};
    for (const [name, address] of Object.entries(c.contracts ?? {})) {
      if (!CONTRACT_NAMES.includes(name as ContractName)) fail(`${where}.contracts.${name} is not a known contract`);
      if (typeof address !== 'string' || !isAddress(address, { strict: false }))
        fail(`${where}.contracts.${name} is not an address`);
      contracts[name as ContractName] = getAddress(address);
    }
    return {
      id: c.id,
      name: c.name,
      rpcUrls: c.rpcUrls,
      explorer: typeof c.explorer === 'string' ? c.explorer.replace(/\/$/, '') : null,
      deployBlock: Number.isSafeInteger(c.deployBlock) ? c.deployBlock : 0,
      contracts,
      ...(c.capabilities !== undefined ? { capabilities: c.capabilities } : {}),
      ...(c.safeTransactionService !== undefined
        ? { safeTransactionService: httpsOrigin(c.safeTransactionService, `${where}.safeTransactionService`) }
        : {}),
    };
  });
  const defaultChainId = raw.defaultChainId ?? chains[0].id;
  if (!chains.some((c) => c.id === defaultChainId)) fail('defaultChainId is not one of the chains');
  return {
    defaultChainId: defaultChainId as number,
    walletConnectProjectId: typeof raw.walletConnectProjectId === 'string' ? raw.walletConnectProjectId : '',
    chains,
    metadataOrigins: parseOrigins(raw.metadataOrigins),
    // Checked where they are used (safe-app.ts, loaded only in a frame) and by the build's headers.
    safeAppOrigins: Array.isArray(raw.safeAppOrigins) ? raw.safeAppOrigins.map(String) : ['https://app.safe.global'],
  };
}

function httpsOrigin(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^https:\/\/[^/]+\/?$/.test(value)) fail(`${where} must be an https origin`);
  return new URL(value).origin;
}

function parseOrigins(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('"metadataOrigins" must be a list of https origins');
  return value.map((v, i) => httpsOrigin(v, `metadataOrigins[${i}]`));
}

/**
 * Fetches and validates `config.json` relative to the page, so the build works from any sub-path.
 * index.html preloads it, and this request takes that answer: it is the same request (same URL,
 * CORS mode, credentials and default cache mode), which a request with another cache mode would not
 * be. The host's headers decide its freshness: the build's `_headers` says to revalidate it on each
 * visit, as `npm run preview` does.
 */
export async function loadAppConfig(url = './config.json'): Promise<AppConfig> {
  const response = await fetch(url);
  if (!response.ok) throw new ConfigError(`config.json could not be loaded (HTTP ${response.status})`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON');
  }
  return parseAppConfig(data);
}

/** The chain whose `name` contract is deployed, or undefined. */
export function contractAddress(config: AppConfig, chainId: number, name: ContractName): Address | undefined {
  return config.chains.find((c) => c.id === chainId)?.contracts[name];
}
