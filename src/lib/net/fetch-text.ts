/**
 * Fetches a static or third-party file as text without trusting it: a size cap enforced while
 * streaming (a lying or missing Content-Length cannot make the page download gigabytes), a timeout,
 * and every failure as a sentence about `what` that can be shown as it is.
 */
export class FetchProblem extends Error {}

export interface FetchTextOptions {
  maxBytes: number;
  timeoutMs?: number;
  init?: RequestInit;
}

export async function fetchText(url: string, what: string, { maxBytes, timeoutMs = 15_000, init }: FetchTextOptions) {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error)?.name === 'TimeoutError';
    throw new FetchProblem(
      timedOut ? `${what} took too long to load.` : `${what} could not be loaded (network error).`,
    );
  }
  if (!response.ok) throw new FetchProblem(`${what} could not be loaded (HTTP ${response.status}).`);
  const tooLarge = () => new FetchProblem(`${what} is too large (over ${Math.round(maxBytes / 1024)} KiB).`);
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
    throw new FetchProblem(`${what} was cut off while loading.`);
  }
  return text + decoder.decode();
}

/** `fetchText`, then JSON: a truncated or corrupted file says so instead of throwing a SyntaxError. */
export async function fetchJson(url: string, what: string, options: FetchTextOptions): Promise<unknown> {
  const text = await fetchText(url, what, options);
  try {
    return JSON.parse(text);
  } catch {
    throw new FetchProblem(`${what} is not valid JSON (truncated or corrupted).`);
  }
}
