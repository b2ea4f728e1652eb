/**
 * Whether a write may be offered now, and if not, the sentence that says why: a wallet to connect,
 * another address being viewed, the wrong network, an unreachable chain, or ALT paused by its owner.
 */
import { altPausedMessage } from '../errors/paused.ts';
import * as m from '../i18n/messages.ts';
import type { Wallet } from '../web3/wallet.svelte.ts';
import type { ChainSession } from './chain-session.svelte.ts';
import type { ViewedAddress } from './viewed-address.svelte.ts';

export class WritePolicy {
  constructor(
    readonly session: ChainSession,
    readonly wallet: Wallet,
    readonly viewed: ViewedAddress,
  ) {}

  /**
   * Why a write is disabled. `as-viewed` actions act for the viewed address, so they need that
   * address's wallet; `anyone` actions (a sweep) only need a wallet. An action that moves ALT is
   * also disabled while ALT's owner has paused its transfers: it would revert, after asking for a
   * signature or an approval for nothing.
   */
  blockedReason(who: 'as-viewed' | 'anyone', options: { movesAlt?: boolean } = {}): string | undefined {
    const { session, wallet } = this;
    if (wallet.framedElsewhere) return m.errors_write_policy_framed();
    if (options.movesAlt && session.altPaused[session.chainId]) return altPausedMessage();
    if (wallet.status !== 'connected' || !wallet.address) return m.errors_write_policy_connect();
    const url = this.viewed.urlAddress;
    if (who === 'as-viewed' && url && url !== wallet.address) {
      return m.errors_write_policy_viewing_other();
    }
    if (wallet.chainId !== session.chainId) return m.errors_write_policy_switch({ chain: session.chain.name });
    if (session.reachable[session.chainId] === false)
      return m.errors_write_policy_unreachable({ chain: session.chain.name });
    return undefined;
  }

  /** Why write actions are disabled right now, or undefined when they are allowed. */
  get writeBlocked(): string | undefined {
    return this.blockedReason('as-viewed');
  }

  /** Why a write that moves ALT (stake, withdraw, claim, wrap…) is disabled; the pause included. */
  get moveBlocked(): string | undefined {
    return this.blockedReason('as-viewed', { movesAlt: true });
  }
}
