/**
 * The address every page shows: the URL's `address` when it is valid, else the connected wallet's.
 */
import { getAddress, isAddress, type Address } from 'viem';
import { router } from '../router/router.svelte.ts';
import type { Wallet } from '../web3/wallet.svelte.ts';
import * as m from '../i18n/messages.ts';
import { cleanText, clip } from '../format/clean-text.ts';

export class ViewedAddress {
  constructor(readonly wallet: Wallet) {}

  /** The `address` in the URL when it is valid; an invalid one is reported by `urlError`. */
  get urlAddress(): Address | undefined {
    const raw = router.route.params.get('address');
    return raw && isAddress(raw, { strict: false }) ? getAddress(raw) : undefined;
  }

  get urlError(): string | undefined {
    const raw = router.route.params.get('address');
    return raw && !isAddress(raw, { strict: false })
      ? m.errors_viewed_address_not_address({ text: clip(cleanText(raw), 50) })
      : undefined;
  }

  /** The address whose data every page shows. */
  get address(): Address | undefined {
    return this.urlAddress ?? this.wallet.address;
  }

  /**
   * Whether the viewed address is known: a URL address at once, otherwise once a returning wallet
   * has reconnected (or is known absent). Screens wait for it so their batched read runs once.
   */
  get settled(): boolean {
    return !!this.urlAddress || this.wallet.settled;
  }
}
