/**
 * Governance query keys: `['governance', { chainId, … }]`. New blocks and the writes that touch
 * governance refresh them by that root; the second part says what each reads.
 */
export const governanceKey = <P extends object>(chainId: number, part: P) =>
  ['governance', { chainId, ...part }] as const;
