/**
 * App-wide state: the chain the app is showing, each chain's reachability, latest block, contract
 * capabilities and ALT pause, the address being viewed (the URL's `address`, else the connected
 * wallet), and whether writes are allowed.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { QueryClient } from '@tanstack/svelte-query';
import { getAddress, isAddress, type Address } from 'viem';
import { altLayerTokenViewsAbi } from '../contracts/abi/alt-layer-token-views.ts';
import type { ReadClient } from './chains.ts';
import { cachedCapabilities, readCapabilities, rememberCapabilities, type ChainCaps } from './capabilities.ts';
import { readBatch } from './read-batch.ts';
import { watchHead, type Head } from './watch-head.ts';
import { HeadOrder } from './head-order.ts';
import { ALT_PAUSED_MESSAGE } from '../errors/map-error.ts';
import type { AppConfig, ChainConfig, ContractName } from '../config/app-config.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import { noAnswer } from '../errors/rpc-errors.ts';
import { router } from '../router/router.svelte.ts';
import type { Wallet } from './wallet.svelte.ts';
import { touchedBy } from '../query/keys.ts';

export class AppState {
  chainId = $state<number>(0);
  reachable = $state<Record<number, boolean | undefined>>({});
  blockNumber = $state<Record<number, bigint | undefined>>({});
  /** What each chain's contracts can do, once known (see capabilities.ts). */
  caps = $state<Record<number, ChainCaps | undefined>>({});
  capsError = $state<Record<number, unknown>>({});
  /** Whether ALT's owner has paused its transfers, as last read on each chain. */
  altPaused = $state<Record<number, boolean | undefined>>({});
  #stopWatch: () => void = () => {};
  #capsLoading = new Map<number, Promise<ChainCaps>>();

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

  /** The app chain's capabilities; undefined until resolved. */
  get capabilities(): ChainCaps | undefined {
    return this.caps[this.chainId];
  }

  /** Resolves `chainId`'s capabilities once (from the cache of an earlier visit when it has them). */
  loadCapabilities(chainId = this.chainId): Promise<ChainCaps> {
    const known = this.caps[chainId];
    if (known) return Promise.resolve(known);
    const loading = this.#capsLoading.get(chainId);
    if (loading) return loading;
    const chain = this.config.chains.find((c) => c.id === chainId)!;
    const cached = cachedCapabilities(chain);
    if (cached) {
      this.caps[chainId] = cached;
      return Promise.resolve(cached);
    }
    const promise = readCapabilities(this.clients.get(chainId)!, chain)
      .then((caps) => {
        this.caps[chainId] = caps;
        delete this.capsError[chainId];
        rememberCapabilities(chain, caps);
        return caps;
      })
      .catch((error) => {
        this.capsError[chainId] = error;
        throw error;
      })
      .finally(() => this.#capsLoading.delete(chainId));
    this.#capsLoading.set(chainId, promise);
    return promise;
  }

  /**
   * The app chain's capabilities for a screen's read: at once when known, else once resolved; a
   * failure to resolve them fails the read, which shows it and retries like any other.
   */
  requireCapabilities(): Promise<ChainCaps> {
    return this.loadCapabilities(this.chainId);
  }

  /** The block each chain's pause state was last read at: an older read never overrides a newer one. */
  #pausedAt: Record<number, bigint> = {};

  /**
   * Records whether ALT is paused on `chainId`, as a screen's batch or the head poll read it at
   * block `at`. A screen still showing data from before a pause must not undo what the head poll
   * has just seen; and a screen's effect calling this must not come to depend on the pause state.
   */
  notePaused(chainId: number, paused: boolean | undefined, at: bigint | undefined) {
    if (paused === undefined || at === undefined) return;
    untrack(() => {
      if ((this.#pausedAt[chainId] ?? -1n) > at) return;
      this.#pausedAt[chainId] = at;
      if (this.altPaused[chainId] !== paused) this.altPaused[chainId] = paused;
    });
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

  /** Why a write that moves ALT (stake, withdraw, claim, wrap…) is disabled; the pause included. */
  get moveBlockedReason(): string | undefined {
    return this.blockedReason('as-viewed', { movesAlt: true });
  }

  /**
   * Why a write is disabled. `as-viewed` actions act for the viewed address, so they need that
   * address's wallet; `anyone` actions (a sweep) only need a wallet. An action that moves ALT is
   * also disabled while ALT's owner has paused its transfers: it would revert, after asking for a
   * signature or an approval for nothing.
   */
  blockedReason(who: 'as-viewed' | 'anyone', options: { movesAlt?: boolean } = {}): string | undefined {
    if (options.movesAlt && this.altPaused[this.chainId]) return ALT_PAUSED_MESSAGE;
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
    this.loadCapabilities(chainId).catch(() => {});
    const chain = this.chain;
    const alt = chain.contracts.alt;
    // The head poll also reads whether ALT is paused, in the same request, so a pause or an unpause
    // shows on every page within one block.
    const read = alt
      ? async (client: ReadClient): Promise<Head> => {
          const { blockNumber, values } = await readBatch(
            client,
            chain,
            { paused: { address: alt, abi: altLayerTokenViewsAbi, functionName: 'paused' } },
            { allowFailure: true },
          );
          return { blockNumber, altPaused: values.paused };
        }
      : undefined;
    // The first poll waits one interval: every screen's batched read already carries the block
    // number, so polling at once would cost a request while the screen loads.
    const order = new HeadOrder();
    let answeredInWords = 0;
    this.#stopWatch = watchHead(this.client, {
      read,
      onBlock: (answered, head) => {
        // One lower answer is a lagging backend: the head, and what screens show, never step back on it.
        answeredInWords = 0;
        const blockNumber = order.observe(answered);
        const previous = this.blockNumber[chainId];
        const recovered = this.reachable[chainId] === false;
        this.blockNumber[chainId] = blockNumber;
        this.reachable[chainId] = true;
        if (answered === blockNumber) this.notePaused(chainId, head.altPaused, blockNumber);
        if (!this.caps[chainId]) this.loadCapabilities(chainId).catch(() => {});
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
        // What was read before this block is read again: on a new block, and on the first poll when
        // a screen's data (its batch's block) is already behind the head.
        const moved = previous !== undefined && blockNumber !== previous;
        const followsHead = touchedBy([...PER_BLOCK_ROOTS], chainId);
        void this.queryClient.invalidateQueries({
          predicate: (q) => {
            if (!followsHead(q.queryKey)) return false;
            const at = (q.state.data as { blockNumber?: unknown } | undefined)?.blockNumber;
            return typeof at === 'bigint' ? at < blockNumber : moved;
          },
        });
      },
      onError: (error) => {
        // Unreachable is no answer at all. A node that answered in words (a lagging backend that
        // lacks the block, a rate limit) is there, and the next poll reads again; only when it
        // answers the next poll with an error too is the chain called unreachable.
        if (!noAnswer(error) && ++answeredInWords < 2) return;
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
