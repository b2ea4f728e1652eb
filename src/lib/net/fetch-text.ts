/**
 * Fetches a static or third-party file as text without trusting it: a size cap enforced while
 * streaming (a lying or missing Content-Length cannot make the page download gigabytes), a timeout,
 * and every failure as a sentence about `what` that can be shown as it is.
 */
import * as m from '../i18n/messages.ts';

export class FetchProblem extends Error {}

/** What the file is called in a failure's sentence ("The metadata"): as written, or a message of the catalogue. */
export type FileName = string | (() => string);

/** A FetchProblem worded by `sentence` about the file `what`, in the language shown. */
const problem = (what: FileName, sentence: (what: string) => string) =>
  new FetchProblem(sentence(typeof what === 'string' ? what : what()));

export interface FetchTextOptions {
  maxBytes: number;
  timeoutMs?: number;
  init?: RequestInit;
}

export async function fetchText(url: string, what: FileName, { maxBytes, timeoutMs = 15_000, init }: FetchTextOptions) {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error)?.name === 'TimeoutError';
    throw problem(what, (what) =>
      timedOut ? m.errors_fetch_text_timeout({ what }) : m.errors_fetch_text_network({ what }),
    );
  }
  if (!response.ok) throw problem(what, (what) => m.errors_fetch_text_http({ what, status: response.status }));
  const tooLarge = () =>
    problem(what, (what) => m.errors_fetch_text_too_large({ what, size: Math.round(maxBytes / 1024) }));
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel();
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    throw problem(what, (what) => m.errors_fetch_text_cut_off({ what }));
  }
  return text + decoder.decode();
}

/** `fetchText`, then JSON: a truncated or corrupted file says so instead of throwing a SyntaxError. */
export async function fetchJson(url: string, what: FileName, options: FetchTextOptions): Promise<unknown> {
  const text = await fetchText(url, what, options);
  try {
    return JSON.parse(text);
  } catch {
    throw problem(what, (what) => m.errors_fetch_text_not_json({ what }));
  }
}
