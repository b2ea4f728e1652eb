/**
 * The app's state, as three parts and the wallet: the chain session (which chain, its head,
 * reachability, capabilities and ALT's pause, see chain-session.svelte.ts), the viewed address (the
 * URL's or the wallet's), and the write policy (whether a write may be offered, and why not). A read
 * takes only `read`, a small context; components take the part they show.
 */
import { getContext, setContext } from 'svelte';
import type { QueryClient } from '@tanstack/svelte-query';
import type { AppConfig } from '../config/app-config.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { Wallet } from '../web3/wallet.svelte.ts';
import { ChainSession } from './chain-session.svelte.ts';
import { ViewedAddress } from './viewed-address.svelte.ts';
import { WritePolicy } from './write-policy.svelte.ts';
import type { ReadContext } from './read-context.ts';

export class AppState extends ChainSession {
  readonly viewed: ViewedAddress;
  readonly policy: WritePolicy;

  constructor(
    config: AppConfig,
    clients: Map<number, ReadClient>,
    readonly wallet: Wallet,
    queryClient: QueryClient,
  ) {
    super(config, clients, queryClient);
    this.viewed = new ViewedAddress(wallet);
    this.policy = new WritePolicy(this, wallet, this.viewed);
  }

  /**
   * What a read of the app's chain needs, as of now (called inside a query's options, it tracks the
   * chain, its capabilities and the viewed address's settling).
   */
  get read(): ReadContext {
    const chainId = this.chainId;
    return {
      chainId,
      chain: this.chain,
      client: this.client,
      caps: this.capabilities,
      requireCaps: () => this.capabilityStore.load(chainId),
      clientOf: (id) => this.clients.get(id),
      settled: this.viewed.settled,
    };
  }
}

const KEY = Symbol('app-state');
export const setAppState = (state: AppState) => setContext(KEY, state);
export const useApp = () => getContext<AppState>(KEY);
