/** Where chain time stands against the claim window. */
export type ClaimWindow =
  { phase: 'not-open'; opensIn: bigint } | { phase: 'open'; closesIn: bigint } | { phase: 'closed'; closedFor: bigint };

/** Compares chain time (a block timestamp) with the contract's window: start inclusive, end exclusive. */
export function claimWindow(chainTime: bigint, claimStart: bigint, claimEnd: bigint): ClaimWindow {
  if (chainTime < claimStart) return { phase: 'not-open', opensIn: claimStart - chainTime };
  if (chainTime < claimEnd) return { phase: 'open', closesIn: claimEnd - chainTime };
  return { phase: 'closed', closedFor: chainTime - claimEnd };
}
