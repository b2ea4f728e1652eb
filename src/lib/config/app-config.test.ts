import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contractAddress, parseAppConfig } from './app-config.ts';

const chain = {
  id: 31337,
  name: 'devnet',
  rpcUrls: ['http://127.0.0.1:8545'],
  contracts: { alt: '0x5fbdb2315678afecb367f032d93f642f64180aa3' },
};

describe('parseAppConfig', () => {
  it('accepts the shipped config and checksums addresses', () => {
    const config = parseAppConfig(JSON.parse(readFileSync('public/config.json', 'utf8')));
    expect(config.chains.map((c) => c.id)).toEqual([31337, 1, 56]);
    expect(contractAddress(config, 1, 'alt')).toBe('0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB');
    expect(contractAddress(config, 56, 'staking')).toBeUndefined();
    expect(parseAppConfig({ chains: [chain] }).chains[0].contracts.alt).toBe(
      '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    );
  });

  it("takes a chain's Safe Transaction Service as an https origin", () => {
    const parsed = parseAppConfig({
      chains: [{ ...chain, safeTransactionService: 'https://safe-transaction-mainnet.safe.global/' }],
    });
    expect(parsed.chains[0].safeTransactionService).toBe('https://safe-transaction-mainnet.safe.global');
    expect(parseAppConfig({ chains: [chain] }).chains[0].safeTransactionService).toBeUndefined();
  });

  it.each([
    [null, /expected an object/],
    [{ chains: [] }, /non-empty/],
    [{ chains: [{ ...chain, id: -1 }] }, /id must be/],
    [{ chains: [{ ...chain, rpcUrls: ['ftp://x'] }] }, /rpcUrls/],
    [{ chains: [{ ...chain, contracts: { alt: '0x123' } }] }, /not an address/],
    [{ chains: [{ ...chain, contracts: { vault: chain.contracts.alt } }] }, /not a known contract/],
    [{ defaultChainId: 5, chains: [chain] }, /defaultChainId/],
    [{ chains: [{ ...chain, safeTransactionService: 'http://safe.example' }] }, /safeTransactionService must be/],
  ])('rejects %j with a message', (input, message) => {
    expect(() => parseAppConfig(input)).toThrow(message);
  });
});
