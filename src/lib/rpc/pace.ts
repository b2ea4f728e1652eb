/**
 * The pace an endpoint allows, learned from its rate limits: calls a second and a minute, and a
 * wait after a limit. Calls sent are counted when they go, answered ones by when they were sent;
 * the pace is learned from the answered ones (calls still in flight are not counted, so it errs
 * low) and loosens by a quarter after a minute without a limit.
 */
const MAX_WAIT = 60_000;
/**
 * A provider counts calls by when they reach it, and two requests sent a second apart can arrive
 * closer than that (the first delayed more on the way): a call counts against a second (and a
 * minute) for this much longer than the window itself, or a pace kept exactly is refused at the
 * window's edge, and the refusal costs a second's wait.
 */
const MARGIN_MS = 50;

/** `times` (oldest first) without those older than a minute (and the margin) at `t`; the same array, trimmed. */
function trim(times: number[], t: number): number[] {
  while (times.length && t - times[0] >= 60_000 + MARGIN_MS) times.shift();
  return times;
}

export class Pace {
  /** Calls a second and a minute the endpoint was seen to allow; undefined until a limit is met. */
  perSecond?: number;
  perMinute?: number;
  /** No requests before this time (a rate limit's wait). */
  pausedUntil = 0;
  #strikes = 0;
  #lastLimitAt = 0;
  /** When each of the last minute's calls was sent, and when each the endpoint answered was sent. */
  #sent: number[] = [];
  #admitted: number[] = [];

  constructor(learned?: { perSecond?: number; perMinute?: number }) {
    this.perSecond = learned?.perSecond;
    this.perMinute = learned?.perMinute;
  }

  /** The milliseconds until one more call may go at `t`, and how many may go once it is 0 (at least one). */
  check(t: number): { wait: number; room: number } {
    let wait = this.pausedUntil - t;
    let room = Infinity;
    const recent = trim(this.#sent, t);
    const lastSecond = recent.filter((s) => t - s < 1_000 + MARGIN_MS);
    if (this.perSecond !== undefined) {
      room = Math.min(room, this.perSecond - lastSecond.length);
      if (lastSecond.length >= this.perSecond)
        wait = Math.max(wait, lastSecond[lastSecond.length - this.perSecond] + 1_000 + MARGIN_MS - t);
    }
    if (this.perMinute !== undefined) {
      room = Math.min(room, this.perMinute - recent.length);
      if (recent.length >= this.perMinute)
        wait = Math.max(wait, recent[recent.length - this.perMinute] + 60_000 + MARGIN_MS - t);
    }
    return { wait, room: Math.max(1, room) };
  }

  /** `count` calls sent at `t`. */
  sent(count: number, t: number) {
    for (let i = 0; i < count; i++) this.#sent.push(t);
  }

  /** A call sent at `sentAt` was answered. */
  admitted(sentAt: number) {
    this.#admitted.push(sentAt);
  }

  /**
   * A rate limit struck at `t`, refusing a request sent at `sentAt`: wait it out (`retryAfter` when
   * the endpoint said, else a doubling backoff), and learn the pace that stays under it from the
   * calls the endpoint answered that were sent in the second or minute before the refused one (what
   * its window held when it refused; counted up to the refusal's arrival instead, a window a round
   * trip later, it missed the calls at its start and learned too low a pace). A wait of seconds, or
   * a limit met while keeping the per-second pace, is a per-minute limit.
   */
  limited(retryAfter: number | undefined, t: number, sentAt = t) {
    // A request sent before the last refusal arrived belongs to the same burst: it is waited out,
    // but it is not a new strike (two in a row would be taken for a per-minute limit) and teaches
    // nothing the first did not (counted from its earlier send, it would teach a lower pace).
    if (this.#strikes > 0 && sentAt < this.#lastLimitAt) return this.#pause(retryAfter, t);
    // Answers arrive out of order, so a filter, not a trim, counts this minute exactly.
    this.#admitted = this.#admitted.filter((s) => t - s < 60_000);
    const before = (span: number) => this.#admitted.filter((s) => s <= sentAt && sentAt - s < span).length;
    const lastSecond = before(1_000);
    const lastMinute = before(60_000);
    this.#strikes++;
    this.#lastLimitAt = t;
    const perMinute =
      (retryAfter !== undefined && retryAfter > 2_000) ||
      (this.perSecond !== undefined && lastSecond < this.perSecond && this.#strikes > 1);
    // One strike cuts a pace already learned by half at most: the answers counted can be few by
    // chance (calls in flight, a batch refused whole), and a pace learned from them alone fell to
    // one call a second behind a provider allowing 25 (a page of proposals waited out its 20 s).
    const cut = (known: number | undefined, seen: number) =>
      known === undefined ? seen : Math.min(known, Math.max(seen, Math.ceil(known / 2)));
    if (perMinute && lastMinute > 0) this.perMinute = cut(this.perMinute, lastMinute);
    else if (!perMinute && lastSecond > 0) this.perSecond = cut(this.perSecond, lastSecond);
    this.#pause(retryAfter, t);
  }

  /**
   * No requests for `retryAfter` from `t`, else a backoff doubling with each strike: at least a
   * quarter second (a "Retry-After: 0" is not an invitation to hammer), at most a minute.
   */
  #pause(retryAfter: number | undefined, t: number) {
    const wait = Math.min(MAX_WAIT, Math.max(250, retryAfter ?? 500 * 2 ** this.#strikes));
    this.pausedUntil = Math.max(this.pausedUntil, t + wait);
  }

  /** A success at `t`: the strikes reset, and a pace unneeded for a minute loosens by a quarter. Whether the pace changed. */
  ok(t: number): boolean {
    this.#strikes = 0;
    trim(this.#admitted, t);
    if (t - this.#lastLimitAt < 60_000) return false;
    this.#lastLimitAt = t;
    if (this.perSecond === undefined && this.perMinute === undefined) return false;
    if (this.perSecond !== undefined) this.perSecond = Math.ceil(this.perSecond * 1.25);
    if (this.perMinute !== undefined) this.perMinute = Math.ceil(this.perMinute * 1.25);
    return true;
  }
}
