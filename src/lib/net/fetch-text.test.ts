import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, fetchText } from './fetch-text.ts';

afterEach(() => vi.unstubAllGlobals());

/** A fetch answering with `body` streamed in `chunks` pieces and the given headers. */
function serve(body: string, init: ResponseInit = {}, chunks = 4) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const bytes = new TextEncoder().encode(body);
      const size = Math.ceil(bytes.length / chunks) || 1;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      });
      return new Response(stream, init);
    }),
  );
}

describe('fetchText', () => {
  it('returns the text, multi-byte characters split across chunks included', async () => {
    serve('{"name":"Ottie 🦦 — ünïcode"}', {}, 7);
    expect(await fetchJson('x', 'The file', { maxBytes: 1000 })).toEqual({ name: 'Ottie 🦦 — ünïcode' });
  });

  it('stops reading once the cap is passed, whatever Content-Length says', async () => {
    serve('x'.repeat(5000));
    await expect(fetchText('x', 'The file', { maxBytes: 1024 })).rejects.toThrow('The file is too large (over 1 KiB).');
    serve('x', { headers: { 'content-length': '99999999' } });
    await expect(fetchText('x', 'The file', { maxBytes: 1024 })).rejects.toThrow('too large');
  });

  it('names HTTP errors, network errors, timeouts and broken JSON', async () => {
    serve('nope', { status: 404 });
    await expect(fetchText('x', 'The manifest', { maxBytes: 10 })).rejects.toThrow(
      'The manifest could not be loaded (HTTP 404).',
    );
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(fetchText('x', 'The manifest', { maxBytes: 10 })).rejects.toThrow('(network error)');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(Object.assign(new Error('t'), { name: 'TimeoutError' })));
    await expect(fetchText('x', 'The manifest', { maxBytes: 10 })).rejects.toThrow('took too long');
    serve('{"version": 1, "root": "0x12');
    await expect(fetchJson('x', 'The manifest', { maxBytes: 1000 })).rejects.toThrow(
      'The manifest is not valid JSON (truncated or corrupted).',
    );
  });
});
