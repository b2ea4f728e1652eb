/**
 * What each configured contract can do, resolved once per chain and cached: whether ALT takes permits,
 * can be paused or has votes of its own (mainnet ALT has none); which votes token the governor counts,
 * its clock, whether that token wraps ALT and counts staked ALT; who executes proposals. Pages read this
 * instead of assuming, and say in words what a chain's contracts cannot do.
 *
 * Two round trips the first time (the votes token is only known once the governor answers), none on
 * later visits: these facts never change for a given set of addresses, so they are kept in
 * localStorage. Whether ALT is paused changes, so it is read with each screen's batch, not here.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { altAirdropAbi, altGovernorAbi, altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../contracts/generated.ts';
import type { ChainConfig } from '../config/app-config.ts';
import type { ReadClient } from './chains.ts';
import { readBatch } from './read-batch.ts';

export type ClockMode = 'timestamp' | 'blocknumber';

export interface TokenCaps {
  address: Address;
  symbol: string;
  decimals: number;
  /** EIP-712 domain of its permits and signatures; undefined when it has none. */
  domain?: { name: string; version: string };
}

export interface ChainCaps {
  alt?: TokenCaps & {
    /** Has `paused()`: its owner can stop every transfer. */
    pausable: boolean;
    /** Has ERC-5805 votes of its own (mainnet ALT does not). */
    hasVotes: boolean;
  };
  /** The token the governor counts votes in (IVotes), or staking's votes contract without a governor. */
  votes?: TokenCaps & {
    clockMode: ClockMode;
    /** Wraps ALT 1:1 (`underlying()` is ALT): plain ALT becomes voting power by depositing it. */
    wrapsAlt: boolean;
    /** Counts ALT staked in the configured staking contract as its holders' voting units. */
    countsStake: boolean;
  };
  governor?: {
    address: Address;
    name: string;
    clockMode: ClockMode;
    /** Who holds and pays out what proposals move: the timelock, else the governor itself. */
    executor: Address;
    timelock?: Address;
  };
  staking?: { address: Address; votes?: Address };
  airdrop?: { address: Address; claimsToVotes: boolean };
}

const CACHE_VERSION = 1;
const cacheKey = (chain: ChainConfig) =>
  `alt-app:caps:${CACHE_VERSION}:${chain.id}:${Object.entries(chain.contracts)
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

const clockModeOf = (mode: unknown): ClockMode => (String(mode).includes('timestamp') ? 'timestamp' : 'blocknumber');
const domainOf = (domain: unknown) => {
  const d = domain as readonly [string, string, string] | undefined;
  return d ? { name: d[1], version: d[2] } : undefined;
};
const addressOf = (value: unknown) =>
  typeof value === 'string' && value !== zeroAddress ? getAddress(value) : undefined;

/** Reads every capability of `chain`'s configured contracts (two batched round trips). */
export async function readCapabilities(client: ReadClient, chain: ChainConfig): Promise<ChainCaps> {
  const { alt, governor, staking, airdrop } = chain.contracts;
  const token = alt && ({ address: alt, abi: altLayerTokenAbi } as const);
  const gov = governor && ({ address: governor, abi: altGovernorAbi } as const);
  const first = await readBatch(
    client,
    chain,
    {
      altSymbol: token && { ...token, functionName: 'symbol' },
      altDecimals: token && { ...token, functionName: 'decimals' },
      altDomain: token && { ...token, functionName: 'eip712Domain' },
      altNonces: token && { ...token, functionName: 'nonces', args: [zeroAddress] },
      altPaused: token && { ...token, functionName: 'paused' },
      altVotes: alt && { address: alt, abi: altVotesAbi, functionName: 'getVotes', args: [zeroAddress] },
      govToken: gov && { ...gov, functionName: 'token' },
      govClock: gov && { ...gov, functionName: 'CLOCK_MODE' },
      govName: gov && { ...gov, functionName: 'name' },
      govTimelock: gov && { ...gov, functionName: 'timelock' },
      stakingVotes: staking && { address: staking, abi: altStakingAbi, functionName: 'votes' },
      airdropVotes: airdrop && { address: airdrop, abi: altAirdropAbi, functionName: 'votes' },
    },
    { allowFailure: true },
  );
  const v = first.values;
  const caps: ChainCaps = {};
  if (alt && typeof v.altSymbol === 'string') {
    caps.alt = {
      address: alt,
      symbol: v.altSymbol,
      decimals: Number(v.altDecimals ?? 18),
      domain: v.altNonces !== undefined ? domainOf(v.altDomain) : undefined,
      pausable: typeof v.altPaused === 'boolean',
      hasVotes: v.altVotes !== undefined,
    };
  }
  const stakingVotes = addressOf(v.stakingVotes);
  if (staking) caps.staking = { address: staking, votes: stakingVotes };
  if (airdrop) caps.airdrop = { address: airdrop, claimsToVotes: !!addressOf(v.airdropVotes) };
  const timelock = addressOf(v.govTimelock);
  if (governor && v.govClock !== undefined) {
    caps.governor = {
      address: governor,
      name: String(v.govName ?? 'Governor'),
      clockMode: clockModeOf(v.govClock),
      executor: timelock ?? governor,
      timelock,
    };
  }

  const votesAddress = addressOf(v.govToken) ?? stakingVotes;
  if (votesAddress) {
    const vt = { address: votesAddress, abi: altVotesAbi } as const;
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
      symbol: typeof s.symbol === 'string' ? s.symbol : 'votes',
      decimals: Number(s.decimals ?? 18),
      domain: domainOf(s.domain),
      clockMode: clockModeOf(s.clock ?? caps.governor?.clockMode),
      wrapsAlt: !!alt && addressOf(s.underlying) === alt,
      countsStake: !!staking && addressOf(s.staking) === staking,
    };
  }
  return caps;
}

/** The capabilities of `chain` from an earlier visit, if its contracts are the same. */
export function cachedCapabilities(chain: ChainConfig): ChainCaps | undefined {
  try {
    const raw = localStorage.getItem(cacheKey(chain));
    return raw ? (JSON.parse(raw) as ChainCaps) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `caps` for the next visit (storage full or disabled: it is read again next time). */
export function rememberCapabilities(chain: ChainConfig, caps: ChainCaps) {
  try {
    localStorage.setItem(cacheKey(chain), JSON.stringify(caps));
  } catch {
    // Not cached; nothing else depends on it.
  }
}
