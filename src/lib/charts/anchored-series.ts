/**
 * A running total over blocks from its changes, anchored to the value a contract reports now: the
 * line starts at `fromBlock` (the first block the log index holds) with the value then, `current`
 * less every change since, so history the index does not hold shortens the line, never shifts it.
 */
export interface Change {
  blockNumber: bigint;
  delta: bigint;
}

/** The value after each block with a change (changes oldest first), from `fromBlock`. */
export function anchoredSeries(changes: Change[], current: bigint, fromBlock: bigint) {
  const start = changes.reduce((s, c) => s - c.delta, current);
  const blocks: bigint[] = [fromBlock];
  const values: bigint[] = [start];
  let running = start;
  for (const c of changes) {
    running += c.delta;
    if (blocks.at(-1) === c.blockNumber) values[values.length - 1] = running;
    else {
      blocks.push(c.blockNumber);
      values.push(running);
    }
  }
  return { blocks, values };
}
