/**
 * The connected wallet as reactive state. Starts on the light wagmi config (which restores a
 * previous injected session without the modal) and moves to the modal's config once it is loaded.
 * wagmi itself is imported after the first screen: reading needs none of it.
 */
import type { Config } from '@wagmi/core';
import type { Address } from 'viem';
import type { AppConfig } from '../config/app-config.ts';
import type { LoadedModal } from './appkit.ts';
import { hasSavedConnection } from './wallet-storage.ts';
import { InjectedWallets } from './injected-wallets.svelte.ts';
import * as m from '../i18n/messages.ts';

export type WalletStatus = 'disconnected' | 'connecting' | 'reconnecting' | 'connected';

/**
 * How long reads wait for a returning wallet to reconnect before they go ahead without it. A wallet
 * that never answers (a locked extension, a stalled in-app browser) must not hold every page.
 */
export const RECONNECT_TIMEOUT_MS = 3_000;

/** wagmi and the wallet code, loaded on first need: one import site, so the page lists its files once. */
const runtime = () => import('./wallet-runtime.ts');

export class Wallet {
  status = $state<WalletStatus>('disconnected');
  address = $state<Address | undefined>();
  chainId = $state<number | undefined>();
  connectorName = $state<string | undefined>();
  modalLoading = $state(false);
  /** False until a previous session has been restored or found absent: reads wait for it, so they run once. */
  settled = $state(false);
  /** Shown inside another page's frame that is no Safe{Wallet}: writes stay off (no clicks under an overlay). */
  framedElsewhere = $state(false);
  #config: Config | undefined;
  #unwatch: () => void = () => {};
  #modal: LoadedModal | undefined;
  readonly ready: Promise<void>;
  /** The wallets this browser injects, offered directly by Connect. */
  readonly injected = new InjectedWallets();

  constructor(readonly appConfig: AppConfig) {
    this.injected.start();
    this.ready = this.#start();
  }

  /** The light config (injected wallets, no modal), created once on first need. */
  async #light(): Promise<Config> {
    const { createLightWalletConfig } = await runtime();
    if (!this.#config) {
      const light = createLightWalletConfig(this.appConfig);
      this.#config = light;
      await this.#watch(light);
    }
    return this.#config;
  }

  async #start() {
    // Inside Safe{Wallet} (a frame whose host answers as a Safe), the Safe is the wallet, at once.
    if (typeof window !== 'undefined' && window.self !== window.top) {
      const joined = await (await runtime()).joinSafe(this.appConfig, (id) => this.#connectAnnounced(id));
      if (joined) {
        this.settled = true;
        return;
      }
      this.framedElsewhere = true;
    }
    // A first visit has nothing to restore: wagmi loads when the user connects, not with the page.
    if (!hasSavedConnection()) {
      this.settled = true;
      return;
    }
    const restore = async () => {
      const { reconnect } = await runtime();
      await reconnect(await this.#light()).catch(() => {});
    };
    // If the wallet answers later, its account shows then; reads meanwhile act for no one.
    await Promise.race([restore(), new Promise((resolve) => setTimeout(resolve, RECONNECT_TIMEOUT_MS))]);
    this.settled = true;
  }

  /** The wagmi config that holds the connection, for writes. */
  get config(): Config {
    if (!this.#config) throw new Error(m.errors_wallet_loading());
    return this.#config;
  }

  async #watch(config: Config) {
    const { watchAccount } = await runtime();
    this.#unwatch();
    this.#unwatch = watchAccount(config, {
      onChange: (account) => {
        this.status = account.status;
        this.address = account.address;
        this.chainId = account.chainId;
        this.connectorName = account.connector?.name;
      },
    });
  }

  /** Starts loading wagmi as a finger touches Connect, so the tap's connect does not wait for it. */
  prepare() {
    void runtime().catch(() => {});
  }

  /**
   * Connects an injected wallet directly, in one tap: the wallet's own prompt is the only thing the
   * user sees, and the wallet modal is not loaded.
   */
  async connectInjected(id: string): Promise<void> {
    await this.ready;
    await this.#connectAnnounced(id);
  }

  async #connectAnnounced(id: string): Promise<void> {
    const { connect } = await runtime();
    const config = await this.#light();
    // EIP-6963 wallets are found a moment after the config starts listening.
    let connector = config.connectors.find((c) => c.id === id);
    for (let i = 0; !connector && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      connector = config.connectors.find((c) => c.id === id);
    }
    if (!connector) throw new Error(m.errors_wallet_unavailable());
    await connect(config, { connector });
  }

  /** Opens the wallet modal (WalletConnect and every other wallet), loading it on first use. */
  async connect(): Promise<void> {
    if (!this.#modal) {
      this.modalLoading = true;
      try {
        const { createModal } = await (await runtime()).loadModal();
        await this.ready;
        this.#modal = createModal(this.appConfig);
        this.#config = this.#modal.config;
        await this.#watch(this.#modal.config);
      } finally {
        this.modalLoading = false;
      }
    }
    await this.#modal.modal.open();
  }

  async disconnect(): Promise<void> {
    const { disconnect } = await runtime();
    if (this.#config) await disconnect(this.#config).catch(() => {});
    this.status = 'disconnected';
    this.address = undefined;
  }

  /** Asks the wallet to switch to `chainId`. */
  async switchChain(chainId: number): Promise<void> {
    const { switchChain } = await runtime();
    await switchChain(this.config, { chainId });
  }
}
