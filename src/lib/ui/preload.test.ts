import { describe, expect, it, vi } from 'vitest';
import { preload } from './preload.ts';

describe('preload', () => {
  it('starts each load once, skips an absent one, and lets a failed load go unreported', async () => {
    const ok = vi.fn(async () => 'module');
    const failing = vi.fn(async () => {
      throw new Error('offline');
    });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      preload(ok, undefined, failing);
      expect(ok).toHaveBeenCalledOnce();
      expect(failing).toHaveBeenCalledOnce();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
