import { describe, expect, it } from 'vitest';
import {
  clockModeOf,
  clockNow,
  firstVotingPoint,
  formatClockPoint,
  formatClockSpan,
  relativeClock,
} from './governor-clock.ts';

describe('governor clock', () => {
  it('reads both ERC-6372 modes', () => {
    expect(clockModeOf('mode=timestamp')).toBe('timestamp');
    expect(clockModeOf('mode=blocknumber&from=default')).toBe('blocknumber');
  });
  it('formats points and spans in seconds or blocks', () => {
    expect(formatClockPoint(1_767_225_600n, 'timestamp')).toContain('2026');
    expect(formatClockPoint(19_000_000n, 'blocknumber')).toBe('block 19,000,000');
    expect(formatClockSpan(90_000n, 'timestamp')).toBe('1d 1h');
    expect(formatClockSpan(1n, 'blocknumber')).toBe('1 block');
    expect(formatClockSpan(-5n, 'blocknumber')).toBe('0 blocks');
    expect(relativeClock(110n, 100n, 'blocknumber')).toBe('in 10 blocks');
    expect(relativeClock(100n, 160n, 'timestamp')).toBe('1m ago');
  });
});

describe('firstVotingPoint', () => {
  it('is the block after the snapshot: a Governor is Pending at its snapshot block', () => {
    expect(formatClockPoint(firstVotingPoint(19_000_000n), 'blocknumber')).toBe('block 19,000,001');
  });
});

describe('clockNow', () => {
  it('is the block timestamp in timestamp mode and the block number otherwise', () => {
    const read = { chainTime: 1_767_225_600n, blockNumber: 19_000_000n };
    expect(clockNow({ ...read, clockMode: 'mode=timestamp' })).toBe(1_767_225_600n);
    expect(clockNow({ ...read, clockMode: 'mode=blocknumber&from=default' })).toBe(19_000_000n);
  });
});
