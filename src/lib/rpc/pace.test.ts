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

  it('counts the calls sent in the second before the refused request, not before its refusal arrived', () => {
    const pace = new Pace();
    // 24 calls answered, sent from 0 to 900 ms; the request sent at 950 ms is refused, and its 429
    // arrives at 1,100 ms, when a second back from the arrival no longer reaches the first 8.
    for (let i = 0; i < 24; i++) pace.admitted(i < 8 ? 0 : 900);
    pace.limited(1_000, 1_100, 950);
    expect(pace.perSecond).toBe(24);
    // Calls sent after the refused one are not evidence of what its window held.
    const later = new Pace();
    for (let i = 0; i < 10; i++) later.admitted(100);
    for (let i = 0; i < 10; i++) later.admitted(1_000);
    later.limited(1_000, 1_100, 950);
    expect(later.perSecond).toBe(10);
  });
});

describe('Pace.limited, a burst refused twice', () => {
  it('takes a refusal of a request sent before the last refusal arrived as the same strike', () => {
    const pace = new Pace();
    // Half of the answered calls went out after A and before B.
    for (let i = 0; i < 24; i++) pace.admitted(i < 12 ? 100 : 920);
    // B (sent at 950) is refused first, at 1,100; A (sent at 900, slower on the way) at 1,150.
    pace.limited(1_000, 1_100, 950);
    pace.limited(1_000, 1_150, 900);
    expect(pace.perSecond).toBe(24);
    expect(pace.perMinute).toBeUndefined();
    expect(pace.pausedUntil).toBe(2_150);
  });
});

describe('Pace.check', () => {
  it('keeps a call counted a little past its second, so requests a second apart that arrive closer are not refused', () => {
    const pace = new Pace({ perSecond: 10 });
    pace.sent(10, 1_000);
    expect(pace.check(1_999).wait).toBeGreaterThan(0);
    // At exactly a second, a provider counting arrivals may still hold the first ten.
    expect(pace.check(2_000).wait).toBe(50);
    const after = pace.check(2_050);
    expect(after.wait).toBeLessThanOrEqual(0);
    expect(after.room).toBe(10);
  });
});
