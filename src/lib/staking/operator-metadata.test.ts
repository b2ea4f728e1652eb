import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOperatorMetadata } from './operator-metadata.ts';

const ORIGINS = ['https://meta.example.org'];
afterEach(() => vi.unstubAllGlobals());

const answer = (body: string, init: ResponseInit = {}) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, init)),
  );

describe('loadOperatorMetadata', () => {
  it('reads metadata from an allowed origin', async () => {
    answer('{"name":"Kiln"}');
    expect(await loadOperatorMetadata('https://meta.example.org/kiln.json', ORIGINS)).toEqual({
      metadata: { name: 'Kiln', description: undefined, website: undefined, logo: undefined },
    });
  });

  it('never fetches from other hosts', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const result = await loadOperatorMetadata('https://tracker.example.com/op.json', ORIGINS);
    expect(result).toEqual({ problem: expect.stringContaining('does not fetch from') });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['HTML instead of JSON', () => answer('<html>502 Bad Gateway</html>'), 'The metadata is not valid JSON.'],
    ['a huge file', () => answer(`{"name":"${'x'.repeat(100_000)}"}`), 'The metadata is too large (over 64 KiB).'],
    ['an HTTP error', () => answer('', { status: 500 }), 'The metadata could not be loaded (HTTP 500).'],
    [
      'a dead host',
      () => vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch'))),
      'The metadata could not be loaded (network error).',
    ],
  ])('says so for %s', async (_, serve, problem) => {
    serve();
    expect(await loadOperatorMetadata('https://meta.example.org/op.json', ORIGINS)).toEqual({ problem });
  });
});
