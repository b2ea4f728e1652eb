/**
 * The reader's voting power for the governance page, in one Multicall3 batch: the split by source,
 * the delegate, plain ALT not yet voting, and whether ALT is paused; then, only when the votes go to
 * someone else, that delegate's total, so a change of delegate shows both sides.
 */
import { getAddress, type Address } from 'viem';
import { altLayerTokenAbi, altVotesAbi } from '../../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../../lib/config/app-config.ts';
import { ensResolverOf, type ReadClient } from '../../../lib/web3/chains.ts';
import type { ChainCaps } from '../../../lib/web3/capabilities.ts';
import type { ReadContext } from '../../../lib/session/read-context.ts';
import { readBatch } from '../../../lib/web3/read-batch.ts';
import { ethCall } from '../../../lib/web3/eth-call.ts';
import { cache } from '../../../lib/query/presets.ts';
import { toVotingPower, votingPowerCalls, type VotingPower } from '../../../lib/votes/voting-power.ts';
import { votesKey } from '../governance-keys.ts';
import * as m from '../../../lib/i18n/messages.ts';

export interface YourVotes {
  blockNumber: bigint;
  chainTime: bigint;
  altPaused?: boolean;
  vp: VotingPower;
  /** The delegate's total voting power, when it is someone else. */
  delegateVotes?: bigint;
}

export async function readYourVotes(
  client: ReadClient,
  chain: ChainConfig,
  caps: ChainCaps,
  account: Address,
): Promise<YourVotes> {
  const alt = caps.alt;
  if (!caps.votes) throw new Error(m.gov_read_your_votes_no_votes_token({ chain: chain.name }));
  const { blockNumber, chainTime, values } = await readBatch(client, chain, {
    paused: alt?.pausable && ({ address: alt.address, abi: altLayerTokenAbi, functionName: 'paused' } as const),
    ...votingPowerCalls(caps, account),
  });
  const vp = toVotingPower(caps, account, values)!;
  const delegateVotes =
    vp.delegate && vp.delegate !== account
      ? await ethCall(
          client,
          { address: caps.votes.address, abi: altVotesAbi, functionName: 'getVotes', args: [vp.delegate] },
          blockNumber,
        )
      : undefined;
  return { blockNumber, chainTime, altPaused: values.paused, vp, delegateVotes };
}

/** The governance page's voting-power query, refreshed each block. */
export const yourVotesQuery = (ctx: ReadContext, account: Address | undefined) => ({
  queryKey: votesKey(ctx.chainId, { yourVotes: account }),
  queryFn: async () => readYourVotes(ctx.client, ctx.chain, await ctx.requireCaps(), account!),
  enabled: !!account,
  ...cache.perBlock,
});

export type DelegateTarget = { ok: true; address: Address; ens?: string } | { ok: false; message: string };

/** An address as typed, or an ENS name resolved where the chain has ENS (Ethereum, and the devnet's own). */
export async function resolveDelegate(input: string, chain: ChainConfig, client: ReadClient): Promise<DelegateTarget> {
  const text = input.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return { ok: true, address: getAddress(text) };
  if (text.startsWith('0x')) return { ok: false, message: m.gov_read_your_votes_not_address() };
  if (!/\.[a-z]{2,}$/i.test(text)) return { ok: false, message: m.gov_read_your_votes_enter_address() };
  const resolver = ensResolverOf(chain);
  if (!resolver) return { ok: false, message: m.gov_read_your_votes_no_ens({ chain: chain.name }) };
  const { resolveEnsName } = await import('../../../lib/web3/ens.ts');
  return resolveEnsName(text, client, resolver);
}
