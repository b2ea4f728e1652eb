/**
 * Nodes without an archive keep the state of the last blocks only (geth and Nethermind 128, Besu
 * 512, anvil with --prune-history what it is told), and refuse a call at an older block ("missing
 * trie node", "header not found", "block out of range"). A page that shows stored history (the
 * build's snapshot, days old) may read state beside it only while the node still has that block.
 */
export const KEPT_STATES = 64n;

/**
 * The block to read state at beside history reaching `block`: that block when the history is
 * current (read up to the head just now) or `head` is known to be within KEPT_STATES of it; else
 * undefined (a node without an archive may not have it: read at the head, or wait for the history
 * to reach it).
 */
export function keptStateAt(block: bigint, current: boolean, head: bigint | undefined): bigint | undefined {
  if (current) return block;
  return head !== undefined && head - block <= KEPT_STATES ? block : undefined;
}
