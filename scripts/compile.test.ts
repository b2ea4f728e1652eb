import { describe, expect, it } from 'vitest';
import { recordedHash, sourceHash } from './compile.ts';

describe('generated ABIs', () => {
  it('were generated from the current contracts (run `npm run compile` if this fails)', () => {
    expect(recordedHash()).toBe(sourceHash());
  });
});
