/**
 * What each configured contract can do, resolved once per chain and cached: whether ALT takes permits,
 * can be paused or has votes of its own (mainnet ALT has none); which votes token the governor counts,
 * its clock, whether that token wraps ALT and counts staked ALT; who executes proposals. Pages read this
 * instead of assuming, and say in words what a chain's contracts cannot do.
 *
 * These facts never change for a given set of addresses, so they are read once and kept: the deploy
 * tool writes them into config.json beside the addresses (a first visit then reads nothing extra),
 * and otherwise they take two round trips (the votes token is only known once the governor answers)
 * and are kept in localStorage for later visits. Whether ALT is paused changes, so it is read with
 * each screen's batch and the head poll, not here.
 */
import type { Address } from 'viem';
import type { ChainConfig } from '../config/app-config.ts';
import { storageKey } from '../storage/keys.ts';
import { cleanText, clip } from '../format/clean-text.ts';

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
  /** `claimsToVotes`: the airdrop can claim into the governor's votes token, which wraps ALT. */
  airdrop?: { address: Address; claimsToVotes: boolean };
}

const CACHE_VERSION = 2;
const cacheKey = (chain: ChainConfig) =>
  storageKey(
    'caps',
    CACHE_VERSION,
    chain.id,
    Object.entries(chain.contracts)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );

const isAddressText = (v: unknown): v is Address => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 100;
const isClock = (v: unknown): v is ClockMode => v === 'timestamp' || v === 'blocknumber';
const isDomain = (v: unknown) => v === undefined || (isRecord(v) && isText(v.name) && isText(v.version));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isToken = (v: Record<string, unknown>) =>
  isAddressText(v.address) && isText(v.symbol) && Number.isInteger(v.decimals) && isDomain(v.domain);

/** `value` when it has the shape of ChainCaps (as config.json or storage hold it), else undefined. */
export function parseCapabilities(value: unknown): ChainCaps | undefined {
  if (!isRecord(value)) return undefined;
  const { alt, votes, governor, staking, airdrop } = value;
  const ok =
    (alt === undefined ||
      (isRecord(alt) && isToken(alt) && typeof alt.pausable === 'boolean' && typeof alt.hasVotes === 'boolean')) &&
    (votes === undefined ||
      (isRecord(votes) &&
        isToken(votes) &&
        isClock(votes.clockMode) &&
        typeof votes.wrapsAlt === 'boolean' &&
        typeof votes.countsStake === 'boolean')) &&
    (governor === undefined ||
      (isRecord(governor) &&
        isAddressText(governor.address) &&
        isText(governor.name) &&
        isClock(governor.clockMode) &&
        isAddressText(governor.executor) &&
        (governor.timelock === undefined || isAddressText(governor.timelock)))) &&
    (staking === undefined ||
      (isRecord(staking) &&
        isAddressText(staking.address) &&
        (staking.votes === undefined || isAddressText(staking.votes)))) &&
    (airdrop === undefined ||
      (isRecord(airdrop) && isAddressText(airdrop.address) && typeof airdrop.claimsToVotes === 'boolean'));
  if (!ok) return undefined;
  // Shipped in config.json or kept from an earlier visit: shown like a live read's (see tokenText).
  const caps = value as ChainCaps;
  return {
    ...caps,
    alt: caps.alt && { ...caps.alt, symbol: tokenText(caps.alt.symbol) },
    votes: caps.votes && { ...caps.votes, symbol: tokenText(caps.votes.symbol) },
    governor: caps.governor && { ...caps.governor, name: governorText(caps.governor.name) },
  };
}

/** A token's symbol as its contract returns it: shown everywhere amounts are, it is the deployer's text. */
export const tokenText = (symbol: string) => clip(cleanText(symbol), 16);
/** A governor's name as its contract returns it. */
export const governorText = (name: string) => clip(cleanText(name), 64);

export const same = (a: Address | undefined, b: Address | undefined) => a?.toLowerCase() === b?.toLowerCase();

/**
 * Whether `caps` were read from exactly `chain`'s configured contracts: a deployer who changes an
 * address without the deploy tool gets the capabilities read afresh, never another deployment's.
 */
export function describesContracts(caps: ChainCaps, chain: ChainConfig): boolean {
  const { alt, governor, staking, airdrop, timelock } = chain.contracts;
  return (
    same(caps.alt?.address, alt) &&
    same(caps.governor?.address, governor) &&
    same(caps.staking?.address, staking) &&
    same(caps.airdrop?.address, airdrop) &&
    (!timelock || !caps.governor || same(caps.governor.timelock, timelock))
  );
}

/** The capabilities config.json ships for `chain`, when they describe its configured contracts. */
export function shippedCapabilities(chain: ChainConfig): ChainCaps | undefined {
  const caps = parseCapabilities(chain.capabilities);
  return caps && describesContracts(caps, chain) ? caps : undefined;
}

/** The capabilities of `chain` as shipped in config.json, else from an earlier visit. */
export function cachedCapabilities(chain: ChainConfig): ChainCaps | undefined {
  const shipped = shippedCapabilities(chain);
  if (shipped) return shipped;
  try {
    const raw = localStorage.getItem(cacheKey(chain));
    const caps = raw ? parseCapabilities(JSON.parse(raw)) : undefined;
    return caps && describesContracts(caps, chain) ? caps : undefined;
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

/** A token the app knows on the chain (ALT, the governor's votes token) by address: its symbol and decimals. */
export function knownToken(
  caps: ChainCaps | undefined,
  token: Address,
): { symbol: string; decimals: number } | undefined {
  const found = [caps?.alt, caps?.votes].find((t) => t && same(t.address, token));
  return found && { symbol: found.symbol, decimals: found.decimals };
}
