/**
 * App-wide state: the chain the app is showing, each chain's reachability and latest block, the
 * address being viewed (the URL's `address`, else the connected wallet), and whether writes are allowed.
 */
import { getContext, setContext } from 'svelte';
import type { QueryClient } from '@tanstack/svelte-query';
import { getAddress, isAddress, type Address } from 'viem';
import type { ReadClient } from './chains.ts';
import { watchHead } from './watch-head.ts';
import type { AppConfig, ChainConfig, ContractName } from '../config/app-config.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import { router } from '../router/router.svelte.ts';
import type { Wallet } from './wallet.svelte.ts';

export class AppState {
  chainId = $state<number>(0);
  reachable = $state<Record<number, boolean | undefined>>({});
  blockNumber = $state<Record<number, bigint | undefined>>({});
  #stopWatch: () => void = () => {};

  constructor(
    readonly config: AppConfig,
    readonly clients: Map<number, ReadClient>,
    readonly wallet: Wallet,
    readonly queryClient: QueryClient,
  ) {
    this.chainId = config.defaultChainId;
  }

  get chain(): ChainConfig {
    return this.config.chains.find((c) => c.id === this.chainId)!;
  }

  get client(): ReadClient {
    return this.clients.get(this.chainId)!;
  }

  /** Address of `name` on the app's chain, or undefined where it is not deployed. */
  contract(name: ContractName): Address | undefined {
    return this.chain.contracts[name];
  }

  /** The `address` in the URL when it is valid; an invalid one is reported by `urlAddressError`. */
  get urlAddress(): Address | undefined {
    const raw = router.route.params.get('address');
    return raw && isAddress(raw, { strict: false }) ? getAddress(raw) : undefined;
  }

  get urlAddressError(): string | undefined {
    const raw = router.route.params.get('address');
    return raw && !isAddress(raw, { strict: false })
      ? `"${raw.slice(0, 50)}" in the link is not an address.`
      : undefined;
  }

  /** The address whose data every page shows. */
  get viewedAddress(): Address | undefined {
    return this.urlAddress ?? this.wallet.address;
  }

  /**
   * Whether the viewed address is known: a URL address at once, otherwise once a returning wallet
   * has reconnected (or is known absent). Screens wait for it so their batched read runs once.
   */
  get addressSettled(): boolean {
    return !!this.urlAddress || this.wallet.settled;
  }

  /** Why write actions are disabled right now, or undefined when they are allowed. */
  get writeBlockedReason(): string | undefined {
    return this.blockedReason('as-viewed');
  }

  /**
   * Why a write is disabled. `as-viewed` actions act for the viewed address, so they need that
   * address's wallet; `anyone` actions (a claim paid to its owner, a sweep) only need a wallet.
   */
  blockedReason(who: 'as-viewed' | 'anyone'): string | undefined {
    if (this.wallet.status !== 'connected' || !this.wallet.address) return 'Connect a wallet to do this.';
    if (who === 'as-viewed' && this.urlAddress && this.urlAddress !== this.wallet.address) {
      return 'You are viewing another address in read-only mode. Connect that wallet, or view your own address, to act.';
    }
    if (this.wallet.chainId !== this.chainId) return `Switch your wallet to ${this.chain.name} to do this.`;
    if (this.reachable[this.chainId] === false) return `${this.chain.name} is unreachable right now.`;
    return undefined;
  }

  /** Follows new blocks on the app's chain and refreshes per-block queries when one arrives. */
  watchBlocks() {
    this.#stopWatch();
    const chainId = this.chainId;
    // The first poll waits one interval: every screen's batched read already carries the block
    // number, so polling at once would cost a request while the screen loads.
    this.#stopWatch = watchHead(this.client, {
      onBlock: (blockNumber) => {
        const previous = this.blockNumber[chainId];
        const recovered = this.reachable[chainId] === false;
        this.blockNumber[chainId] = blockNumber;
        this.reachable[chainId] = true;
        // Back from an outage: every read that failed meanwhile runs again, with no reload. A node
        // restarted from a snapshot may be at the same block, so this cannot wait for a new one.
        if (recovered) {
          void this.queryClient.refetchQueries({
            type: 'active',
            predicate: (q) =>
              q.state.status === 'error' &&
              [chainId, undefined].includes((q.queryKey[1] as { chainId?: number })?.chainId),
          });
        }
        if (previous !== undefined && blockNumber !== previous) {
          void this.queryClient.invalidateQueries({
            predicate: (q) =>
              PER_BLOCK_ROOTS.has(String(q.queryKey[0])) &&
              (q.queryKey[1] as { chainId?: number })?.chainId === chainId,
          });
        }
      },
      onError: () => {
        this.reachable[chainId] = false;
      },
    });
  }

  selectChain(chainId: number) {
    this.chainId = chainId;
    this.watchBlocks();
  }
}

const KEY = Symbol('app-state');
export const setAppState = (state: AppState) => setContext(KEY, state);
export const useApp = () => getContext<AppState>(KEY);
