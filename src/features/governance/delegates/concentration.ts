/** How concentrated voting power is among delegates: shares of the largest, and how few make a majority. */

export interface Concentration {
  /** Share of all voting power held by the largest 1, 5 and 10 delegates, in basis points. */
  top1: number;
  top5: number;
  top10: number;
  /** The fewest delegates whose voting power together is more than half; 0 when there is none. */
  majority: number;
  /** Cumulative share (basis points) by rank, for the largest `ranks` delegates. */
  cumulative: number[];
}

/** From voting powers in descending order. */
export function concentrationOf(votes: bigint[], ranks = 50): Concentration {
  const total = votes.reduce((s, v) => s + v, 0n);
  const bps = (v: bigint) => (total === 0n ? 0 : Number((v * 10_000n) / total));
  const cumulative: number[] = [];
  let running = 0n;
  let majority = 0;
  for (const [i, v] of votes.entries()) {
    running += v;
    if (i < ranks) cumulative.push(bps(running));
    if (!majority && total > 0n && running * 2n > total) majority = i + 1;
  }
  const top = (n: number) => bps(votes.slice(0, n).reduce((s, v) => s + v, 0n));
  return { top1: top(1), top5: top(5), top10: top(10), majority, cumulative };
}

/** Basis points as a percentage with two decimals. */
export const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;
