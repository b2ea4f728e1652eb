import { describe, expect, it } from 'vitest';
import { getAddress, pad, type Address } from 'viem';
import { claimsByAccount, claimsByCategory } from './claims-by-category.ts';
import type { AirdropManifest } from '../../lib/airdrop/shard.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';

const A = '0xAbc0000000000000000000000000000000000001' as Address;
const B = '0xabc0000000000000000000000000000000000002' as Address;
const C = '0x1230000000000000000000000000000000000003' as Address;
const manifest = {
  categories: [
    { id: 'og', name: 'OG Badge NFT', total: '100' },
    { id: 'alt', name: 'Altitude campaign', total: '900' },
  ],
} as AirdropManifest;
const rows: Record<string, [string, string, string[]]> = {
  [A.toLowerCase()]: [A.toLowerCase(), '30', ['10', '20']],
  [B.toLowerCase()]: [B.toLowerCase(), '5', ['0', '5']],
  [C.toLowerCase()]: [C.toLowerCase(), '7', ['7', '0']],
};
const loads: string[] = [];
const load = async (_: string, __: AirdropManifest, prefix: string) => {
  loads.push(prefix);
  return {
    shard: {
      root: '0x',
      proofFor: (account: Address) => {
        const entry = rows[account.toLowerCase()];
        return entry && entry[0].slice(2, 5) === prefix ? { entry: entry as never, proof: [] } : undefined;
      },
    },
  } as never;
};

describe('claimsByCategory', () => {
  it("splits each claim by its row, reading each claimant's shard once", async () => {
    loads.length = 0;
    const claims = new Map([
      [A, 30n],
      [B, 5n],
      [C, 7n],
    ]);
    const progress: string[] = [];
    const result = await claimsByCategory('/files', manifest, claims, {
      load,
      onProgress: (d, of) => progress.push(`${d}/${of}`),
    });
    expect(result).toEqual([
      { id: 'og', name: 'OG Badge NFT', total: 100n, claimed: 17n },
      { id: 'alt', name: 'Altitude campaign', total: 900n, claimed: 25n },
    ]);
    expect(loads.sort()).toEqual(['123', 'abc']);
    expect(progress.at(-1)).toBe('2/2');
  });

  it('refuses a claim that is not its row total, or a claimant with no row', async () => {
    await expect(claimsByCategory('/files', manifest, new Map([[A, 31n]]), { load })).rejects.toThrow(
      /does not match its row/,
    );
    const D = '0xabc0000000000000000000000000000000000009' as Address;
    await expect(claimsByCategory('/files', manifest, new Map([[D, 1n]]), { load })).rejects.toThrow(D);
  });

  it('passes on a shard that does not prove up to the root', async () => {
    const bad = async () => ({ invalid: 'Airdrop shard abc does not match the published root' });
    await expect(claimsByCategory('/files', manifest, new Map([[A, 30n]]), { load: bad as never })).rejects.toThrow(
      'does not match the published root',
    );
  });
});

describe('claimsByAccount', () => {
  it('takes the claimant from topic 1 and the amount from the first data word, of every claim kind', () => {
    const log = (account: Address, amount: bigint) =>
      ({
        topics: ['0x01', pad(account.toLowerCase() as Address)],
        data: pad(`0x${amount.toString(16)}`),
      }) as IndexedLog;
    const select = () => [log(A, 30n), log(C, 7n), { topics: ['0x01'], data: '0x' } as unknown as IndexedLog];
    expect([...claimsByAccount(select, A)]).toEqual([
      [getAddress(A), 30n],
      [getAddress(C), 7n],
    ]);
  });
});
