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
 * Errors are viem's own classes (`HttpRequestError`, `RpcRequestError` with the endpoint's code and
 * words, `TimeoutError`), as viem's http transport throws them before its wrapper rewraps each code.
 */
import { HttpRequestError, RpcRequestError } from 'viem';
import { LearnedSize } from './learned-size.ts';
import { Pace } from './pace.ts';
import { blockOf, post, settleAnswers, words, type Answer, type Job, type Reply } from './exchange.ts';
import { classifyRpcError, isBatchRefusal, retryAfterMs, statedBatchCap } from '../errors/rpc-errors.ts';
import { readLearned, rememberLearned } from './remembered-endpoint.ts';

const MAX_BATCH = 100n;
const FIRST_BATCH = 10n;
/** A job sent back this often (a refusal that never ends) fails with the last refusal. */
const MAX_REQUEUES = 40;
/** The longest a call waits in the queue in all (a rate limit's wait is at most a minute, see pace.ts). */
const MAX_QUEUED = 120_000;
const now = () => Date.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let nextId = 1;

export class Endpoint {
  readonly batch: LearnedSize;
  /** The pace it allows, learned from its rate limits (see pace.ts). */
  readonly pace: Pace;
  /** Failing as a transport (down, timing out, 5xx) until this time: ranked last meanwhile. */
  downUntil = 0;
  /** Latency of answered requests, smoothed. */
  latencyMs?: number;
  lastError?: { message: string; at: number };
  /** The newest block any answer of this endpoint showed (a head, a receipt's block, a header), and when. */
  newest?: { block: bigint; at: number };
  answered = 0;
  rateLimits = 0;
  #failures = 0;
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
    this.pace = new Pace(learned);
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
    return this.pace.pausedUntil > now();
  }

  get down() {
    return this.downUntil > now();
  }

  #remember() {
    rememberLearned(this.url, {
      batch: Number(this.batch.size),
      batchCeiling: this.batch.ceiling === undefined ? undefined : Number(this.batch.ceiling),
      perSecond: this.pace.perSecond,
      perMinute: this.pace.perMinute,
    });
    this.options.onChange?.();
  }

  async #pump() {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      // Calls made in this task go together.
      await sleep(0);
      while (this.#queue.length) {
        const { wait, room } = this.pace.check(now());
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        const count = this.#queue[0].solo ? 1 : Math.min(Number(this.batch.size), this.#queue.length, room);
        const jobs = this.#queue.splice(0, count);
        const t = now();
        this.pace.sent(jobs.length, t);
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

  /** A rate limit struck a request sent at `sentAt`: wait it out and learn the pace that stays under it (see Pace.limited). */
  #rateLimited(retryAfter: number | undefined, message: string, sentAt: number) {
    this.rateLimits++;
    this.pace.limited(retryAfter, now(), sentAt);
    this.#failed(message);
    this.#remember();
  }

  /** A success: the strikes reset, and a pace unneeded for a minute loosens. */
  #paceOk() {
    if (this.pace.ok(now())) this.#remember();
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
    const block = blockOf(method, result);
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
    let reply: Reply;
    try {
      reply = await post(this.url, body, this.options);
    } catch (error) {
      this.#down((error as HttpRequestError).shortMessage);
      for (const job of jobs) job.reject(error);
      return;
    }
    const { response, text, json, unreadable } = reply;
    const elapsed = now() - started;
    this.latencyMs = this.latencyMs === undefined ? elapsed : Math.round(this.latencyMs * 0.8 + elapsed * 0.2);
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
        started,
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
    const { again, rate, refusedAsBatch } = settleAnswers(jobs, single ? [envelope!] : (json as unknown[]), single, {
      url: this.url,
      onAnswer: (job, result) => {
        this.#noted(job.rpc.method, result);
        this.pace.admitted(started);
      },
    });
    this.answered += jobs.length - again.length;
    this.#failures = 0;
    this.downUntil = 0;
    if (rate) this.#rateLimited(retryAfter(), `Rate limited: ${words(rate.error).slice(0, 120)}`, started);
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
