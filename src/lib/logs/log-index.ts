/**
 * One index of a chain's protocol logs, read once and kept: every feature that shows history (the
 * proposal list's titles, a proposal's votes, delegates, a voter's history, an operator's slashes)
 * selects from it instead of scanning the chain itself.
 *
 * - One stream per chain: one `eth_getLogs` per window covers every protocol contract.
 * - Logs up to the finalized boundary (head − finality depth) are persisted with that block's hash;
 *   later ones stay in memory and are dropped when the chain under them changes (the last scanned
 *   block's hash no longer matches), so nothing from a reorged block is ever stored.
 * - A head lower than what was already read is a lagging backend: it never resets the index.
 * - Concurrent syncs share one read; windows adapt to the provider (see LearnedSize) and a rate limit
 *   pauses every window for as long as `Retry-After` asks.
 */
import { numberToHex, type Address } from 'viem';
import { classifyRpcError } from '../errors/rpc-errors.ts';
import { LearnedSize } from '../rpc/learned-size.ts';
import type { Checkpoint, IndexedLog, LogStore } from './log-store.ts';
import { readWindows, type RpcRequest } from './window-read.ts';
import { bucket, byPosition, inBloom, selectLogs, type LogFilter } from './log-select.ts';
import { headerAnswer, logsAnswer, type RpcHeader } from '../rpc/history-answers.ts';

export interface LogIndexOptions {
  /** Storage key: chain, contracts and deployment block. */
  stream: string;
  addresses: readonly Address[];
  fromBlock: bigint;
  finalityDepth: bigint;
  request: RpcRequest;
  store: LogStore;
  window?: LearnedSize;
  /** Windows in flight at once (they share JSON-RPC batches). */
  concurrency?: number;
  /** Attempts per window on transient failures (503s, timeouts) before the sync gives up. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told after each committed segment: the last block read, and the block being read to. */
  onProgress?: (scannedTo: bigint, target: bigint) => void;
}

/** Windows per committed segment of a long read. */
const SEGMENT_WINDOWS = 64n;

/** A sync could not trust what it read (a lagging backend, a reorg mid-read); try again. */
class Unsettled extends Error {}

const key = (log: { blockNumber: bigint; logIndex: number }) => `${log.blockNumber}:${log.logIndex}`;

export class LogIndex {
  readonly window: LearnedSize;
  /** Changes whenever the set of logs changes. */
  version = 0;
  #final?: Checkpoint;
  #tip?: Checkpoint;
  #logs = new Map<string, IndexedLog>();
  #sorted?: IndexedLog[];
  #buckets?: Map<string, IndexedLog[]>;
  #loaded?: Promise<void>;
  #running?: Promise<void>;
  #pausedUntil = 0;
  #rateStrikes = 0;
  #probed = false;
  readonly #o: Required<Omit<LogIndexOptions, 'window' | 'onProgress'>> & Pick<LogIndexOptions, 'onProgress'>;

  constructor(options: LogIndexOptions) {
    this.window = options.window ?? new LearnedSize();
    this.#o = {
      concurrency: 6,
      maxAttempts: 6,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      ...options,
      addresses: options.addresses.map((a) => a.toLowerCase() as Address),
    };
    // Stored logs start loading at once: by the time a page asks for a sync, its first batch has
    // usually come back, and the sync's requests join the page's next batch.
    this.#loaded = this.#load().catch(() => undefined);
  }

  /** Resolves once the stored logs are loaded. */
  ready(): Promise<void> {
    return (this.#loaded ??= this.#load());
  }

  /** The first block the index reads (a snapshot shipped with the build holds what came before). */
  get fromBlock(): bigint {
    return this.#o.fromBlock;
  }

  /** The last block read; undefined before the first sync. */
  get scannedTo(): bigint | undefined {
    return this.#tip?.number;
  }

  /** The last block whose logs are stored for later visits. */
  get finalizedTo(): bigint | undefined {
    return this.#final?.number;
  }

  /** Reads whatever lies between what the index has and `head`; resolves once it has `head`. */
  async syncTo(head: bigint): Promise<void> {
    await this.ready();
    let failures = 0;
    while (!this.#tip || this.#tip.number < head) {
      if (head < this.#o.fromBlock) return;
      if (this.#running) {
        await this.#running.catch(() => undefined);
        continue;
      }
      // A long history is read in segments, each committed (and its final part stored) before the
      // next: a visit that leaves mid-way, or a provider that gives up, loses only one segment.
      const from = this.#tip ? this.#tip.number : this.#o.fromBlock - 1n;
      // Until the provider's cap is known, the first segment is one window: it finds the cap.
      const segment = this.window.known ? this.window.size * SEGMENT_WINDOWS : this.window.size;
      const target = head - from > segment ? from + segment : head;
      this.#running = this.#sync(target, head).finally(() => (this.#running = undefined));
      try {
        await this.#running;
        failures = 0;
        if (this.#tip) this.#o.onProgress?.(this.#tip.number, head);
      } catch (error) {
        if (!(error instanceof Unsettled) || ++failures > this.#o.maxAttempts) throw error;
        await this.#o.sleep(250 * failures);
      }
    }
  }

  /** Logs matching `filter`, oldest first. */
  select(filter: LogFilter = {}): IndexedLog[] {
    const sorted = (this.#sorted ??= [...this.#logs.values()].sort(byPosition));
    return selectLogs(sorted, () => (this.#buckets ??= bucket(sorted)), filter);
  }

  async #load() {
    const stored = await this.#o.store.load(this.#o.stream);
    if (!stored) return;
    this.#final = this.#tip = stored.final;
    for (const log of stored.logs) this.#logs.set(key(log), log);
    this.#changed();
  }

  #changed() {
    this.version++;
    this.#sorted = undefined;
    this.#buckets = undefined;
  }

  /** A block header, riding out rate limits and transient failures like a log window does. */
  async #header(number: bigint): Promise<RpcHeader | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return headerAnswer(
          'eth_getBlockByNumber',
          await this.#call('eth_getBlockByNumber', [numberToHex(number), false]),
        );
      } catch (error) {
        const refusal = classifyRpcError(error);
        if (refusal.kind === 'rate' && attempt < 20) this.#rateLimited(refusal.retryAfterMs);
        else if (refusal.kind === 'transient' && attempt + 1 < this.#o.maxAttempts)
          await this.#o.sleep(200 * 2 ** attempt);
        else throw error;
      }
    }
  }

  /**
   * One read from the tip to `head` (a segment's end; `chainHead` is the chain's), with the headers
   * that tell whether it can be trusted.
   */
  async #sync(head: bigint, chainHead: bigint) {
    const tip = this.#tip;
    const final = this.#final;
    const from = tip ? tip.number + 1n : this.#o.fromBlock;
    const finalTarget = head < chainHead - this.#o.finalityDepth ? head : chainHead - this.#o.finalityDepth;
    const advancesFinal = finalTarget >= this.#o.fromBlock && finalTarget > (final?.number ?? -1n);
    const reading = this.#read(from, head);
    reading.catch(() => undefined);
    // The headers go out with the first windows. A backend a block behind answers null for the
    // head: only the headers are asked again, the windows already read are kept.
    let tipHeader: RpcHeader | null | undefined;
    let headHeader: RpcHeader | null = null;
    let finalHeader: RpcHeader | null | undefined;
    for (let attempt = 0; ; attempt++) {
      [tipHeader, headHeader, finalHeader] = await Promise.all([
        tip ? this.#header(tip.number) : undefined,
        this.#header(head),
        advancesFinal ? this.#header(finalTarget) : undefined,
      ]);
      if (headHeader && (!advancesFinal || finalHeader) && (!tip || tipHeader)) break;
      if (attempt >= this.#o.maxAttempts) throw new Unsettled('behind');
      await this.#o.sleep(100 * (attempt + 1));
    }
    const logs = await reading;
    if (tip && tipHeader && tipHeader.hash !== tip.hash) {
      await this.#rewound();
      throw new Unsettled('reorg');
    }
    // A backend a block behind answers a window ending at the head without the head's logs, and
    // says nothing. The head's bloom says whether our contracts may have logged there: if so and
    // none came back, that block is read again.
    for (
      let attempt = 0;
      attempt < 3 && !logs.some((l) => l.blockNumber === head) && this.#mayHaveLogs(headHeader!);
      attempt++
    ) {
      logs.push(...(await this.#read(head, head)));
    }
    const headMismatch = logs.some((l) => l.blockNumber === head && l.blockHash !== headHeader!.hash);
    const finalMismatch =
      finalHeader && logs.some((l) => l.blockNumber === finalTarget && l.blockHash !== finalHeader.hash);
    if (headMismatch || finalMismatch) throw new Unsettled('reorg during read');
    for (const log of logs) this.#logs.set(key(log), log);
    this.#tip = { number: head, hash: headHeader!.hash };
    if (logs.length) this.#changed();
    if (advancesFinal && finalHeader) {
      const after = final?.number ?? this.#o.fromBlock - 1n;
      const newlyFinal = [...this.#logs.values()]
        .filter((l) => l.blockNumber > after && l.blockNumber <= finalTarget)
        .sort(byPosition);
      this.#final = { number: finalTarget, hash: finalHeader.hash };
      await this.#o.store.append(this.#o.stream, this.#final, newlyFinal);
    }
  }

  /** Whether a block's logs bloom admits a log from any of the stream's contracts. */
  #mayHaveLogs(header: RpcHeader): boolean {
    if (!header.logsBloom) return true;
    return this.#o.addresses.some((address) => inBloom(header.logsBloom!, address));
  }

  /** The chain under the tip changed: drop the unfinalized tail, and everything if the final block changed too. */
  async #rewound() {
    const final = this.#final;
    const finalHeader = final ? await this.#header(final.number).catch(() => undefined) : undefined;
    const keepFinal = final && finalHeader?.hash === final.hash;
    for (const [k, log] of this.#logs) if (!keepFinal || log.blockNumber > final.number) this.#logs.delete(k);
    if (!keepFinal) {
      this.#final = undefined;
      await this.#o.store.clear(this.#o.stream);
    }
    this.#tip = this.#final;
    this.#changed();
  }

  /** An RPC call that waits out a rate limit first. */
  async #call(method: string, params: unknown[]) {
    const wait = this.#pausedUntil - this.#o.now();
    if (wait > 0) await this.#o.sleep(wait);
    return this.#o.request(method, params);
  }

  #rateLimited(retryAfterMs?: number) {
    const backoff = retryAfterMs ?? Math.min(30_000, 1_000 * 2 ** this.#rateStrikes);
    this.#rateStrikes++;
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#o.now() + backoff);
  }

  /** Every log of the stream's contracts in `[from, to]`, in windows the provider accepts (see window-read.ts). */
  #read(from: bigint, to: bigint): Promise<IndexedLog[]> {
    return readWindows(
      {
        window: this.window,
        // A cap the provider stated is as good as one accepted: the windows go out in parallel at once.
        probed: () => this.#probed || this.window.atStatedCap,
        concurrency: this.#o.concurrency,
        maxAttempts: this.#o.maxAttempts,
        sleep: this.#o.sleep,
        getLogs: async (a, b) =>
          logsAnswer(
            'eth_getLogs',
            await this.#call('eth_getLogs', [
              { address: this.#o.addresses, fromBlock: numberToHex(a), toBlock: numberToHex(b) },
            ]),
          ),
        accepted: () => {
          this.#rateStrikes = 0;
          this.#probed = true;
        },
        rateLimited: (retryAfterMs) => this.#rateLimited(retryAfterMs),
      },
      from,
      to,
    );
  }
}
