/**
 * One RPC endpoint and what the app has learned about it, the way the log index learns a range cap:
 * - **Batches.** Calls made in the same task go out as one JSON-RPC batch of at most `batch.size`
 *   calls. A refused batch (HTTP 400/413, an error object instead of the array, the answers'
 *   "batch" wordings, answers missing) is split and sent again, the size that works is remembered
 *   in this browser and grown back later; an endpoint that refuses batching gets one call per request.
 * - **Rate limits.** HTTP 429 (with or without `Retry-After`) and a JSON-RPC rate-limit error in an
 *   HTTP 200 are waited out and the calls sent again, never failed; from what was sent in the last
 *   second and minute when a limit struck, the endpoint learns a pace and keeps under it.
 * - **Health.** Latency, the last error, how long it is rate-limited, the head it last reported:
 *   what the pool ranks endpoints by and the Network page shows.
 * Errors are viem's own (`HttpRequestError`, `RpcRequestError`, `TimeoutError`), so everything above
 * the transport reads them as it reads viem's http transport's.
 */
import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { rememberedRecord, rememberRecord } from '../storage/remembered.ts';
import { LearnedSize } from './learned-size.ts';
import { classifyRpcError, isBatchRefusal, retryAfterMs, statedBatchCap } from '../errors/rpc-errors.ts';
import { storageKey } from '../storage/keys.ts';

type Rpc = { jsonrpc: '2.0'; id: number; method: string; params?: unknown };
type Answer = { id?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } };
interface Job {
  rpc: Rpc;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Times the job was sent back to the queue by a refusal that was not its own. */
  requeued: number;
  /** Sent on its own: its batch was refused for what one of its calls asked. */
  solo?: boolean;
  queuedAt: number;
}

/** What an endpoint has learned, kept between visits. */
interface Learned {
  batch: number;
  batchCeiling?: number;
  perSecond?: number;
  perMinute?: number;
}

const MAX_BATCH = 100n;
const FIRST_BATCH = 10n;
/** A job sent back this often (a refusal that never ends) fails with the last refusal. */
const MAX_REQUEUES = 40;
/** The longest a rate limit is waited out at once, and the longest a call waits in the queue in all. */
const MAX_WAIT = 60_000;
const MAX_QUEUED = 120_000;
const endpointKey = (url: string) => storageKey('rpc', url);
const now = () => Date.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readLearned = (url: string) =>
  rememberedRecord<Learned>(endpointKey(url), (v) => {
    const r = v as Learned;
    const ok = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) > 0);
    return r && ok(r.batch) && ok(r.batchCeiling) && ok(r.perSecond) && ok(r.perMinute) ? r : undefined;
  });

let nextId = 1;

/** `times` (oldest first) without those older than a minute at `t`; the same array, trimmed. */
function trim(times: number[], t: number): number[] {
  while (times.length && t - times[0] >= 60_000) times.shift();
  return times;
}

/** What an error object says, whatever its `message` holds. */
const words = (error: Answer['error'] | undefined) => (typeof error?.message === 'string' ? error.message : '');
const isRevert = (error: Answer['error']) => error?.code === 3 || /execution reverted/i.test(words(error));

export class Endpoint {
  readonly batch: LearnedSize;
  /** Calls a second and a minute this endpoint was seen to allow; undefined until a limit is met. */
  perSecond?: number;
  perMinute?: number;
  /** No requests before this time (a rate limit's wait). */
  pausedUntil = 0;
  /** Failing as a transport (down, timing out, 5xx) until this time: ranked last meanwhile. */
  downUntil = 0;
  /** Latency of answered requests, smoothed. */
  latencyMs?: number;
  lastError?: { message: string; at: number };
  /** The newest block any answer of this endpoint showed (a head, a receipt's block, a header), and when. */
  newest?: { block: bigint; at: number };
  answered = 0;
  rateLimits = 0;
  #strikes = 0;
  #failures = 0;
  #lastLimitAt = 0;
  /** When each of the last minute's calls was sent, and when each the endpoint answered was sent. */
  #sent: number[] = [];
  #admitted: number[] = [];
  #queue: Job[] = [];
  #pumping = false;

  constructor(
    readonly url: string,
    readonly options: { timeoutMs?: number; fetch?: typeof fetch; onChange?: () => void; added?: boolean } = {},
  ) {
    const learned = readLearned(url);
    this.batch = new LearnedSize(
      MAX_BATCH,
      BigInt(learned?.batch ?? FIRST_BATCH),
      4,
      learned !== undefined,
      learned?.batchCeiling ? BigInt(learned.batchCeiling) : undefined,
      false,
    );
    this.perSecond = learned?.perSecond;
    this.perMinute = learned?.perMinute;
  }

  /** One JSON-RPC call, batched with the others of this task. Resolves with its result. */
  request(method: string, params?: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        rpc: { jsonrpc: '2.0', id: nextId++, method, params },
        resolve,
        reject,
        requeued: 0,
        queuedAt: now(),
      });
      void this.#pump();
    });
  }

  /** Whether a request sent now would wait for a rate limit. */
  get rateLimited() {
    return this.pausedUntil > now();
  }

  get down() {
    return this.downUntil > now();
  }

  #remember() {
    rememberRecord(endpointKey(this.url), {
      batch: Number(this.batch.size),
      batchCeiling: this.batch.ceiling === undefined ? undefined : Number(this.batch.ceiling),
      perSecond: this.perSecond,
      perMinute: this.perMinute,
    } satisfies Learned);
    this.options.onChange?.();
  }

  /**
   * Under the learned pace and any rate-limit wait: the milliseconds until one more call may go, and
   * how many may go once it is 0 (at least one).
   */
  #pace(t: number): { wait: number; room: number } {
    let wait = this.pausedUntil - t;
    let room = Infinity;
    const recent = trim(this.#sent, t);
    const lastSecond = recent.filter((s) => t - s < 1_000);
    if (this.perSecond !== undefined) {
      room = Math.min(room, this.perSecond - lastSecond.length);
      if (lastSecond.length >= this.perSecond)
        wait = Math.max(wait, lastSecond[lastSecond.length - this.perSecond] + 1_000 - t);
    }
    if (this.perMinute !== undefined) {
      room = Math.min(room, this.perMinute - recent.length);
      if (recent.length >= this.perMinute) wait = Math.max(wait, recent[recent.length - this.perMinute] + 60_000 - t);
    }
    return { wait, room: Math.max(1, room) };
  }

  async #pump() {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      // Calls made in this task go together.
      await sleep(0);
      while (this.#queue.length) {
        const { wait, room } = this.#pace(now());
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        const count = this.#queue[0].solo ? 1 : Math.min(Number(this.batch.size), this.#queue.length, room);
        const jobs = this.#queue.splice(0, count);
        const t = now();
        for (let i = 0; i < jobs.length; i++) this.#sent.push(t);
        void this.#send(jobs);
      }
    } finally {
      this.#pumping = false;
    }
  }

  #requeue(jobs: Job[], error: unknown) {
    const t = now();
    const again = jobs.filter((job) => {
      if (++job.requeued <= MAX_REQUEUES && t - job.queuedAt < MAX_QUEUED) return true;
      job.reject(error);
      return false;
    });
    this.#queue.unshift(...again);
    void this.#pump();
  }

  #failed(message: string) {
    this.lastError = { message, at: now() };
    this.options.onChange?.();
  }

  /**
   * A rate limit struck: wait it out, and learn the pace that stays under it from the calls the
   * endpoint answered in the last second (or minute). Calls still in flight are not counted, so the
   * pace learned errs low, and loosens again after a minute without a limit.
   */
  #rateLimited(retryAfter: number | undefined, message: string) {
    const t = now();
    // Answers arrive out of order, so a filter, not a trim, counts this minute exactly.
    this.#admitted = this.#admitted.filter((s) => t - s < 60_000);
    const lastSecond = this.#admitted.filter((s) => t - s < 1_000).length;
    const lastMinute = this.#admitted.length;
    this.rateLimits++;
    this.#strikes++;
    this.#lastLimitAt = t;
    // A wait of seconds, or a limit met while keeping the per-second pace, is a per-minute limit.
    const perMinute =
      (retryAfter !== undefined && retryAfter > 2_000) ||
      (this.perSecond !== undefined && lastSecond < this.perSecond && this.#strikes > 1);
    if (perMinute && lastMinute > 0) this.perMinute = Math.min(this.perMinute ?? Infinity, lastMinute);
    else if (!perMinute && lastSecond > 0) this.perSecond = Math.min(this.perSecond ?? Infinity, lastSecond);
    // At least a quarter second (a "Retry-After: 0" is not an invitation to hammer), at most a minute.
    const wait = Math.min(MAX_WAIT, Math.max(250, retryAfter ?? 500 * 2 ** this.#strikes));
    this.pausedUntil = Math.max(this.pausedUntil, t + wait);
    this.#failed(message);
    this.#remember();
  }

  /** A success: the strikes reset, and a pace unneeded for a minute loosens by a quarter. */
  #paceOk() {
    this.#strikes = 0;
    const t = now();
    trim(this.#admitted, t);
    if (t - this.#lastLimitAt < 60_000) return;
    this.#lastLimitAt = t;
    if (this.perSecond === undefined && this.perMinute === undefined) return;
    if (this.perSecond !== undefined) this.perSecond = Math.ceil(this.perSecond * 1.25);
    if (this.perMinute !== undefined) this.perMinute = Math.ceil(this.perMinute * 1.25);
    this.#remember();
  }

  /** A batch of `sent` was refused (`error` may state the cap), or only `answered` of it was answered. */
  #batchRefused(sent: number, error?: unknown, answered?: number) {
    const before = this.batch.size;
    const stated = error ? statedBatchCap(error) : undefined;
    if (answered && answered > 0) this.batch.refused(1n, BigInt(sent), [1n, BigInt(answered)]);
    else this.batch.refused(1n, BigInt(sent), undefined, stated ? BigInt(stated) : undefined);
    if (this.batch.size !== before) this.#remember();
  }

  #noted(method: string, result: unknown) {
    const number = (value: unknown) =>
      typeof value === 'string' && /^0x[0-9a-f]{1,16}$/i.test(value) ? BigInt(value) : undefined;
    let block: bigint | undefined;
    if (method === 'eth_blockNumber') block = number(result);
    else if (method === 'eth_getTransactionReceipt') block = number((result as { blockNumber?: unknown })?.blockNumber);
    else if (method === 'eth_getBlockByNumber') block = number((result as { number?: unknown })?.number);
    if (block === undefined) return;
    if (this.newest === undefined || block >= this.newest.block) this.newest = { block, at: now() };
    if (method === 'eth_blockNumber') this.options.onChange?.();
  }

  async #send(jobs: Job[]) {
    try {
      await this.#exchange(jobs);
    } catch (error) {
      // Whatever went wrong, no call is left waiting: the ones not yet settled fail with it.
      for (const job of jobs) job.reject(error);
    }
  }

  /** Sends `jobs` (one call alone, several as a batch) and settles, or sends again, each. */
  async #exchange(jobs: Job[]) {
    const single = jobs.length === 1;
    const body = single ? jobs[0].rpc : jobs.map((j) => j.rpc);
    const started = now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 10_000);
    let response: Response;
    let text: string;
    try {
      response = await (this.options.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      const error = controller.signal.aborted
        ? new TimeoutError({ body: body as never, url: this.url })
        : new HttpRequestError({ body: body as never, url: this.url, cause: cause as Error });
      this.#down(error.shortMessage);
      for (const job of jobs) job.reject(error);
      return;
    } finally {
      clearTimeout(timer);
    }
    const elapsed = now() - started;
    this.latencyMs = this.latencyMs === undefined ? elapsed : Math.round(this.latencyMs * 0.8 + elapsed * 0.2);
    let json: unknown;
    let unreadable: Error | undefined;
    try {
      json = JSON.parse(text);
    } catch (error) {
      json = undefined;
      unreadable = error as Error;
    }
    const headers = response.headers;
    // The parse error rides along as the cause: a body that is not JSON reads as "cannot be read".
    const httpError = (answer?: Answer) =>
      new HttpRequestError({
        body: body as never,
        url: this.url,
        status: response.status,
        headers,
        details: words(answer?.error) || text.slice(0, 200) || response.statusText,
        cause: unreadable,
      });
    const envelope = json && !Array.isArray(json) && typeof json === 'object' ? (json as Answer) : undefined;
    const retryAfter = () => retryAfterMs(headers.get('retry-after'));
    // A rate limit for the whole request: HTTP 429, or an error object in its place saying so.
    if (response.status === 429 || (envelope?.error && classifyRpcError(envelope.error).kind === 'rate')) {
      const error = httpError(envelope);
      this.#rateLimited(
        retryAfter(),
        `Rate limited: ${(words(envelope?.error) || `HTTP ${response.status}`).slice(0, 120)}`,
      );
      return this.#requeue(jobs, error);
    }
    // Not JSON-RPC at all (an HTML error page, an empty body, a login wall), or refused as a client
    // (a revoked key, a wrong path): the endpoint's failure, which the pool moves past.
    if ((json === undefined || (!envelope && !Array.isArray(json))) && response.status !== 413) {
      const error = httpError();
      this.#down(error.shortMessage);
      for (const job of jobs) job.reject(error);
      return;
    }
    if (!single && !Array.isArray(json)) {
      const refusal = envelope?.error;
      // Refused as a batch (its wording, or an HTTP 400/413 with no error to tell): learn a smaller
      // size.
      if (!refusal || isBatchRefusal(refusal)) {
        this.#batchRefused(jobs.length, refusal);
        return this.#requeue(jobs, httpError(envelope));
      }
      if (classifyRpcError(refusal).kind === 'transient') {
        // A batch answered with one internal error: failed as a batch, as viem's transport fails it.
        const error = httpError(envelope);
        this.#failed(error.shortMessage);
        for (const job of jobs) job.reject(error);
        return;
      }
      // Refused for what one of its calls asked (a log range, at QuickNode with a 413): each is sent
      // alone once, without learning a smaller size.
      for (const job of jobs) job.solo = true;
      return this.#requeue(jobs, httpError(envelope));
    }
    if (single && envelope?.error && response.status < 500) {
      const error = new RpcRequestError({
        body: body as never,
        error: { ...envelope.error, message: words(envelope.error) },
        url: this.url,
        status: response.status,
        headers,
      });
      // A revert or a bad parameter is the call's answer, not the endpoint's failure.
      if (classifyRpcError(envelope.error).kind === 'transient') this.#failed(error.shortMessage);
      return jobs[0].reject(error);
    }
    if (response.status >= 500 || (single && !envelope) || (!response.ok && !Array.isArray(json))) {
      const error = httpError(envelope);
      if (response.status >= 500) this.#down(error.shortMessage);
      else this.#failed(error.shortMessage);
      for (const job of jobs) job.reject(error);
      return;
    }
    // Answers, by id (an array answers even with a 4xx status, as some providers send it).
    const answers = single ? [envelope!] : (json as unknown[]);
    const byId = new Map<unknown, Answer>();
    for (const a of answers)
      if (a && typeof a === 'object' && !byId.has((a as Answer).id)) byId.set((a as Answer).id, a as Answer);
    const again: Job[] = [];
    let refusedAsBatch: Answer['error'];
    let rate: Answer | undefined;
    for (const job of jobs) {
      const answer = byId.get(job.rpc.id) ?? (single ? (answers[0] as Answer) : undefined);
      if (!answer || (answer.error === undefined && !('result' in answer))) {
        again.push(job);
      } else if (answer.error) {
        const kind = classifyRpcError(answer.error).kind;
        if (kind === 'rate') {
          rate = answer;
          again.push(job);
        } else if (!single && isBatchRefusal(answer.error) && !isRevert(answer.error)) {
          refusedAsBatch = answer.error;
          again.push(job);
        } else {
          job.reject(
            new RpcRequestError({
              body: job.rpc as never,
              error: { ...answer.error, message: words(answer.error) },
              url: this.url,
            }),
          );
        }
      } else {
        this.#noted(job.rpc.method, answer.result);
        this.#admitted.push(started);
        job.resolve(answer.result);
      }
    }
    this.answered += jobs.length - again.length;
    this.#failures = 0;
    this.downUntil = 0;
    if (rate) this.#rateLimited(retryAfter(), `Rate limited: ${words(rate.error).slice(0, 120)}`);
    else this.#paceOk();
    if (refusedAsBatch || (!rate && again.length)) {
      const answered = jobs.length - again.length;
      this.#batchRefused(jobs.length, refusedAsBatch, answered > 0 ? answered : undefined);
    } else {
      // A batch (or, at a size of one, a single call) answered whole: evidence the size works.
      const before = this.batch.size;
      this.batch.accepted(BigInt(jobs.length));
      if (this.batch.size !== before) this.#remember();
    }
    if (again.length) this.#requeue(again, httpError(rate));
  }

  /** Whether its last request failed as a transport (down, timing out, a 5xx). */
  get failing() {
    return this.#failures > 0;
  }

  #down(message: string) {
    this.#failures++;
    this.downUntil = now() + Math.min(30_000, 1_000 * 2 ** (this.#failures - 1));
    this.#failed(message);
  }
}
