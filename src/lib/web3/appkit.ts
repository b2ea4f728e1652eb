/**
 * The Reown AppKit wallet modal, imported only when the user asks to connect: it is several hundred
 * KiB that the first screen does not need. Its wagmi adapter builds its own config, which becomes
 * the app's wallet config from then on.
 */
import { createAppKit, type AppKit } from '@reown/appkit';
import { WagmiAdapter } from '@reown/appkit-adapter-wagmi';
import type { Config } from '@wagmi/core';
import type { AppConfig } from '../config/app-config.ts';
import { walletChains, walletStorage, walletTransports } from './wallet-config.ts';

// AppKit will not initialise without a project id; with none configured WalletConnect stays off and
// this placeholder only satisfies that check (injected EIP-6963 wallets need no project id).
const NO_PROJECT_ID = '00000000000000000000000000000000';

export interface LoadedModal {
  modal: AppKit;
  config: Config;
}

export function createModal(config: AppConfig): LoadedModal {
  const walletConnect = config.walletConnectProjectId !== '';
  const projectId = walletConnect ? config.walletConnectProjectId : NO_PROJECT_ID;
  const networks = walletChains(config);
  const adapter = new WagmiAdapter({
    networks,
    projectId,
    transports: walletTransports(config),
    storage: walletStorage(),
    multiInjectedProviderDiscovery: true,
    pendingTransactionsFilter: { enable: false },
  });
  const modal = createAppKit({
    adapters: [adapter],
    networks,
    defaultNetwork: networks[0],
    projectId,
    metadata: {
      name: 'ALT',
      description: 'Stake, vote and claim ALT',
      url: location.origin,
      icons: [new URL('./favicon.svg', location.href).href],
    },
    enableWalletConnect: walletConnect,
    enableCoinbase: false,
    allWallets: walletConnect ? 'SHOW' : 'HIDE',
    enableWalletGuide: false,
    features: { analytics: false, email: false, socials: false, swaps: false, onramp: false, history: false, send: false },
  } as Parameters<typeof createAppKit>[0]);
  return { modal, config: adapter.wagmiConfig };
}
