import { describe, expect, it } from 'vitest';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Hex } from 'viem';
import { buildAirdrop } from '../../../scripts/airdrop/build-tree.ts';
import { isShardBits, rebuildShard, shardPrefix } from './shard.ts';

const recipients = Array.from({ length: 300 }, (_, i) => {
  const address = `0x${(i * 2_654_435_761).toString(16).padStart(8, '0').slice(-8)}${'ab'.repeat(16)}` as Hex;
  return { address, amounts: [BigInt(i + 1) * 10n ** 18n], total: BigInt(i + 1) * 10n ** 18n };
});
const { manifest, shards } = buildAirdrop({ categories: ['altitude'], recipients }, 'test');

describe('rebuildShard', () => {
  it('proves every shard up to the manifest root and gives proofs OpenZeppelin verifies', () => {
    for (const shard of shards) {
      const rebuilt = rebuildShard(shard);
      expect(rebuilt.root).toBe(manifest.root);
      for (const [address, total] of shard.entries) {
        const found = rebuilt.proofFor(address)!;
        expect(found.entry[1]).toBe(total);
        expect(StandardMerkleTree.verify(manifest.root, ['address', 'uint256'], [address, total], found.proof)).toBe(
          true,
        );
      }
    }
  });

  it('finds nobody outside the shard and exposes a tampered entry through its root', () => {
    const shard = shards.find((s) => s.prefix === shardPrefix(recipients[0].address, 12))!;
    expect(rebuildShard(shard).proofFor(`0x${'00'.repeat(20)}`)).toBeUndefined();
    const tampered = {
      ...shard,
      entries: shard.entries.map(([a, t, b]) => [a, `${BigInt(t) + 1n}`, b] as (typeof shard.entries)[number]),
    };
    expect(rebuildShard(tampered).root).not.toBe(manifest.root);
  });
});

describe('isShardBits', () => {
  it('takes whole numbers from 12 to 16 and nothing else', () => {
    for (const bits of [12, 13, 16]) expect(isShardBits(bits)).toBe(true);
    for (const bits of [11, 17, 12.5, '12', undefined, null, Number.NaN]) expect(isShardBits(bits)).toBe(false);
  });
});
