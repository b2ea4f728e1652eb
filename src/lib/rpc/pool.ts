/**
 * Every RPC endpoint of one chain (the configured ones, and any the person added in this browser),
 * ranked by health, as one viem transport. A request goes to the best endpoint (answering, not
 * rate-limited, not behind the others' head, fastest; the one in use keeps a small lead so reads do
 * not flap) and moves to the next when that one fails as a transport (down, timing out, a 5xx, a
 * backend without the block), never for a revert or a bad parameter, which the next would repeat.
 * A read pinned to a block (every screen's reads after its first batch are) goes only to endpoints
 * that have reached that block, so one screen never mixes a later state with an earlier one. With
 * more than one endpoint, all are asked for their head at once when the first read goes out and
 * every 10 s after: that is how a lagging, slow or recovered one is noticed.
 */
import { HttpRequestError, RpcRequestError, TimeoutError, type EIP1193RequestFn, type Transport } from 'viem';
import { rememberedRecord, rememberRecord } from '../storage/remembered.ts';
import { Endpoint } from './endpoint.ts';
import { classifyRpcError, lacksBlock } from '../errors/rpc-errors.ts';
import { storageKey } from '../storage/keys.ts';
import { quantityAnswer } from './answers.ts';

const PROBE_MS = 10_000;
const addedKey = (chainId: number) => storageKey('rpc-added', chainId);

/** URLs the person added for `chainId` in this browser. */
export const addedRpcUrls = (chainId: number): string[] =>
  rememberedRecord(addedKey(chainId), (v) =>
    Array.isArray(v) && v.every((u) => typeof u === 'string' && /^https?:\/\//.test(u)) ? (v as string[]) : undefined,
  ) ?? [];

/** The block a request is pinned to, if it names one. */
export function pinnedBlock(method: string, params: unknown): bigint | undefined {
  if (!Array.isArray(params)) return undefined;
  let tag: unknown;
  if (method === 'eth_getBlockByNumber') tag = params[0];
  else if (method === 'eth_getLogs') tag = (params[0] as { toBlock?: unknown } | undefined)?.toBlock;
  else if (/^eth_(call|getBalance|getCode|getStorageAt|getTransactionCount)$/.test(method)) tag = params.at(-1);
  return typeof tag === 'string' && /^0x[0-9a-f]+$/i.test(tag) ? BigInt(tag) : undefined;
}

/** HTTP statuses that say the endpoint will not serve this app (a revoked key, a wrong path, a timeout). */
const REFUSING = new Set([401, 403, 404, 405, 408, 410]);

/** Whether `error` is the endpoint's failure (try the next), not the request's answer. */
export function failsOver(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof HttpRequestError)
    return error.status === undefined || error.status >= 500 || error.status === 200 || REFUSING.has(error.status);
  if (error instanceof RpcRequestError) return classifyRpcError(error).kind === 'transient';
  return false;
}

/** The newest block `client`'s pool has seen, if its transport is a pool. */
export const newestBlockOf = (client: { transport: object }): bigint | undefined =>
  (client.transport as { pool?: RpcPool }).pool?.newestBlock;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RpcPool {
  readonly endpoints: Endpoint[] = [];
  current: Endpoint;
  #listeners = new Set<() => void>();
  #probing?: ReturnType<typeof setInterval>;

  constructor(
    readonly chainId: number,
    urls: string[],
    readonly options: { fetch?: typeof fetch; timeoutMs?: number; probeMs?: number } = {},
  ) {
    for (const url of urls) this.#create(url, false);
    for (const url of addedRpcUrls(chainId)) if (!this.#find(url)) this.#create(url, true);
    this.current = this.endpoints[0];
  }

  #find = (url: string) => this.endpoints.find((e) => e.url === url);

  #create(url: string, added: boolean) {
    const endpoint = new Endpoint(url, {
      added,
      fetch: this.options.fetch,
      timeoutMs: this.options.timeoutMs,
      onChange: () => this.#changed(),
    });
    this.endpoints.push(endpoint);
    return endpoint;
  }

  /** Adds a URL the person chose (checked for its chain before), kept in this browser. */
  add(url: string) {
    if (this.#find(url)) return;
    this.#create(url, true);
    rememberRecord(addedKey(this.chainId), [...addedRpcUrls(this.chainId), url]);
    this.#changed();
  }

  /** Removes a URL the person added. */
  remove(url: string) {
    const endpoint = this.#find(url);
    if (!endpoint?.options.added) return;
    this.endpoints.splice(this.endpoints.indexOf(endpoint), 1);
    if (this.current === endpoint) this.current = this.endpoints[0];
    rememberRecord(
      addedKey(this.chainId),
      addedRpcUrls(this.chainId).filter((u) => u !== url),
    );
    this.#changed();
  }

  /** Calls `listener` whenever an endpoint's health or the one in use changes. */
  subscribe(listener: () => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }

  /**
   * The newest block any endpoint showed in the last 30 s: what a write is simulated at (see
   * tx/lifecycle.ts). Older than that (a tab left idle), none: the write is simulated at the head.
   */
  get newestBlock(): bigint | undefined {
    let newest: bigint | undefined;
    const t = Date.now();
    for (const e of this.endpoints)
      if (e.newest && t - e.newest.at < 30_000 && (newest === undefined || e.newest.block > newest))
        newest = e.newest.block;
    return newest;
  }

  /** Each endpoint's head in the last two probe rounds (all asked at once, so they compare). */
  #rounds: Map<Endpoint, bigint>[] = [];
  #round = 0;

  /**
   * Blocks `endpoint` was behind the others in the last probe round, counted only when it was
   * behind in the round before too: a block landing while one round is in flight is not lag.
   */
  behind(endpoint: Endpoint): bigint {
    const lag = (round: Map<Endpoint, bigint> | undefined) => {
      const mine = round?.get(endpoint);
      if (mine === undefined) return 0n;
      let best = mine;
      for (const head of round!.values()) if (head > best) best = head;
      return best - mine;
    };
    const [last, before] = this.#rounds;
    const now = lag(last);
    return now > 0n && (before === undefined || lag(before) > 0n) ? now : 0n;
  }

  /**
   * Lower is better: a dead endpoint last, then one behind the others (its answers are stale), then
   * one waiting out a rate limit (its answers are current, only later), then by latency; the one in
   * use keeps a lead of 250 ms so reads do not flap between two healthy endpoints.
   */
  #score(endpoint: Endpoint): number {
    const t = Date.now();
    return (
      (endpoint.down ? 1e9 : 0) +
      1e7 * Number(this.behind(endpoint)) +
      (endpoint.rateLimited ? 1e6 + endpoint.pace.pausedUntil - t : 0) +
      (endpoint.latencyMs ?? 500) -
      (endpoint === this.current ? 250 : 0)
    );
  }

  /** The best endpoint not yet tried that has reached `pinned`. */
  #pick(tried: Set<Endpoint>, pinned?: bigint): Endpoint | undefined {
    const t = Date.now();
    const reached = (e: Endpoint) =>
      pinned === undefined || !e.newest || t - e.newest.at > 60_000 || e.newest.block >= pinned;
    const open = this.endpoints.filter((e) => !tried.has(e));
    const there = open.filter(reached);
    const candidates = there.length ? there : open;
    let best: Endpoint | undefined;
    for (const e of candidates) if (!best || this.#score(e) < this.#score(best)) best = e;
    return best;
  }

  async request(method: string, params?: unknown): Promise<unknown> {
    this.#startProbing();
    const pinned = pinnedBlock(method, params);
    const tried = new Set<Endpoint>();
    let last: unknown;
    // Each endpoint once, and the best again; a node that answered without the block (a load
    // balancer's backend a block behind: "header not found") is asked up to three more times, as
    // the next backend it reaches has the block within a moment.
    const tries = Math.max(2, this.endpoints.length + 1);
    let attempts = tries;
    let lacking = false;
    for (let attempt = 0; attempt < attempts; attempt++) {
      let endpoint = this.#pick(tried, pinned);
      if (!endpoint) {
        // Every endpoint failed once: a short pause, then the best again.
        tried.clear();
        // A backend without the block is waited for a little longer each time; anything else, 300 ms.
        await sleep(lacking ? 300 * attempt : 300);
        endpoint = this.#pick(tried, pinned)!;
      }
      tried.add(endpoint);
      try {
        const result = await endpoint.request(method, params);
        if (this.current !== endpoint) {
          this.current = endpoint;
          this.#changed();
        }
        return result;
      } catch (error) {
        if (!failsOver(error)) throw error;
        lacking = lacksBlock(error);
        if (lacking) attempts = tries + 3;
        last = error;
      }
    }
    throw last;
  }

  #startProbing() {
    if (this.#probing || this.endpoints.length < 2) return;
    this.#probing = setInterval(() => {
      if (this.endpoints.length < 2) return this.stop();
      if (!globalThis.document?.hidden) void this.probe();
    }, this.options.probeMs ?? PROBE_MS);
    void this.probe();
  }

  /**
   * Asks every endpoint for its head at once: latency, lag and recovery are seen this way. An
   * endpoint down, waiting out a rate limit, or still answering the last probe is left out (its
   * quota is not spent on probes); a round that ends after a later one started is dropped.
   */
  async probe() {
    const round = ++this.#round;
    const t = Date.now();
    const asked = this.endpoints.filter(
      (e) => !(e.down && e.downUntil - t > 1_000) && !e.rateLimited && !this.#probed.has(e),
    );
    const heads = await Promise.all(
      asked.map((e) => {
        this.#probed.add(e);
        return e
          .request('eth_blockNumber')
          .then(
            (head) => quantityAnswer('eth_blockNumber', head),
            () => undefined,
          )
          .finally(() => this.#probed.delete(e));
      }),
    );
    if (round !== this.#round) return;
    const heard = new Map(asked.flatMap((e, i) => (heads[i] === undefined ? [] : [[e, heads[i]!] as const])));
    this.#rounds = [heard, this.#rounds[0]].filter(Boolean) as Map<Endpoint, bigint>[];
    this.#changed();
  }

  #probed = new Set<Endpoint>();

  /** Stops the health probes (tests, or one endpoint left). */
  stop() {
    clearInterval(this.#probing);
    this.#probing = undefined;
  }

  /**
   * The pool as a viem transport. Built as the object viem's `createTransport` returns, without its
   * request wrapper: that wrapper retries (the pool retries and fails over per endpoint, not again
   * around them) and rewraps each JSON-RPC error in a class per code (whose sentences said no more
   * than the node's own words, which map-error.ts now shows), whose table of every EIP-1193
   * and JSON-RPC error is about 3 KiB gzip on the first page. The errors stay the endpoint's
   * (`RpcRequestError` with the code and words, `HttpRequestError`, `TimeoutError`), which is what
   * rpc-errors.ts and map-error.ts read.
   */
  transport(): Transport {
    // viem's `dedupe` (asked for by getBlock, getTransactionReceipt, getCode...): identical requests
    // in flight share one answer, as the wrapper made them.
    const inFlight = new Map<string, Promise<unknown>>();
    const request = (({ method, params }: { method: string; params?: unknown }, options?: { dedupe?: boolean }) => {
      if (!options?.dedupe) return this.request(method, params);
      const key = JSON.stringify([method, params]);
      let answer = inFlight.get(key);
      if (!answer) {
        answer = this.request(method, params).finally(() => inFlight.delete(key));
        inFlight.set(key, answer);
      }
      return answer;
    }) as EIP1193RequestFn;
    return () => ({
      config: { key: 'rpc-pool', name: 'RPC pool', type: 'http', request, retryCount: 0, retryDelay: 0 },
      request,
      value: { pool: this },
    });
  }
}
