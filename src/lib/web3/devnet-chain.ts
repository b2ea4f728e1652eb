/** The local anvil devnet as a viem chain, with Multicall3 at its canonical address as on mainnet. */
import { defineChain } from 'viem';

export const DEVNET_CHAIN_ID = 31337;
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;

/** Builds the devnet chain for an RPC URL (8545 by default). */
export function devnetChain(rpcUrl = 'http://127.0.0.1:8545') {
  return defineChain({
    id: DEVNET_CHAIN_ID,
    name: 'AltLayer devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 } },
    testnet: true,
  });
}
