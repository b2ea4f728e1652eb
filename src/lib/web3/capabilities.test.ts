import { describe, expect, it } from 'vitest';
import type { ChainConfig } from '../config/app-config.ts';
import type { Address } from 'viem';
import {
  describesContracts,
  knownToken,
  parseCapabilities,
  shippedCapabilities,
  type ChainCaps,
} from './capabilities.ts';

const A = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const chain = (contracts: ChainConfig['contracts'], capabilities?: unknown): ChainConfig => ({
  id: 31337,
  name: 'devnet',
  rpcUrls: ['http://127.0.0.1:8545'],
  explorer: null,
  deployBlock: 0,
  contracts,
  capabilities,
});
const caps: ChainCaps = {
  alt: {
    address: A(1),
    symbol: 'ALT',
    decimals: 18,
    domain: { name: 'AltLayer Token', version: '1' },
    pausable: true,
    hasVotes: false,
  },
  votes: { address: A(5), symbol: 'vALT', decimals: 18, clockMode: 'timestamp', wrapsAlt: true, countsStake: true },
  governor: { address: A(2), name: 'ALT Governor', clockMode: 'timestamp', executor: A(3), timelock: A(3) },
  staking: { address: A(4), votes: A(5) },
  airdrop: { address: A(6), claimsToVotes: true },
};
const contracts = { alt: A(1), governor: A(2), timelock: A(3), staking: A(4), airdrop: A(6) };

describe('shipped capabilities', () => {
  it('are used when they describe exactly the configured contracts', () => {
    expect(shippedCapabilities(chain(contracts, JSON.parse(JSON.stringify(caps))))).toEqual(caps);
  });

  it('are ignored once a deployer changes, adds or removes a contract without re-reading them', () => {
    expect(shippedCapabilities(chain({ ...contracts, governor: A(9) }, caps))).toBeUndefined();
    expect(shippedCapabilities(chain({ ...contracts, timelock: A(9) }, caps))).toBeUndefined();
    const { airdrop: _airdrop, ...withoutAirdrop } = contracts;
    expect(shippedCapabilities(chain(withoutAirdrop, caps))).toBeUndefined();
    expect(describesContracts({ ...caps, staking: undefined }, chain(contracts))).toBe(false);
    // Checksum case is not a difference.
    expect(
      describesContracts(caps, chain({ ...contracts, alt: A(1).toUpperCase().replace('0X', '0x') as never })),
    ).toBe(true);
  });

  it('are ignored when malformed, rather than trusted', () => {
    for (const bad of [
      null,
      'caps',
      { ...caps, alt: { ...caps.alt, pausable: 'yes' } },
      { ...caps, votes: { ...caps.votes, clockMode: 'mode=timestamp' } },
      { ...caps, governor: { ...caps.governor, executor: 'not an address' } },
      { ...caps, staking: { address: A(4), votes: 42 } },
      { ...caps, alt: { ...caps.alt, symbol: 'x'.repeat(500) } },
    ]) {
      expect(parseCapabilities(bad)).toBeUndefined();
      expect(shippedCapabilities(chain(contracts, bad))).toBeUndefined();
    }
  });
});

describe('knownToken', () => {
  it('names ALT and the votes token by address, whatever the case, and nothing else', () => {
    expect(knownToken(caps, caps.alt!.address.toLowerCase() as Address)).toEqual({
      symbol: caps.alt!.symbol,
      decimals: caps.alt!.decimals,
    });
    expect(knownToken(caps, caps.votes!.address)).toEqual({
      symbol: caps.votes!.symbol,
      decimals: caps.votes!.decimals,
    });
    expect(knownToken(caps, A(99))).toBeUndefined();
    expect(knownToken(undefined, caps.alt!.address)).toBeUndefined();
  });
});
