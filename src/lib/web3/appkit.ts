/**
 * The Reown AppKit wallet modal, imported only when the user asks to connect: it is several hundred
 * KiB that the first screen does not need. Its wagmi adapter builds its own config, which becomes
 * the app's wallet config from then on.
 */
import { createAppKit, type AppKit } from '@reown/appkit';
import { WagmiAdapter } from '@reown/appkit-adapter-wagmi';
import { ConnectorController } from '@reown/appkit-controllers';
import type { Config } from '@wagmi/core';
import type { AppConfig } from '../config/app-config.ts';
import { walletChains, walletStorage, walletTransports } from './wallet-config.ts';
import * as m from '../i18n/messages.ts';

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
      description: m.errors_appkit_description(),
      url: location.origin,
      icons: [new URL('./favicon.svg', location.href).href],
    },
    enableWalletConnect: walletConnect,
    enableCoinbase: false,
    enableBaseAccount: false,
    // The modal's own font would come from its vendor's font host: the app's font instead.
    themeVariables: { '--w3m-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    allWallets: walletConnect ? 'SHOW' : 'HIDE',
    enableWalletGuide: false,
    features: {
      analytics: false,
      email: false,
      socials: false,
      swaps: false,
      onramp: false,
      history: false,
      send: false,
    },
  } as Parameters<typeof createAppKit>[0]);
  if (!walletConnect) hideWalletConnect();
  keepAddressesHome(modal);
  return { modal, config: adapter.wagmiConfig };
}

/**
 * After connecting, AppKit sends the address to its vendor's identity API (`/v1/identity/<address>`)
 * for a name and avatar, and may look up a vendor-issued name. The app shows addresses its own way
 * and configures no such service, so those lookups are replaced by "no identity" on this instance.
 */
function keepAddressesHome(modal: AppKit) {
  const instance = modal as unknown as Record<string, unknown>;
  instance.fetchIdentity = async () => ({ name: null, avatar: null });
  instance.syncIdentity = async () => {};
  instance.syncReownName = async () => {};
}

/**
 * AppKit 1.8 accepts `enableWalletConnect` in its types but ignores it, and lists WalletConnect
 * whenever its connector exists, which it creates for any project id. Without a real project id that
 * entry can only fail, so it is removed from the modal's connector list as soon as it appears.
 */
function hideWalletConnect() {
  const state = ConnectorController.state;
  const prune = () => {
    // Both lists: `connectors` is what the modal shows, `allConnectors` what it is rebuilt from.
    if (state.allConnectors.some((c) => c.id === 'walletConnect')) {
      state.allConnectors = state.allConnectors.filter((c) => c.id !== 'walletConnect');
    }
    if (state.connectors.some((c) => c.id === 'walletConnect')) {
      state.connectors = state.connectors.filter((c) => c.id !== 'walletConnect');
    }
  };
  prune();
  ConnectorController.subscribeKey('connectors', prune);
}
