/**
 * What the app knows about each chain it runs on, in one place: how often blocks come, when a log is
 * final, how often the head is asked for. A chain not listed gets Ethereum-like defaults.
 */
export interface ChainProfile {
  /** About how long between blocks: how often another chain's balance is read again. */
  blockTimeMs: number;
  /** Blocks after which a log is treated as final (the log index keeps what is younger revisable). */
  finalityDepth: bigint;
  /** How often the head is polled. */
  pollingIntervalMs: number;
}

const DEFAULT: ChainProfile = { blockTimeMs: 12_000, finalityDepth: 12n, pollingIntervalMs: 4_000 };

const PROFILES: Record<number, Partial<ChainProfile>> = {
  // Ethereum finalizes within two epochs.
  1: { blockTimeMs: 12_000, finalityDepth: 64n },
  // BNB Smart Chain's fast finality takes a few blocks: 15 leaves a margin.
  56: { blockTimeMs: 3_000, finalityDepth: 15n },
  // The devnet: reorgs are the ones its tests make, a few blocks deep; its tests mine on demand.
  31337: { pollingIntervalMs: 1_000 },
};

export const chainProfile = (chainId: number): ChainProfile => ({ ...DEFAULT, ...PROFILES[chainId] });
