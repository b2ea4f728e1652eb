import { describe, expect, it } from 'vitest';
import { Pace } from './pace.ts';

describe('Pace.limited', () => {
  it('learns the per-second pace from the calls answered in the last second', () => {
    const pace = new Pace();
    pace.sent(20, 0);
    for (let i = 0; i < 16; i++) pace.admitted(0);
    pace.limited(1_000, 100);
    expect(pace.perSecond).toBe(16);
    expect(pace.pausedUntil).toBe(1_100);
  });

  it('never cuts a learned pace by more than half in one strike, however few answers it counted', () => {
    const pace = new Pace({ perSecond: 16 });
    pace.sent(1, 5_000);
    pace.admitted(5_000);
    pace.limited(1_000, 5_100);
    expect(pace.perSecond).toBe(8);
    // Strikes that keep coming between successes keep halving it: a provider that truly allows one
    // call a second is reached.
    for (let t = 7_000; t < 13_000; t += 2_000) {
      pace.admitted(t);
      pace.ok(t + 50);
      pace.limited(1_000, t + 100);
    }
    expect(pace.perSecond).toBe(1);
  });
});
