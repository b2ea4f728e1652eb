/**
 * What a screen's read needs of the session, and no more: the chain it reads, its client, what the
 * chain's contracts can do, and whether the viewed address is known. Query factories take this
 * (`createQuery(() => overviewQuery(app.read, account))`), not the whole app, so a factory's
 * inputs are all in its signature and a test can hand it a chain and a client.
 */
import type { ChainConfig } from '../config/app-config.ts';
import type { ReadClient } from '../web3/chains.ts';
import type { ChainCaps } from '../web3/capabilities.ts';

export interface ReadContext {
  readonly chainId: number;
  readonly chain: ChainConfig;
  readonly client: ReadClient;
  /** The chain's capabilities once known; until then a query that needs them waits (`enabled`). */
  readonly caps: ChainCaps | undefined;
  /** The capabilities for a read: at once when known, else once resolved (a failure fails the read). */
  requireCaps(): Promise<ChainCaps>;
  /** The client of another configured chain (its balances), if it has one. */
  clientOf(chainId: number): ReadClient | undefined;
  /**
   * Whether the viewed address is known: a URL address at once, else once a returning wallet has
   * reconnected (or is known absent). Reads for the viewed account wait for it, so they run once.
   */
  readonly settled: boolean;
}
