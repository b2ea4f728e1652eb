/**
 * A size learned from what a provider accepts: how many blocks one `eth_getLogs` asks for, how many
 * calls one JSON-RPC batch carries, how many reads one paged `eth_call` carries. A refused size falls
 * back to the largest size accepted (or half, or the range the provider suggests); accepted runs
 * grow it again, by doubling while nothing was refused and by bisecting towards the smallest
 * refused size when something was, so the cap is found in a few requests and not probed again
 * and again. A long run of accepted windows forgets the refusal: a window shrunk by one dense
 * stretch of history (a result-count cap) grows back to the maximum.
 */
export class LearnedSize {
  size: bigint;
  /** Whether the size has been tried against this provider (here, or on an earlier visit). */
  known: boolean;
  #streak = 0;
  /** The smallest size refused lately. */
  #ceiling?: bigint;
  /** The largest size accepted since then. */
  #good = 0n;
  #sinceRefusal = 0;
  /** A cap the provider stated in words: never probed past. */
  #stated?: bigint;

  constructor(
    readonly max: bigint = 10_000n,
    initial: bigint = max,
    /** Accepted requests in a row before the window grows. */
    readonly growAfter = 4,
    known = false,
    /** The smallest size refused on an earlier visit, so it is not probed again at once. */
    ceiling?: bigint,
    /**
     * Whether growth bisects towards a refused size (a log window, where each block of range
     * matters) or only doubles and stays below a refusal within twice the size (a batch, where a
     * probe refused costs a whole request).
     */
    readonly bisect = true,
  ) {
    this.size = initial < 1n ? 1n : initial > max ? max : initial;
    this.known = known;
    if (ceiling !== undefined && ceiling > this.size) this.#ceiling = ceiling;
  }

  /** Whether the size is a cap the provider stated in words (a range it said it takes, not one probed). */
  get atStatedCap(): boolean {
    return this.#stated !== undefined && this.size === this.#stated;
  }

  /** The smallest size refused lately, if any. */
  get ceiling(): bigint | undefined {
    return this.#ceiling;
  }

  /**
   * The provider refused `[from, to]` as too wide; `suggested` is the range it would accept, `stated`
   * the block cap it said it has.
   */
  refused(from: bigint, to: bigint, suggested?: [bigint, bigint], stated?: bigint) {
    if (stated && stated > 0n) {
      this.#stated = stated;
      if (!suggested) suggested = [from, from + stated - 1n];
    }
    this.#streak = 0;
    this.#sinceRefusal = 0;
    this.known = true;
    const asked = to - from + 1n;
    if (this.#ceiling === undefined || asked < this.#ceiling) this.#ceiling = asked;
    if (this.#good >= asked) this.#good = 0n;
    const offered = suggested && suggested[1] >= suggested[0] ? suggested[1] - suggested[0] + 1n : undefined;
    let next = offered !== undefined && offered < asked ? offered : this.#good > 0n ? this.#good : asked / 2n;
    if (next < 1n) next = 1n;
    if (next < this.size) this.size = next;
  }

  /** The provider answered a window of `asked` blocks. */
  accepted(asked: bigint) {
    if (asked > this.#good) this.#good = asked;
    if (asked >= this.size) this.known = true;
    // Only a full-size window is evidence that the current size works.
    if (asked < this.size) return;
    if (this.#ceiling !== undefined && ++this.#sinceRefusal >= this.growAfter * 8) this.#ceiling = undefined;
    if (++this.#streak < this.growAfter) return;
    this.#streak = 0;
    const ceiling = this.#ceiling;
    let next = this.size * 2n;
    if (ceiling !== undefined) {
      // Close enough to the refused size: stay.
      if ((ceiling - this.size) * 8n < this.size) return;
      if (!this.bisect && ceiling <= this.size * 2n) return;
      next = (this.size + ceiling) / 2n;
    }
    const limit = this.#stated !== undefined && this.#stated < this.max ? this.#stated : this.max;
    this.size = next > limit ? limit : next;
  }
}
