/** viem chains and read clients built from the runtime config, one public client per chain. */
import { createClient, defineChain, type Address, type Chain, type Client, type Transport } from 'viem';
import { bsc, mainnet } from 'viem/chains';
import type { AppConfig, ChainConfig } from '../config/app-config.ts';
import { multicall3InterfaceAbi } from '../contracts/multicall3-interface.ts';
import { MULTICALL3_ADDRESS } from './devnet-chain.ts';
import { RpcPool } from '../rpc/pool.ts';
import { chainProfile } from './chain-profile.ts';

const KNOWN: Record<number, Chain> = { 1: mainnet, 56: bsc };

/** Where Multicall3 lives on `chain`: the configured address, else the canonical one. */
export const multicall3Of = (chain: ChainConfig): Address => chain.contracts.multicall3 ?? MULTICALL3_ADDRESS;

/** Where `chain` answers ENS primary names: the configured universal resolver, else Ethereum's own; none elsewhere. */
export const ensResolverOf = (chain: ChainConfig): Address | undefined =>
  chain.contracts.ensUniversalResolver ??
  (chain.id === mainnet.id ? mainnet.contracts.ensUniversalResolver.address : undefined);

/** The two calls a screen's batch starts with: the block it was read at, and that block's chain time. */
export const headCalls = (multicall3: Address) =>
  [
    { address: multicall3, abi: multicall3InterfaceAbi, functionName: 'getBlockNumber' },
    { address: multicall3, abi: multicall3InterfaceAbi, functionName: 'getCurrentBlockTimestamp' },
  ] as const;

/** A viem chain for a configured chain: viem's own definition where it has one, with the configured RPCs. */
export function toViemChain(chain: ChainConfig): Chain {
  const base = KNOWN[chain.id];
  return defineChain({
    ...(base ?? {}),
    id: chain.id,
    name: chain.name,
    nativeCurrency: base?.nativeCurrency ?? { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: chain.rpcUrls } },
    blockExplorers: chain.explorer ? { default: { name: 'Explorer', url: chain.explorer } } : undefined,
    contracts: {
      ...(base?.contracts ?? {}),
      multicall3: { address: multicall3Of(chain), blockCreated: 0 },
      ...(ensResolverOf(chain) ? { ensUniversalResolver: { address: ensResolverOf(chain)! } } : {}),
    },
  });
}

/** A bare viem client; actions are imported one by one from `viem/actions` so unused ones stay out of the bundle. */
export type ReadClient = Client<Transport, Chain>;

/** Each chain's RPC pool, for the Network page; filled as read clients are created. */
export const rpcPools = new Map<number, RpcPool>();

/**
 * A read client over every RPC of the chain (the configured ones, and any the person added), each
 * endpoint's limits discovered as it meets them (see rpc/endpoint.ts) and reads failing over between
 * them (rpc/pool.ts). Each screen groups its contract reads into one multicall; requests that still
 * go out together (a multicall and a log read) share one HTTP request as a JSON-RPC batch.
 */
export function createReadClient(chain: ChainConfig): ReadClient {
  const pool = new RpcPool(chain.id, chain.rpcUrls);
  rpcPools.set(chain.id, pool);
  return createClient({
    chain: toViemChain(chain),
    transport: pool.transport(),
    pollingInterval: chainProfile(chain.id).pollingIntervalMs,
  });
}

/** Read clients for every chain in the config, by chain id. */
export function createReadClients(config: AppConfig): Map<number, ReadClient> {
  return new Map(config.chains.map((c) => [c.id, createReadClient(c)]));
}
