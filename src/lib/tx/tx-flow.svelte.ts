/** Svelte wrapper around the lifecycle: reactive state, one submission at a time, tracking and refresh. */
import type { Address, Hex } from 'viem';
import { useApp } from '../session/app-state.svelte.ts';
import type { TxCall, TxState } from './tx-call.ts';
import { actionKey } from './action-key.ts';
import { mapErrorWorded } from '../errors/map-error.ts';
import { usePendingTransactions } from './pending.svelte.ts';
import type { Touches } from '../query/keys.ts';
import type { ReadClient } from '../web3/chains.ts';
import * as m from '../i18n/messages.ts';

// The write path (simulation, gas estimation, receipts) loads on the first action, not with the page.
const lifecycle = () => import('./lifecycle.ts');

const alreadyPending = (): TxState => ({
  status: 'error',
  error: { kind: 'unknown', message: m.errors_tx_flow_already_pending() },
});

export class TxFlow {
  state = $state<TxState>({ status: 'idle' });
  #app = useApp();
  #pending = usePendingTransactions();

  /** True from the click until the receipt: the button that runs this flow stays disabled. */
  get busy(): boolean {
    return ['simulating', 'signing', 'pending'].includes(this.state.status);
  }

  /**
   * Runs `call`; `label` names it in the transaction list and `touches` lists the query-key roots
   * whose data it changes, refreshed once its receipt arrives. `call` may be a function that first
   * asks the wallet for a signature the transaction needs (a permit, a delegation): that step shows
   * as signing and its errors are mapped like any other.
   */
  async run(
    call: TxCall | (() => Promise<TxCall>),
    label: string,
    touches: Touches,
    who: 'as-viewed' | 'anyone' = 'as-viewed',
  ): Promise<TxState> {
    const account = this.#guard(who);
    if (!account) return this.state;
    // Busy from this very moment: a second click arriving during the awaits below must find it so.
    this.state = { status: 'simulating' };
    const app = this.#app;
    // The chain as of the click: a network switched while a signature prompt is open does not move the action.
    const chain = { id: app.chainId, client: app.client, safeService: app.chain.safeTransactionService };
    let prepared: TxCall;
    if (typeof call === 'function') {
      this.state = { status: 'signing' };
      try {
        prepared = await call();
      } catch (error) {
        this.state = { status: 'error', error: await mapErrorWorded(error) };
        return this.state;
      }
    } else prepared = call;
    // The same action already on its way (a second click elsewhere, another tab) is not sent again.
    const key = actionKey(chain.id, account, prepared);
    if (this.#pending.isPending(key)) {
      this.state = alreadyPending();
      return this.state;
    }
    return this.#send(account, chain, [prepared], false, label, touches, key);
  }

  /** Runs `calls` as one EIP-5792 batch (the caller has checked the wallet supports it). */
  async runBatch(calls: TxCall[], label: string, touches: Touches): Promise<TxState> {
    const account = this.#guard('as-viewed');
    if (!account) return this.state;
    const app = this.#app;
    const chain = { id: app.chainId, client: app.client, safeService: app.chain.safeTransactionService };
    // The batch's action (its last call, the approval before it only makes it possible) already on
    // its way as a single transaction, here or in another tab, is not sent again.
    const key = actionKey(chain.id, account, calls.at(-1)!);
    if (this.#pending.isPending(key)) {
      this.state = alreadyPending();
      return this.state;
    }
    this.state = { status: 'simulating' };
    return this.#send(account, chain, calls, true, label, touches, key);
  }

  /**
   * Sends `calls` (one transaction, or one batch) and tracks them in the transaction list under the
   * wallet's answer from the moment it comes, so a reload or another tab keeps following it and the
   * same action is not sent twice meanwhile; a sped-up transaction ends under another hash.
   */
  async #send(
    account: Address,
    chain: { id: number; client: ReadClient; safeService?: string },
    calls: TxCall[],
    asBatch: boolean,
    label: string,
    touches: Touches,
    key: string,
  ): Promise<TxState> {
    const app = this.#app;
    const chainId = chain.id;
    const { send } = await lifecycle();
    let sent: Hex | undefined;
    const final = await send(
      {
        walletConfig: app.wallet.config,
        client: chain.client,
        chainId,
        account,
        safeService: chain.safeService,
        onSent: (hash, follow) => {
          sent = hash;
          this.#pending.track(hash, chainId, label, touches, key, follow);
        },
      },
      calls,
      (state) => this.#show(state, sent),
      asBatch,
    );
    if (sent) this.#pending.finish(sent, final);
    // Stopped before sending because the wallet moved: said where it outlives this form.
    else if (final.status === 'error' && final.error.kind === 'wallet-changed')
      this.#pending.notice(label, final.error.message);
    return final;
  }

  /** Shows `state` here and, while it waits on a Safe's owners, in the transaction list too. */
  #show(state: TxState, sent: Hex | undefined) {
    this.state = state;
    if (sent && state.status === 'pending' && state.note) this.#pending.progress(sent, state.note);
  }

  /** The acting account when a new submission may start; otherwise undefined (state says why, if blocked). */
  #guard(who: 'as-viewed' | 'anyone') {
    if (this.busy) return undefined;
    const account = this.#app.wallet.address;
    const blocked = this.#app.policy.blockedReason(who);
    if (blocked || !account) {
      this.state = { status: 'error', error: { kind: 'unknown', message: blocked ?? m.errors_tx_flow_connect() } };
      return undefined;
    }
    return account;
  }

  reset() {
    this.state = { status: 'idle' };
  }
}
