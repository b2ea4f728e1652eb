/**
 * One exchange with a JSON-RPC endpoint: the POST (with its time limit, failing as viem's transport
 * errors do), and the answers of a batch sorted by id into settled, refused and to be sent again.
 */
import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { classifyRpcError, isBatchRefusal } from '../errors/rpc-errors.ts';

export type Rpc = { jsonrpc: '2.0'; id: number; method: string; params?: unknown };
export type Answer = { id?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } };
export interface Job {
  rpc: Rpc;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Times the job was sent back to the queue by a refusal that was not its own. */
  requeued: number;
  /** Sent on its own: its batch was refused for what one of its calls asked. */
  solo?: boolean;
  queuedAt: number;
}

/** What an error object says, whatever its `message` holds. */
export const words = (error: Answer['error'] | undefined) => (typeof error?.message === 'string' ? error.message : '');
const isRevert = (error: Answer['error']) => error?.code === 3 || /execution reverted/i.test(words(error));

export interface Reply {
  response: Response;
  text: string;
  /** The body parsed, or undefined when it is not JSON (`unreadable` says why). */
  json: unknown;
  unreadable?: Error;
}

/** POSTs `body` to `url`; a failure to get any answer (offline, refused, timed out) throws viem's error for it. */
export async function post(
  url: string,
  body: unknown,
  options: { timeoutMs?: number; fetch?: typeof fetch },
): Promise<Reply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    try {
      return { response, text, json: JSON.parse(text) };
    } catch (error) {
      return { response, text, json: undefined, unreadable: error as Error };
    }
  } catch (cause) {
    throw controller.signal.aborted
      ? new TimeoutError({ body: body as never, url })
      : new HttpRequestError({ body: body as never, url, cause: cause as Error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Settles each of `jobs` from `answers` (by id; a single call's only answer is its own): a result
 * resolves it (after `onAnswer`), an error of its own rejects it. Sent back (`again`): a call with no
 * answer, one refused by a rate limit (`rate`), one refused as part of a batch (`refusedAsBatch`).
 */
export function settleAnswers(
  jobs: Job[],
  answers: unknown[],
  single: boolean,
  { url, onAnswer }: { url: string; onAnswer: (job: Job, result: unknown) => void },
): { again: Job[]; rate?: Answer; refusedAsBatch?: Answer['error'] } {
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
            url,
          }),
        );
      }
    } else {
      onAnswer(job, answer.result);
      job.resolve(answer.result);
    }
  }
  return { again, rate, refusedAsBatch };
}

/** The block an answer shows (a head, a receipt's block, a header's number), if it shows one. */
export function blockOf(method: string, result: unknown): bigint | undefined {
  const number = (value: unknown) =>
    typeof value === 'string' && /^0x[0-9a-f]{1,16}$/i.test(value) ? BigInt(value) : undefined;
  if (method === 'eth_blockNumber') return number(result);
  if (method === 'eth_getTransactionReceipt') return number((result as { blockNumber?: unknown })?.blockNumber);
  if (method === 'eth_getBlockByNumber') return number((result as { number?: unknown })?.number);
  return undefined;
}
