/** The light wagmi config used before the wallet modal is loaded: EIP-6963 discovery and reconnect only. */
import { createConfig, createStorage, http, injected, type Config } from '@wagmi/core';
import type { Chain } from 'viem';
import type { AppConfig } from '../config/app-config.ts';
import { toViemChain } from './chains.ts';

import { WALLET_STORAGE_KEY } from './wallet-storage.ts';

export function walletChains(config: AppConfig): [Chain, ...Chain[]] {
  const chains = config.chains.map(toViemChain);
  const first = chains.findIndex((c) => c.id === config.defaultChainId);
  return [chains[first], ...chains.filter((_, i) => i !== first)];
}

export function walletTransports(config: AppConfig) {
  return Object.fromEntries(config.chains.map((c) => [c.id, http(c.rpcUrls[0])]));
}

/** One storage key for the light config and the modal's, so a session made in one restores in the other. */
export function walletStorage() {
  return createStorage({
    storage: typeof localStorage === 'undefined' ? undefined : localStorage,
    key: WALLET_STORAGE_KEY,
  });
}

/**
 * The wallet config for injected wallets, without the modal: EIP-6963 wallets by discovery, plus a
 * legacy `window.ethereum` (id "injected") for in-app browsers that announce nothing.
 */
export function createLightWalletConfig(config: AppConfig): Config {
  return createConfig({
    chains: walletChains(config),
    transports: walletTransports(config),
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    storage: walletStorage(),
  });
}
