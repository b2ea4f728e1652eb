/**
 * The chain session: which chain the app shows, each chain's latest block and reachability, ALT's
 * pause as last read, what the chain's contracts can do, and the head watch that refreshes every
 * per-block read when a block lands.
 */
import { untrack } from 'svelte';
import type { QueryClient } from '@tanstack/svelte-query';
import type { Address } from 'viem';
import { altLayerTokenViewsAbi } from '../contracts/abi/alt-layer-token-views.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { ChainCaps } from '../web3/capabilities.ts';
import { readBatch } from '../web3/read-batch.ts';
import { watchHead, type Head } from '../web3/watch-head.ts';
import { HeadOrder } from '../web3/head-order.ts';
import type { AppConfig, ChainConfig, ContractName } from '../config/app-config.ts';
import { PER_BLOCK_ROOTS } from '../query/presets.ts';
import { noAnswer } from '../errors/rpc-errors.ts';
import { touchedBy } from '../query/keys.ts';
import { CapabilitiesStore } from './capabilities-store.svelte.ts';

export class ChainSession {
  chainId = $state<number>(0);
  reachable = $state<Record<number, boolean | undefined>>({});
  blockNumber = $state<Record<number, bigint | undefined>>({});
  /** Whether ALT's owner has paused its transfers, as last read on each chain. */
  altPaused = $state<Record<number, boolean | undefined>>({});
  /** What each chain's contracts can do (see web3/capabilities.ts). */
  readonly capabilityStore: CapabilitiesStore;
  #stopWatch: () => void = () => {};

  constructor(
    readonly config: AppConfig,
    readonly clients: Map<number, ReadClient>,
    readonly queryClient: QueryClient,
  ) {
    this.chainId = config.defaultChainId;
    this.capabilityStore = new CapabilitiesStore(
      (id) => this.config.chains.find((c) => c.id === id)!,
      (id) => this.clients.get(id)!,
    );
  }

  get chain(): ChainConfig {
    return this.config.chains.find((c) => c.id === this.chainId)!;
  }

  get client(): ReadClient {
    return this.clients.get(this.chainId)!;
  }

  /** The app chain's capabilities; undefined until resolved. */
  get capabilities(): ChainCaps | undefined {
    return this.capabilityStore.known[this.chainId];
  }

  /**
   * The app chain's capabilities for a screen's read or a write: at once when known, else once
   * resolved; a failure to resolve them fails the read, which shows it and retries like any other.
   */
  requireCapabilities(): Promise<ChainCaps> {
    return this.capabilityStore.load(this.chainId);
  }

  /** Address of `name` on the app's chain, or undefined where it is not deployed. */
  contract(name: ContractName): Address | undefined {
    return this.chain.contracts[name];
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

  /** Follows new blocks on the app's chain and refreshes per-block queries when one arrives. */
  watchBlocks() {
    this.#stopWatch();
    const chainId = this.chainId;
    this.capabilityStore.load(chainId).catch(() => {});
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
        if (!this.capabilityStore.known[chainId]) this.capabilityStore.load(chainId).catch(() => {});
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
