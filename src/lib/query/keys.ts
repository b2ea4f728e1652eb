/**
 * Query keys are `[root, { chainId, … }]`. The root says what a read depends on, so that a write
 * names the roots it changes (its touches) and refreshes those reads and nothing else, and new
 * blocks refresh the roots that follow the chain's head (PER_BLOCK_ROOTS).
 */
export type QueryRoot =
  /** The Overview's one batch and its glance. */
  | 'overview'
  /** ALT on chains other than the app's. */
  | 'balances'
  /** Staking state: parameters, operators, positions, an operator's stakers and slash. */
  | 'staking'
  /** Proposals: the list, a proposal, vote timelines, delegates' statements and names. */
  | 'governance'
  /** Voting power: yours, every delegate's, a delegate's page, what a proposer holds. */
  | 'votes'
  /** The airdrop's state and claims. */
  | 'airdrop';

/** A key under `root` for `chainId`, with what it reads. */
export const queryKey = <R extends QueryRoot, P extends object>(root: R, chainId: number, part: P) =>
  [root, { chainId, ...part }] as const;

/** What a write changes: the roots of the reads to refresh once it lands. */
export type Touches = readonly QueryRoot[];

/** Whether the read keyed `key` is one a write on `chainId` touching `touches` changed. */
export const touchedBy =
  (touches: Touches, chainId: number) =>
  (key: readonly unknown[]): boolean =>
    (touches as readonly unknown[]).includes(key[0]) &&
    (key[1] as { chainId?: number } | undefined)?.chainId === chainId;
