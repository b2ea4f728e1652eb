/**
 * The blocks around a moment of chain time, found by interpolation: a timestamp-clock governor
 * records when things happened, not in which block, and logs can only be read by block. Each step
 * reads one block header; interpolation lands close on chains with a steady block time, and every
 * third step bisects so an irregular chain still converges.
 */
export interface BlockPoint {
  number: bigint;
  timestamp: bigint;
}

/**
 * A block range [from, to] whose ends bracket `time`, at most `span` blocks wide. `lo` and `hi` are
 * known blocks with lo.timestamp <= time <= hi.timestamp; `timestampOf` reads one block's time.
 */
export async function blockRangeAround(
  time: bigint,
  lo: BlockPoint,
  hi: BlockPoint,
  timestampOf: (block: bigint) => Promise<bigint>,
  span = 200n,
  maxSteps = 24,
): Promise<{ from: bigint; to: bigint; steps: number }> {
  if (time <= lo.timestamp)
    return { from: lo.number, to: lo.number + span < hi.number ? lo.number + span : hi.number, steps: 0 };
  if (time >= hi.timestamp)
    return { from: hi.number - span > lo.number ? hi.number - span : lo.number, to: hi.number, steps: 0 };
  let steps = 0;
  while (hi.number - lo.number > span && steps < maxSteps) {
    steps++;
    const width = hi.number - lo.number;
    let guess =
      steps % 3 === 0 || hi.timestamp === lo.timestamp
        ? lo.number + width / 2n
        : lo.number + ((time - lo.timestamp) * width) / (hi.timestamp - lo.timestamp);
    if (guess <= lo.number) guess = lo.number + 1n;
    if (guess >= hi.number) guess = hi.number - 1n;
    const timestamp = await timestampOf(guess);
    if (timestamp < time) lo = { number: guess, timestamp };
    else hi = { number: guess, timestamp };
  }
  return { from: lo.number, to: hi.number, steps };
}
