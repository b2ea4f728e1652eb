/**
 * Verified ENS primary names for every account a page shows, read in one batch per page: each
 * `AccountName` on the page asks for its address, the asks of one moment are gathered, and one
 * Multicall3 batch of reverse lookups (then one of forward lookups, to verify) answers them all. A
 * name is kept only if it resolves back to its address and is in ENS normal form; it is shown beside
 * the address, never instead of it. Answers are kept for the visit, per chain.
 */
import type { Address } from 'viem';
import { aggregate } from './eth-call.ts';
import { ensResolverOf, multicall3Of, type ReadClient } from './chains.ts';
import { primaryFrom, reverseCall, verifyNames } from './ens-names.ts';
import type { ChainConfig } from '../config/app-config.ts';

/** The verified primary names of `addresses` (absent where there is none): two batches at most. */
export async function readNames(
  client: ReadClient,
  chain: ChainConfig,
  addresses: readonly Address[],
): Promise<Map<Address, string>> {
  const resolver = ensResolverOf(chain);
  if (!resolver || addresses.length === 0) return new Map();
  const multicall3 = multicall3Of(chain);
  const results = await aggregate(
    client,
    multicall3,
    addresses.map((a) => reverseCall(resolver, a)),
  );
  const candidates = new Map<Address, string>();
  addresses.forEach((a, i) => {
    const name = primaryFrom(results[i]);
    if (name) candidates.set(a, name);
  });
  return candidates.size ? verifyNames(client, multicall3, resolver, candidates) : new Map();
}

/** How long asks are gathered before one batch goes out: a page's rows mount within it. */
const GATHER_MS = 20;
/**
 * At most this many lookups in one batch; more asks go in the next. A reverse lookup through the
 * universal resolver costs far more than a plain view: fifty stay well inside a provider's gas cap.
 */
const BATCH = 50;

/**
 * Per chain and address: its verified name, null for none, absent until read. Made when the module
 * loads: state first made inside a reactive read would not be tracked by that read. A state record
 * rather than a SvelteMap: the first page's chunk takes in 'svelte/reactivity' (TanStack's adapter
 * imports it), and would carry SvelteMap's code for this one use.
 */
const known = $state<Record<string, string | null>>({});

export class AccountNames {
  #names = {
    has: (a: Address) => this.#key(a) in known,
    get: (a: Address) => known[this.#key(a)],
    set: (a: Address, name: string | null) => (known[this.#key(a)] = name),
  };
  /** Asked for and not sent yet; sent and not answered yet. */
  #waiting = new Set<Address>();
  #sending = new Set<Address>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: ReadClient,
    private readonly chain: ChainConfig,
  ) {}

  #key = (address: Address) => `${this.chain.id}:${address}`;

  /** The verified name of `address`, once read; asks for it if nobody has. */
  nameOf(address: Address): string | undefined {
    if (!this.#names.has(address) && !this.#waiting.has(address) && !this.#sending.has(address)) this.#ask(address);
    return this.#names.get(address) ?? undefined;
  }

  #ask(address: Address) {
    if (!ensResolverOf(this.chain)) return;
    this.#waiting.add(address);
    this.#timer ??= setTimeout(() => void this.#flush(), GATHER_MS);
  }

  async #flush() {
    this.#timer = undefined;
    const batch = [...this.#waiting].slice(0, BATCH);
    for (const a of batch) (this.#waiting.delete(a), this.#sending.add(a));
    // The rest go in the next batch, at once.
    if (this.#waiting.size) this.#timer = setTimeout(() => void this.#flush(), 0);
    if (batch.length === 0) return;
    try {
      const found = await readNames(this.client, this.chain, batch);
      for (const a of batch) this.#names.set(a, found.get(a) ?? null);
    } catch {
      // A failed lookup shows the bare address; a later ask (the next page's) tries again.
    } finally {
      for (const a of batch) this.#sending.delete(a);
    }
  }
}

const perChain = new Map<string, AccountNames>();

/** The name reader for `chain` (one per chain and client for the visit). */
export function accountNamesFor(client: ReadClient, chain: ChainConfig): AccountNames {
  const key = `${chain.id}`;
  let names = perChain.get(key);
  if (!names) {
    names = new AccountNames(client, chain);
    perChain.set(key, names);
  }
  return names;
}
