/**
 * A JSON-RPC proxy in front of the devnet that behaves like a public provider. Every limit is a
 * parameter of its profile, and every refusal is worded as a real provider or node words it (the
 * tables below, each wording with where it was seen):
 * - `eth_getLogs` over more blocks than `logRange`, answering more than `logCount` logs, or more than
 *   `responseBytes`, is refused;
 * - a rate limit per client per second and per minute, counted per call (a batch of ten is ten),
 *   answered with HTTP 429 or with a JSON-RPC error in an HTTP 200, with or without `Retry-After`;
 * - at most `maxBatch` calls per JSON-RPC batch (0: no batches at all);
 * - `eth_call` run with at most `callGasCap` gas, its answer at most `responseBytes`;
 * - latency per HTTP request, a share of 503s, and a share of answers from a backend one block
 *   behind the head (its `latest` is a block older, later blocks are unknown to it).
 * Named profiles (strict, paid, generous) for the benchmark and the e2e suite, and `randomProfile`
 * for a seeded draw from every range. Requests carrying the `x-rpc-bypass` header (the test
 * wallet's) pass untouched and uncounted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type RpcError = { code: number; message: string; data?: unknown };
/** A refusal as sent: the JSON-RPC error, and the HTTP status it comes with (200 unless said). */
type Worded = RpcError & { status?: number };

/** How real providers and nodes refuse a log range wider than `cap` (asked: `from`..`to`). */
export const RANGE_WORDINGS: ((cap: number, from: bigint, to: bigint) => Worded)[] = [
  // reth: crates/rpc/rpc/src/eth/filter.rs.
  (cap) => ({ code: -32602, message: `query exceeds max block range ${cap}` }),
  // Alchemy: github.com/BobTheBuidler/dank_mids/issues/772.
  (cap, from) => ({
    code: -32600,
    message: `You can make eth_getLogs requests with up to a ${cap} block range. Based on your parameters, this block range should work: [${hex(from)}, ${hex(from + BigInt(cap) - 1n)}]`,
  }),
  // QuickNode, with HTTP 413: quicknode.com/docs/ethereum/error-references.
  (cap) => ({
    code: -32000,
    message: `eth_getLogs and eth_newFilter are limited to a ${cap.toLocaleString('en-US')} blocks range`,
    status: 413,
  }),
  // BNB Smart Chain's node: bnb-chain/bsc eth/filters/filter.go.
  (cap) => ({ code: -32000, message: `exceed maximum block range: ${cap}` }),
  // Infura: github.com/INFURA/infura/issues/237.
  (cap, from, to) => ({ code: -32602, message: `range ${to - from + 1n} exceeds limit of ${cap}` }),
  // Erigon: erigontech/erigon pull request 19721.
  (cap) => ({ code: -32602, message: `query block range exceeds server limit, narrow your filter: ${cap}` }),
  // DRPC's free tier (captured from eth.drpc.org).
  (cap) => ({ code: 35, message: `ranges over ${cap} blocks are not supported on freetier` }),
  // Besu: RpcErrorType.java (no cap stated).
  () => ({ code: -32005, message: 'Requested range exceeds maximum RPC range limit' }),
  // Tenderly, in the error's data: github.com/bobanetwork/boba_legacy/issues/827.
  (cap, from, to) => ({
    code: -32602,
    message: 'invalid params',
    data: { payload: `range ${to - from + 1n} is bigger than range limit ${cap}` },
  }),
];

/** How they refuse a log answer of more than `count` logs over `from`..`to`. */
export const RESULT_WORDINGS: ((count: number, from: bigint, to: bigint) => Worded)[] = [
  // Infura: docs.metamask.io eth_getLogs constraints.
  (count) => ({ code: -32005, message: `query returned more than ${count} results` }),
  // reth: crates/rpc/rpc/src/eth/filter.rs.
  (count, from, to) => ({
    code: -32602,
    message: `query exceeds max results ${count}, retry with the range ${from}-${from + (to - from) / 2n}`,
  }),
  // Erigon: erigontech/erigon pull request 19721.
  (count) => ({ code: -32000, message: `query returns too many logs, narrow your filter: ${count}` }),
];

/** How they refuse an answer larger than `bytes`. */
export const SIZE_WORDINGS: ((bytes: number) => Worded)[] = [
  // 1RPC: docs.1rpc.io/using-the-web3-api/errors.
  (bytes) => ({ code: -32000, message: `response size should not greater than ${bytes} bytes` }),
  // jsonrpsee (reth): types/src/error.rs.
  () => ({ code: -32008, message: 'Response is too big' }),
];

/** How they refuse a call that ran out of the gas they allow (`cap`). */
export const GAS_WORDINGS: ((cap: bigint) => Worded)[] = [
  // geth: go-ethereum pull request 19401.
  (cap) => ({ code: -32000, message: `out of gas (gas capped at: ${cap})` }),
  // reth: RpcInvalidTransactionError::BasicOutOfGas.
  (cap) => ({ code: -32003, message: `Out of gas: gas required exceeds allowance: ${cap}` }),
  // Alchemy (captured test fixture).
  (cap) => ({ code: -32000, message: `out of gas: gas required exceeds: ${cap}` }),
];

/** How they refuse a batch of `size` calls over a cap of `cap` (0: no batches): the body and status. */
export const BATCH_WORDINGS: ((cap: number, size: number, ids: unknown[]) => { status: number; body: string })[] = [
  // geth: rpc/handler.go respondWithBatchTooLarge, one error object.
  (_cap, _size, ids) => one({ code: -32600, message: 'batch too large' }, ids[0] ?? null),
  // Erigon: github.com/ApeWorX/web3.py/issues/3518.
  (cap, size) =>
    one({
      code: -32000,
      message: `batch limit ${cap} exceeded (can increase by --rpc.batch.limit). Requested batch of size: ${size}`,
    }),
  // Nethermind: Nethermind.JsonRpc/JsonRpcProcessor.cs.
  () => one({ code: -32005, message: 'Batch size limit exceeded' }),
  // jsonrpsee (reth): types/src/error.rs, the limit in the data.
  (cap) => one({ code: -32010, message: 'The batch request was too large', data: `Exceeded max limit of ${cap}` }),
  // Chainstack: docs.chainstack.com/docs/error-reference, a plain HTTP 413.
  () => ({ status: 413, body: 'Request Entity Too Large' }),
  // An error per call, in the JSON-RPC description of -32600 (EIP-1474).
  (_cap, _size, ids) => ({
    status: 200,
    body: JSON.stringify(
      ids.map((id) => ({ jsonrpc: '2.0', id, error: { code: -32600, message: 'JSON is not a valid request object' } })),
    ),
  }),
];

/** How they refuse any batch at all. */
export const NO_BATCH_WORDINGS: ((ids: unknown[]) => { status: number; body: string })[] = [
  // jsonrpsee: types/src/error.rs.
  () => one({ code: -32601, message: 'Batched requests are not supported by this server' }),
  // Hedera's relay: github.com/hiero-ledger/hiero-json-rpc-relay/issues/1820.
  () => one({ code: -32600, message: 'Invalid Request' }),
];

/** How they refuse a call over the rate limit; `perSecond` is the limit met. */
export const RATE_WORDINGS: ((perSecond: number, waitSeconds: number) => RpcError)[] = [
  // Infura: github.com/gochain/web3/issues/180, the wait in the data.
  (perSecond, wait) => ({
    code: -32005,
    message: 'daily request count exceeded, request rate limited',
    data: { rate: { allowed_rps: perSecond, backoff_seconds: wait, current_rps: perSecond + 1 } },
  }),
  // TheRPC: therpc.io docs (rate limits).
  () => ({ code: -32029, message: 'Rate limit exceeded' }),
  // QuickNode: quoted in foundry-rs/foundry's retry code (foundry issue 4894).
  (perSecond) => ({
    code: -32007,
    message: `${perSecond}/second request limit reached - reduce calls per second or upgrade your account at quicknode.com`,
  }),
  // Alchemy: alchemy.com/docs/reference/throughput.
  () => ({
    code: 429,
    message:
      'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput',
  }),
  // Base's public RPC: github.com/base/node/issues/368.
  () => ({ code: -32016, message: 'over rate limit' }),
];

export interface ProviderProfile {
  name: string;
  /** Most blocks one `eth_getLogs` may span. */
  logRange: number;
  /** Most logs one `eth_getLogs` may answer. */
  logCount: number;
  /** Most bytes one answer may carry (a log read's or a call's); undefined for no cap. */
  responseBytes?: number;
  /** Calls per second and per minute per client; undefined for no limit. */
  ratePerSecond?: number;
  ratePerMinute?: number;
  /** Whether a rate refusal says when to come back (`Retry-After`). */
  retryAfter: boolean;
  /** A rate refusal as HTTP 429, or as a JSON-RPC error in an HTTP 200. */
  rateAs: 'http' | 'jsonrpc';
  /** Calls per JSON-RPC batch; 0 refuses every batch. */
  maxBatch: number;
  /** Most gas one `eth_call` may use. */
  callGasCap: bigint;
  latencyMs: number;
  jitterMs: number;
  /** Share of HTTP requests answered 503. */
  errorRate: number;
  /** One answer in this many comes from a backend one block behind (0: never). */
  lagEvery: number;
  /** Which wording of each table this provider uses (an index, taken modulo the table's length). */
  wording: { range: number; results: number; size: number; gas: number; batch: number; rate: number };
  /** Each refusal in the next wording of its table (a profile that meets every wording in one run). */
  rotate?: boolean;
}

const base = {
  logCount: 10_000,
  maxBatch: 10,
  callGasCap: 50_000_000n,
  jitterMs: 0,
  errorRate: 0,
  lagEvery: 0,
  retryAfter: true,
  rateAs: 'http' as const,
  wording: { range: 0, results: 0, size: 0, gas: 0, batch: 5, rate: 0 },
};

export const PROFILES: Record<'strict' | 'paid' | 'generous', ProviderProfile> = {
  strict: {
    ...base,
    name: 'strict',
    logRange: 10,
    ratePerSecond: 25,
    latencyMs: 150,
    jitterMs: 50,
    errorRate: 0.01,
    lagEvery: 20,
    rotate: true,
  },
  paid: { ...base, name: 'paid', logRange: 1_000, ratePerSecond: 100, latencyMs: 80, maxBatch: 100 },
  generous: { ...base, name: 'generous', logRange: 10_000, latencyMs: 50, maxBatch: 1_000 },
};

/**
 * A provider drawn from every range the app must work with: log ranges from 5 to 100,000 blocks,
 * result caps, answers capped from 512 KiB, batches from none to 100, rate limits per second and
 * per minute in either form with or without `Retry-After`, gas caps from 10M, latency, 503s, lag,
 * and any of each table's wordings. The same seed draws the same provider.
 */
export function randomProfile(seed: number): ProviderProfile {
  const r = random(seed * 7919 + 1);
  const pick = <T>(...options: T[]) => options[Math.floor(r() * options.length)];
  const logUniform = (min: number, max: number) => Math.round(Math.exp(Math.log(min) + r() * Math.log(max / min)));
  const index = () => Math.floor(r() * 1000);
  return {
    name: `random-${seed}`,
    logRange: logUniform(5, 100_000),
    logCount: logUniform(1_000, 20_000),
    responseBytes: pick(undefined, logUniform(512 * 1024, 8 * 1024 * 1024)),
    ratePerSecond: pick(undefined, logUniform(15, 100)),
    ratePerMinute: pick(undefined, undefined, logUniform(1_500, 6_000)),
    retryAfter: r() < 0.5,
    rateAs: pick('http', 'jsonrpc'),
    maxBatch: pick(0, logUniform(1, 100), logUniform(1, 100), logUniform(1, 100)),
    callGasCap: BigInt(logUniform(10, 50)) * 1_000_000n,
    latencyMs: logUniform(5, 150),
    jitterMs: logUniform(1, 50),
    errorRate: pick(0, r() * 0.03),
    lagEvery: pick(0, logUniform(5, 50)),
    wording: { range: index(), results: index(), size: index(), gas: index(), batch: index(), rate: index() },
  };
}

/** A profile in one line, to print beside its seed. */
export const describeProfile = (p: ProviderProfile) =>
  [
    `logs ${p.logRange} blocks/${p.logCount} logs`,
    `answers ${p.responseBytes === undefined ? 'uncapped' : `≤ ${Math.round(p.responseBytes / 1024)} KiB`}`,
    `batch ${p.maxBatch === 0 ? 'none' : `≤ ${p.maxBatch}`}`,
    `rate ${p.ratePerSecond ?? '∞'}/s ${p.ratePerMinute ?? '∞'}/min as ${p.rateAs}${p.retryAfter ? ' with Retry-After' : ''}`,
    `gas ≤ ${p.callGasCap / 1_000_000n}M`,
    `latency ${p.latencyMs}±${p.jitterMs} ms`,
    `503s ${(p.errorRate * 100).toFixed(1)}%`,
    `lag 1/${p.lagEvery || '∞'}`,
  ].join(', ');

const one = (error: RpcError, id: unknown = null) => ({
  status: 200,
  body: JSON.stringify({ jsonrpc: '2.0', id, error }),
});
const worded = <T>(table: T[], i: number) => table[i % table.length];

export interface ProxiedRequest {
  at: number;
  methods: string[];
  /** HTTP status the client got. */
  status: number;
  /** Whether any of its calls was refused by the rate limit (as a 429 or a JSON-RPC error). */
  rateLimited?: boolean;
  lagging: boolean;
  /** When it was answered (`performance.now()`), and each log read's block span ("12-21"). */
  answeredAt?: number;
  spans?: string[];
}

interface Call {
  jsonrpc: '2.0';
  id: number | string | null;
  method: string;
  params?: any[];
}

type Answer = { jsonrpc: '2.0'; id: Call['id']; result?: unknown; error?: Worded };

const hex = (n: bigint) => `0x${n.toString(16)}`;

/** A small deterministic generator, so a seeded run sees the same 503s and lagging answers. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class RpcProxy {
  readonly requests: ProxiedRequest[] = [];
  #server: Server;
  #calls = new Map<string, number[]>();
  #random: () => number;
  #variant = 0;
  #upstream: string;
  #dead = false;

  constructor(
    readonly port: number,
    target: string,
    public profile: ProviderProfile,
    seed = 1,
  ) {
    this.#upstream = target;
    this.#random = random(seed);
    // A client that goes away mid-request (a page closed while its reads were out) is no error of
    // the proxy's: its connection is dropped, and the proxy serves on.
    this.#server = createServer((req, res) => this.#handle(req, res).catch(() => res.destroy()));
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** The endpoint dies: connections are cut and new ones refused, until `revive`. */
  kill() {
    this.#dead = true;
    this.#server.closeAllConnections?.();
  }

  revive() {
    this.#dead = false;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections?.();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  mark = () => this.requests.length;

  /** What reached the proxy since `mark`. */
  since(mark: number) {
    const all = this.requests.slice(mark);
    return {
      requests: all.length,
      calls: all.reduce((n, r) => n + r.methods.length, 0),
      rateLimited: all.filter((r) => r.rateLimited).length,
      failed: all.filter((r) => r.status === 503).length,
      lagging: all.filter((r) => r.lagging).length,
    };
  }

  async #upstreamCall(body: unknown): Promise<any> {
    const response = await fetch(this.#upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  /**
   * How many of `count` calls this client may make now (each admitted one is recorded), and when
   * not all, the seconds until one more would fit.
   */
  #admit(client: string, count: number, now: number): { room: number; waitSeconds: number } {
    const { ratePerSecond: perSecond, ratePerMinute: perMinute } = this.profile;
    const recent = (this.#calls.get(client) ?? []).filter((t) => now - t < 60_000);
    const lastSecond = recent.filter((t) => now - t < 1_000);
    const room = Math.max(
      0,
      Math.min(
        count,
        perSecond === undefined ? count : perSecond - lastSecond.length,
        perMinute === undefined ? count : perMinute - recent.length,
      ),
    );
    let wait = 0;
    if (room < count) {
      // Seconds until the oldest call counted against the limit that binds ages out.
      const bySecond = perSecond !== undefined && lastSecond.length >= perSecond ? lastSecond[0] + 1_000 - now : 0;
      const byMinute = perMinute !== undefined && recent.length >= perMinute ? recent[0] + 60_000 - now : 0;
      wait = Math.max(1, Math.ceil(Math.max(bySecond, byMinute, 1) / 1_000));
    }
    this.#calls.set(client, recent);
    return { room, waitSeconds: wait };
  }

  #record(client: string, count: number, now: number) {
    const recent = this.#calls.get(client) ?? [];
    for (let i = 0; i < count; i++) recent.push(now);
    this.#calls.set(client, recent);
  }

  #next(index: number) {
    return this.profile.rotate ? index + this.#variant++ : index;
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-expose-headers': 'retry-after',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    let parsed: Call | Call[];
    try {
      parsed = JSON.parse(raw);
    } catch {
      return res
        .writeHead(400, cors)
        .end('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}');
    }
    const batch = Array.isArray(parsed);
    const calls = batch ? (parsed as Call[]) : [parsed as Call];
    if (req.headers['x-rpc-bypass']) {
      const answer = await this.#upstreamCall(parsed);
      return res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
    const p = this.profile;
    const record: ProxiedRequest = {
      at: performance.now(),
      methods: calls.map((c) => c.method),
      status: 200,
      lagging: false,
      spans: calls
        .filter((c) => c.method === 'eth_getLogs' && c.params?.[0]?.fromBlock)
        .map((c) => `${BigInt(c.params![0].fromBlock)}-${BigInt(c.params![0].toBlock ?? c.params![0].fromBlock)}`),
    };
    this.requests.push(record);
    const delay = p.latencyMs + (this.#random() * 2 - 1) * p.jitterMs;
    const reply = async (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      await new Promise((r) => setTimeout(r, Math.max(0, delay)));
      record.answeredAt = performance.now();
      if (this.#dead) return res.destroy();
      res.writeHead(status, { ...cors, 'content-type': 'application/json', ...headers }).end(body);
    };
    if (this.#dead) return res.destroy();
    const client = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? 'client');
    const now = Date.now();
    const { room, waitSeconds } = this.#admit(client, calls.length, now);
    const rateError = () => worded(RATE_WORDINGS, this.#next(p.wording.rate))(p.ratePerSecond ?? 1, waitSeconds);
    const waitHeader: Record<string, string> = p.retryAfter ? { 'retry-after': String(waitSeconds) } : {};
    // Over the limit: as HTTP 429, or a JSON-RPC error in an HTTP 200 for the request (or, in a
    // batch, for each call past the limit, as QuickNode answers).
    if (room < calls.length && (p.rateAs === 'http' || !batch || room === 0)) {
      const body = JSON.stringify({ jsonrpc: '2.0', id: batch ? null : (parsed as Call).id, error: rateError() });
      record.status = p.rateAs === 'http' ? 429 : 200;
      record.rateLimited = true;
      return reply(p.rateAs === 'http' ? 429 : 200, body, waitHeader);
    }
    if (this.#random() < p.errorRate) return reply(503, '{"error":"Service Unavailable"}');
    if (batch && (p.maxBatch === 0 || calls.length > p.maxBatch)) {
      const ids = calls.map((c) => c.id);
      const refusal =
        p.maxBatch === 0
          ? worded(NO_BATCH_WORDINGS, this.#next(p.wording.batch))(ids)
          : worded(BATCH_WORDINGS, this.#next(p.wording.batch))(p.maxBatch, calls.length, ids);
      // A refused batch still counts against the rate limit, as it does at real providers.
      this.#record(client, room, now);
      return reply(refusal.status, refusal.body);
    }
    this.#record(client, room, now);
    const admitted = calls.slice(0, room);
    const lagging = p.lagEvery > 0 && this.#random() < 1 / p.lagEvery;
    record.lagging = lagging;
    const answers = await this.#answer(admitted, lagging);
    for (const c of calls.slice(room)) answers.push({ jsonrpc: '2.0', id: c.id, error: rateError() });
    if (room < calls.length) record.rateLimited = true;
    if (!batch) {
      const status = answers[0].error && 'status' in answers[0].error ? Number(answers[0].error.status) : 200;
      if (answers[0].error) delete (answers[0].error as { status?: number }).status;
      return reply(status, JSON.stringify(answers[0]));
    }
    // A refusal that comes with its own HTTP status (QuickNode's 413 for a log range) refuses the batch.
    const statused = answers.find((a) => a.error && 'status' in a.error);
    if (statused) {
      const status = Number((statused.error as { status: number }).status);
      delete (statused.error as { status?: number }).status;
      return reply(status, JSON.stringify({ ...statused, id: null }));
    }
    return reply(200, JSON.stringify(answers), room < calls.length ? waitHeader : {});
  }

  /** Checks each call against the profile, forwards the rest as one batch, and fits the answers. */
  async #answer(calls: Call[], lagging: boolean): Promise<Answer[]> {
    const p = this.profile;
    let head: bigint | undefined;
    if (lagging || calls.some((c) => c.method === 'eth_getLogs')) {
      head = BigInt((await this.#upstreamCall({ jsonrpc: '2.0', id: 0, method: 'eth_blockNumber' })).result);
      if (lagging) head -= 1n;
    }
    const resolve = (tag: unknown): bigint | undefined =>
      tag === undefined || tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized'
        ? head
        : tag === 'earliest'
          ? 0n
          : typeof tag === 'string' && tag.startsWith('0x')
            ? BigInt(tag)
            : undefined;
    const answers: (Answer | undefined)[] = calls.map(() => undefined);
    const forward: { index: number; call: Call }[] = [];
    calls.forEach((call, index) => {
      const params = [...(call.params ?? [])];
      const refuse = (error: Answer['error']) => (answers[index] = { jsonrpc: '2.0', id: call.id, error });
      switch (call.method) {
        case 'eth_blockNumber':
          if (lagging) return (answers[index] = { jsonrpc: '2.0', id: call.id, result: hex(head!) });
          break;
        case 'eth_getLogs': {
          const filter = { ...params[0] };
          if (!filter.blockHash) {
            const from = resolve(filter.fromBlock ?? 'latest')!;
            let to = resolve(filter.toBlock ?? 'latest')!;
            // A lagging backend answers what it has, silently: nothing, for blocks it has not seen.
            if (to > head!) to = head!;
            if (from > to) return (answers[index] = { jsonrpc: '2.0', id: call.id, result: [] });
            if (to - from + 1n > BigInt(p.logRange))
              return refuse(worded(RANGE_WORDINGS, this.#next(p.wording.range))(p.logRange, from, to));
            filter.fromBlock = hex(from);
            filter.toBlock = hex(to);
          }
          params[0] = filter;
          break;
        }
        case 'eth_call':
        case 'eth_estimateGas': {
          // The provider's gas cap binds every call (geth caps a call's gas at its --rpc.gascap).
          const tx = { ...params[0] };
          if (tx.gas === undefined || BigInt(tx.gas) > p.callGasCap) tx.gas = hex(p.callGasCap);
          params[0] = tx;
          if (lagging) {
            const at = resolve(params[1] ?? 'latest');
            if (at === undefined || at > head!) return refuse({ code: -32000, message: 'header not found' });
            params[1] = hex(at);
          }
          break;
        }
        case 'eth_getBlockByNumber':
          if (lagging) {
            const at = resolve(params[0]);
            if (at === undefined || at > head!) return (answers[index] = { jsonrpc: '2.0', id: call.id, result: null });
            params[0] = hex(at);
          }
          break;
        case 'eth_getBalance':
        case 'eth_getCode':
        case 'eth_getTransactionCount':
        case 'eth_getStorageAt':
          if (lagging) {
            const last = params.length - 1;
            const at = resolve(params[last]);
            if (at === undefined || at > head!) return refuse({ code: -32000, message: 'header not found' });
            params[last] = hex(at);
          }
          break;
      }
      forward.push({ index, call: { ...call, params } });
    });
    if (forward.length) {
      const upstream = (await this.#upstreamCall(forward.map((f, i) => ({ ...f.call, id: i })))) as Answer[];
      const byId = new Map(upstream.map((a) => [a.id, a]));
      forward.forEach(({ index, call }, i) => {
        const answer = byId.get(i) ?? { jsonrpc: '2.0', id: i, error: { code: -32603, message: 'no answer' } };
        let fitted: Answer = { ...answer, id: calls[index].id };
        const refuse = (error: Worded) => (fitted = { jsonrpc: '2.0', id: calls[index].id, error });
        if (call.method === 'eth_getLogs' && Array.isArray(answer.result) && answer.result.length > p.logCount) {
          const filter = call.params![0] as { fromBlock: string; toBlock: string };
          refuse(
            worded(RESULT_WORDINGS, this.#next(p.wording.results))(
              p.logCount,
              BigInt(filter.fromBlock),
              BigInt(filter.toBlock),
            ),
          );
        }
        // Anvil's words for a call out of gas, in a real provider's.
        if (call.method === 'eth_call' && /OutOfGas|out of gas/i.test(answer.error?.message ?? ''))
          refuse(worded(GAS_WORDINGS, this.#next(p.wording.gas))(p.callGasCap));
        if (
          p.responseBytes !== undefined &&
          answer.result !== undefined &&
          JSON.stringify(answer.result).length > p.responseBytes
        )
          refuse(worded(SIZE_WORDINGS, this.#next(p.wording.size))(p.responseBytes));
        if (lagging && call.method === 'eth_getTransactionReceipt' && answer.result) {
          const block = BigInt((answer.result as { blockNumber: string }).blockNumber);
          if (block > head!) fitted = { jsonrpc: '2.0', id: calls[index].id, result: null };
        }
        answers[index] = fitted;
      });
    }
    return answers as Answer[];
  }
}
