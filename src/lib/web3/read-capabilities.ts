/**
 * Reading what a chain's contracts can do (capabilities.ts says what each fact means), for a chain
 * whose config.json does not ship them and that this browser has not read before: loaded only then,
 * with the views' ABIs it asks through.
 */
import { getAddress, zeroAddress } from 'viem';
import { governorInterfaceAbi } from '../contracts/governor-interface.ts';
import { altAirdropViewsAbi } from '../contracts/abi/alt-airdrop-views.ts';
import { altLayerTokenViewsAbi } from '../contracts/abi/alt-layer-token-views.ts';
import { stakingInterfaceAbi } from '../contracts/staking-interface.ts';
import { altVotesViewsAbi } from '../contracts/abi/alt-votes-views.ts';
import type { ChainConfig } from '../config/app-config.ts';
import type { ReadClient } from './chains.ts';
import { readBatch } from './read-batch.ts';
import { governorText, same, tokenText, type ChainCaps, type ClockMode } from './capabilities.ts';

const clockModeOf = (mode: unknown): ClockMode => (String(mode).includes('timestamp') ? 'timestamp' : 'blocknumber');
/** The EIP-712 name and version of an `eip712Domain()` answer (fields, name, version, …). */
const domainOf = (d: readonly [unknown, string, string, ...unknown[]] | undefined) =>
  d ? { name: d[1], version: d[2] } : undefined;
const addressOf = (value: unknown) =>
  typeof value === 'string' && value !== zeroAddress ? getAddress(value) : undefined;

/** Reads every capability of `chain`'s configured contracts (two batched round trips). */
export async function readCapabilities(client: ReadClient, chain: ChainConfig): Promise<ChainCaps> {
  const { alt, governor, staking, airdrop } = chain.contracts;
  const token = alt && ({ address: alt, abi: altLayerTokenViewsAbi } as const);
  const gov = governor && ({ address: governor, abi: governorInterfaceAbi } as const);
  const first = await readBatch(
    client,
    chain,
    {
      altSymbol: token && ({ ...token, functionName: 'symbol' } as const),
      altDecimals: token && ({ ...token, functionName: 'decimals' } as const),
      altDomain: token && ({ ...token, functionName: 'eip712Domain' } as const),
      altNonces: token && ({ ...token, functionName: 'nonces', args: [zeroAddress] } as const),
      altPaused: token && ({ ...token, functionName: 'paused' } as const),
      altVotes:
        alt && ({ address: alt, abi: altVotesViewsAbi, functionName: 'getVotes', args: [zeroAddress] } as const),
      govToken: gov && ({ ...gov, functionName: 'token' } as const),
      govClock: gov && ({ ...gov, functionName: 'CLOCK_MODE' } as const),
      govName: gov && ({ ...gov, functionName: 'name' } as const),
      govTimelock: gov && ({ ...gov, functionName: 'timelock' } as const),
      stakingVotes: staking && ({ address: staking, abi: stakingInterfaceAbi, functionName: 'votes' } as const),
      airdropVotes: airdrop && ({ address: airdrop, abi: altAirdropViewsAbi, functionName: 'votes' } as const),
    },
    { allowFailure: true },
  );
  const v = first.values;
  const caps: ChainCaps = {};
  if (alt && typeof v.altSymbol === 'string') {
    caps.alt = {
      address: alt,
      symbol: tokenText(v.altSymbol),
      decimals: Number(v.altDecimals ?? 18),
      domain: v.altNonces !== undefined ? domainOf(v.altDomain) : undefined,
      pausable: typeof v.altPaused === 'boolean',
      hasVotes: v.altVotes !== undefined,
    };
  }
  const stakingVotes = addressOf(v.stakingVotes);
  if (staking) caps.staking = { address: staking, votes: stakingVotes };
  const airdropVotes = addressOf(v.airdropVotes);
  const timelock = addressOf(v.govTimelock);
  if (governor && v.govClock !== undefined) {
    caps.governor = {
      address: governor,
      name: governorText(String(v.govName ?? 'Governor')),
      clockMode: clockModeOf(v.govClock),
      executor: timelock ?? governor,
      timelock,
    };
  }

  const votesAddress = addressOf(v.govToken) ?? stakingVotes;
  if (votesAddress) {
    const vt = { address: votesAddress, abi: altVotesViewsAbi } as const;
    const second = await readBatch(
      client,
      chain,
      {
        symbol: { ...vt, functionName: 'symbol' },
        decimals: { ...vt, functionName: 'decimals' },
        clock: { ...vt, functionName: 'CLOCK_MODE' },
        domain: { ...vt, functionName: 'eip712Domain' },
        underlying: { ...vt, functionName: 'underlying' },
        staking: { ...vt, functionName: 'staking' },
      },
      { allowFailure: true },
    );
    const s = second.values;
    caps.votes = {
      address: votesAddress,
      symbol: typeof s.symbol === 'string' ? tokenText(s.symbol) : 'votes',
      decimals: Number(s.decimals ?? 18),
      domain: domainOf(s.domain),
      clockMode: clockModeOf(s.clock ?? caps.governor?.clockMode),
      wrapsAlt: !!alt && addressOf(s.underlying) === alt,
      countsStake: !!staking && addressOf(s.staking) === staking,
    };
  }
  // Claims arrive as voting power only into the governor's own votes token wrapping ALT: the token
  // the app signs delegations for, unwraps and delegates on.
  if (airdrop)
    caps.airdrop = {
      address: airdrop,
      claimsToVotes: !!caps.votes?.wrapsAlt && !!airdropVotes && same(airdropVotes, caps.votes.address),
    };
  return caps;
}
