/**
 * What each chain's contracts can do (see web3/capabilities.ts), resolved once per chain: from an
 * earlier visit's cache when there is one, else read; a read in flight is shared.
 */
import type { ChainConfig } from '../config/app-config.ts';
import type { ReadClient } from '../web3/chains.ts';
import { cachedCapabilities, rememberCapabilities, type ChainCaps } from '../web3/capabilities.ts';

export class CapabilitiesStore {
  /** Each chain's capabilities, once known. */
  known = $state<Record<number, ChainCaps | undefined>>({});
  /** Why resolving a chain's capabilities failed, until it succeeds. */
  errors = $state<Record<number, unknown>>({});
  #loading = new Map<number, Promise<ChainCaps>>();

  constructor(
    readonly chainOf: (chainId: number) => ChainConfig,
    readonly clientOf: (chainId: number) => ReadClient,
  ) {}

  /** Resolves `chainId`'s capabilities once (from the cache of an earlier visit when it has them). */
  load(chainId: number): Promise<ChainCaps> {
    const known = this.known[chainId];
    if (known) return Promise.resolve(known);
    const loading = this.#loading.get(chainId);
    if (loading) return loading;
    const chain = this.chainOf(chainId);
    const cached = cachedCapabilities(chain);
    if (cached) {
      this.known[chainId] = cached;
      return Promise.resolve(cached);
    }
    // The probe's code and ABIs load only for a chain whose capabilities are neither shipped nor cached.
    const promise = import('../web3/read-capabilities.ts')
      .then(({ readCapabilities }) => readCapabilities(this.clientOf(chainId), chain))
      .then((caps) => {
        this.known[chainId] = caps;
        delete this.errors[chainId];
        rememberCapabilities(chain, caps);
        return caps;
      })
      .catch((error) => {
        this.errors[chainId] = error;
        throw error;
      })
      .finally(() => this.#loading.delete(chainId));
    this.#loading.set(chainId, promise);
    return promise;
  }
}
