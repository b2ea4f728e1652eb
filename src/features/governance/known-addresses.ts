/** The addresses proposal actions are decoded against, with the executor and token symbols from the chain. */
import type { ReadContext } from '../../lib/session/read-context.ts';
import type { KnownAddresses } from './decode-action.ts';

export function knownAddressesOf(ctx: ReadContext): KnownAddresses {
  const caps = ctx.caps;
  return {
    contracts: { ...ctx.chain.contracts, ...(caps?.votes ? { votes: caps.votes.address } : {}) },
    executor: caps?.governor?.executor,
    symbols: { alt: caps?.alt?.symbol, votes: caps?.votes?.symbol },
  };
}
