/** The addresses proposal actions are decoded against, with the executor and token symbols from the chain. */
import type { AppState } from '../../lib/web3/app-state.svelte.ts';
import type { KnownAddresses } from './decode-action.ts';

export function knownAddressesOf(app: AppState): KnownAddresses {
  const caps = app.capabilities;
  return {
    contracts: { ...app.chain.contracts, ...(caps?.votes ? { votes: caps.votes.address } : {}) },
    executor: caps?.governor?.executor,
    symbols: { alt: caps?.alt?.symbol, votes: caps?.votes?.symbol },
  };
}
