/**
 * An HTTP proxy in front of anvil that counts what reaches the RPC: each HTTP request, and the
 * JSON-RPC methods inside it (a batch carries several). The app is pointed at the proxy; the test
 * wallet talks to anvil directly, so only the app's own traffic is counted.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';

export interface CountedRequest {
  at: number;
  methods: string[];
}

export class CountingProxy {
  readonly requests: CountedRequest[] = [];
  #server: Server;

  constructor(
    readonly port: number,
    target: string,
  ) {
    const upstream = new URL(target);
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.method === 'POST') {
          try {
            const parsed = JSON.parse(body.toString('utf8'));
            const list = Array.isArray(parsed) ? parsed : [parsed];
            this.requests.push({ at: performance.now(), methods: list.map((r: { method: string }) => r.method) });
          } catch {
            this.requests.push({ at: performance.now(), methods: ['(unparsable)'] });
          }
        }
        const forward = httpRequest(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        forward.on('error', () => res.writeHead(502).end());
        forward.end(body);
      });
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Requests since `mark` (an index from `mark()`), without the block watcher's lone eth_blockNumber polls. */
  since(mark: number) {
    const all = this.requests.slice(mark);
    const polls = all.filter((r) => r.methods.length === 1 && r.methods[0] === 'eth_blockNumber').length;
    return { reads: all.length - polls, polls, methods: all.flatMap((r) => r.methods) };
  }

  mark = () => this.requests.length;

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
