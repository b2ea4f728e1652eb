import { createClient, custom } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchHead } from './watch-head.ts';

afterEach(() => vi.useRealTimers());

describe('watchHead', () => {
  it('reports every answer, the same or a lower block included, and errors in between', async () => {
    vi.useFakeTimers();
    const answers: (number | Error)[] = [5, new Error('down'), 5, 3];
    const client = createClient({
      transport: custom(
        {
          async request() {
            const next = answers.shift()!;
            if (next instanceof Error) throw next;
            return `0x${next.toString(16)}`;
          },
        },
        { retryCount: 0 },
      ),
    }) as never;
    const seen: string[] = [];
    const stop = watchHead(
      client,
      { onBlock: (n) => seen.push(`block ${n}`), onError: () => seen.push('error') },
      1000,
    );
    // Nothing at start: the first poll waits one interval.
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(3001);
    expect(seen).toEqual(['block 5', 'error', 'block 5', 'block 3']);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toHaveLength(4);
  });
});
