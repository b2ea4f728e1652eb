/**
 * Heads as the app believes them. Public RPCs balance requests over backends, and one answer in
 * many comes from a backend a block behind: taken at its word, "as of block N" would step back and
 * the screens would read an older block again. A lower head is believed only when it is repeated
 * (a devnet restored from a snapshot, a chain really rolled back), never from one answer.
 */
export class HeadOrder {
  #head?: bigint;
  #lower?: { block: bigint; times: number };

  constructor(
    /** Answers in a row that a lower head needs before it is believed. */
    readonly confirmations = 2,
  ) {}

  get head(): bigint | undefined {
    return this.#head;
  }

  /** The head to act on after an answer of `block`. */
  observe(block: bigint): bigint {
    if (this.#head === undefined || block >= this.#head) {
      this.#lower = undefined;
      this.#head = block;
      return block;
    }
    const times = this.#lower?.block === block ? this.#lower.times + 1 : 1;
    this.#lower = { block, times };
    if (times >= this.confirmations) {
      this.#lower = undefined;
      this.#head = block;
    }
    return this.#head;
  }
}

/**
 * TanStack Query's `structuralSharing` for per-block reads: an answer read at an older block than
 * the data already shown (a lagging backend) does not replace it.
 */
export function keepNewerBlock(previous: unknown, next: unknown): unknown {
  const at = (data: unknown) => (data as { blockNumber?: unknown } | undefined)?.blockNumber;
  const was = at(previous);
  const now = at(next);
  return typeof was === 'bigint' && typeof now === 'bigint' && now < was ? previous : next;
}
