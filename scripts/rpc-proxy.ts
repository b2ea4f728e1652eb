/**
 * A JSON-RPC proxy in front of the devnet that behaves like a public provider, with named profiles
 * (the benchmark and the e2e suite put the app behind it):
 * - `eth_getLogs` over more blocks than the profile's range, or answering more than 10,000 logs,
 *   gets the errors real providers send (their codes and wordings, which differ);
 * - a rate limit per client, counted per call (a batch of ten is ten), answered with HTTP 429 and
 *   `Retry-After`; at most `maxBatch` calls per JSON-RPC batch; `eth_call` gas capped;
 * - latency per HTTP request, a share of 503s, and a share of answers from a backend one block
 *   behind the head (its `latest` is a block older, later blocks are unknown to it).
 * Requests carrying the `x-rpc-bypass` header (the test wallet's) pass untouched and uncounted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ProviderProfile {
  name: string;
  /** Most blocks one `eth_getLogs` may span. */
  logRange: number;
  /** Most logs one `eth_getLogs` may answer. */
  logCount: number;
  /** Calls per second per client; undefined for no limit. */
  ratePerSecond?: number;
  maxBatch: number;
  callGasCap: bigint;
  latencyMs: number;
  jitterMs: number;
  /** Share of HTTP requests answered 503. */
  errorRate: number;
  /** One answer in this many comes from a backend one block behind (0: never). */
  lagEvery: number;
}

const base = { logCount: 10_000, maxBatch: 10, callGasCap: 50_000_000n, jitterMs: 0, errorRate: 0, lagEvery: 0 };

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
  },
  paid: { ...base, name: 'paid', logRange: 1_000, ratePerSecond: 100, latencyMs: 80, maxBatch: 100 },
  generous: { ...base, name: 'generous', logRange: 10_000, latencyMs: 50, maxBatch: 1_000 },
};

export interface ProxiedRequest {
  at: number;
  methods: string[];
  /** HTTP status the client got. */
  status: number;
  lagging: boolean;
}

interface Call {
  jsonrpc: '2.0';
  id: number | string | null;
  method: string;
  params?: any[];
}

type Answer = { jsonrpc: '2.0'; id: Call['id']; result?: unknown; error?: { code: number; message: string } };

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

/** The refusals providers send for a range wider than `cap`, in their own words. */
export function rangeRefusal(cap: number, from: bigint, variant: number): Answer['error'] {
  const to = from + BigInt(cap) - 1n;
  switch (variant % 4) {
    case 0:
      return { code: -32005, message: `query exceeds max block range ${cap}` };
    case 1:
      return { code: -32000, message: 'block range is too large' };
    case 2:
      return { code: -32600, message: `eth_getLogs is limited to a ${cap} block range` };
    default:
      return {
        code: -32602,
        message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${cap} block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters, this block range should work: [${hex(from)}, ${hex(to)}]`,
      };
  }
}

export class RpcProxy {
  readonly requests: ProxiedRequest[] = [];
  #server: Server;
  #calls = new Map<string, number[]>();
  #random: () => number;
  #variant = 0;
  #upstream: string;

  constructor(
    readonly port: number,
    target: string,
    public profile: ProviderProfile,
    seed = 1,
  ) {
    this.#upstream = target;
    this.#random = random(seed);
    this.#server = createServer((req, res) => void this.#handle(req, res));
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
      rateLimited: all.filter((r) => r.status === 429).length,
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

  /** Calls by this client within the last second, after recording `count` more if there is room. */
  #admit(client: string, count: number, now: number): number | undefined {
    const limit = this.profile.ratePerSecond;
    if (limit === undefined) return undefined;
    const recent = (this.#calls.get(client) ?? []).filter((t) => now - t < 1_000);
    if (recent.length + count > limit) {
      this.#calls.set(client, recent);
      // Seconds until enough calls have aged out of the window.
      const freeAt = recent[Math.max(0, recent.length + count - limit - 1)] + 1_000;
      return Math.max(1, Math.ceil((freeAt - now) / 1_000));
    }
    for (let i = 0; i < count; i++) recent.push(now);
    this.#calls.set(client, recent);
    return undefined;
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
    const calls = Array.isArray(parsed) ? parsed : [parsed];
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
    };
    this.requests.push(record);
    const delay = p.latencyMs + (this.#random() * 2 - 1) * p.jitterMs;
    const reply = async (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      await new Promise((r) => setTimeout(r, Math.max(0, delay)));
      res.writeHead(status, { ...cors, 'content-type': 'application/json', ...headers }).end(body);
    };
    const client = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? 'client');
    const wait = this.#admit(client, calls.length, Date.now());
    if (wait !== undefined)
      return reply(
        429,
        JSON.stringify({
          jsonrpc: '2.0',
          id: null,
          error: { code: -32005, message: 'Too many requests, request rate limited' },
        }),
        {
          'retry-after': String(wait),
        },
      );
    if (this.#random() < p.errorRate) return reply(503, '{"error":"Service Unavailable"}');
    if (calls.length > p.maxBatch) {
      const error = { code: -32600, message: `batch size too large: at most ${p.maxBatch} calls per batch` };
      return reply(200, JSON.stringify(calls.map((c) => ({ jsonrpc: '2.0', id: c.id, error }))));
    }
    const lagging = p.lagEvery > 0 && this.#random() < 1 / p.lagEvery;
    record.lagging = lagging;
    const answers = await this.#answer(calls, lagging);
    return reply(200, JSON.stringify(Array.isArray(parsed) ? answers : answers[0]));
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
            // A lagging backend answers what it has, silently.
            if (to > head!) to = head!;
            if (to - from + 1n > BigInt(p.logRange)) return refuse(rangeRefusal(p.logRange, from, this.#variant++));
            filter.fromBlock = hex(from);
            filter.toBlock = hex(to);
          }
          params[0] = filter;
          break;
        }
        case 'eth_call':
        case 'eth_estimateGas': {
          const tx = { ...params[0] };
          if (tx.gas !== undefined && BigInt(tx.gas) > p.callGasCap) tx.gas = hex(p.callGasCap);
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
        if (call.method === 'eth_getLogs' && Array.isArray(answer.result) && answer.result.length > p.logCount) {
          fitted = {
            jsonrpc: '2.0',
            id: calls[index].id,
            error: { code: -32005, message: `query returned more than ${p.logCount} results` },
          };
        }
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
