import { describe, expect, it } from 'vitest';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Hex } from 'viem';
import { buildTree, leafHash, proofOf, toHex } from '../../src/lib/airdrop/merkle.ts';
import { rebuildShard, shardBitsFor, shardExists, shardPrefix } from '../../src/lib/airdrop/shard.ts';
import { random } from '../random.ts';
import { buildAirdrop } from './build-tree.ts';
import type { Distribution } from './distribution.ts';

function synthetic(count: number, seed: number): Distribution {
  const next = random(seed);
  const recipients = Array.from({ length: count }, () => {
    let address = '0x';
    for (let j = 0; j < 5; j++)
      address += Math.floor(next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0');
    const amounts = [BigInt(Math.floor(next() * 1e6)) * 10n ** 15n, BigInt(Math.floor(next() * 3)) * 10n ** 18n];
    if (amounts[0] + amounts[1] === 0n) amounts[0] = 1n;
    return { address: address as Hex, amounts, total: amounts[0] + amounts[1] };
  });
  return { categories: ['altitude', 'celestia'], recipients };
}

/** Whether OpenZeppelin verifies `proof` of `address` and `total` against `root`. */
const ozVerifies = (root: string, address: string, total: bigint, proof: string[]) =>
  StandardMerkleTree.verify(root, ['address', 'uint256'], [address, total.toString()], proof);

describe('sharded airdrop tree', () => {
  const distribution = synthetic(6_000, 42);
  const { manifest, shards } = buildAirdrop(distribution, 'test');
  const byPrefix = new Map(shards.map((s) => [s.prefix, s]));

  it('builds each shard exactly as OpenZeppelin StandardMerkleTree would (sampled)', () => {
    for (const shard of shards.filter((_, i) => i % 97 === 0)) {
      const reference = StandardMerkleTree.of(
        shard.entries.map(([a, t]) => [a, t]),
        ['address', 'uint256'],
      );
      const ours = buildTree(shard.entries.map(([a, t]) => leafHash(a, BigInt(t))));
      expect(toHex(ours.nodes[0])).toBe(reference.root);
    }
  });

  it('gives proofs (shard proof then top proof) that OpenZeppelin verifies against the manifest root (sampled)', () => {
    for (const recipient of distribution.recipients.filter((_, i) => i % 211 === 0)) {
      const shard = byPrefix.get(recipient.address.slice(2, 5).toLowerCase())!;
      const entries = shard.entries;
      const index = entries.findIndex(([a]) => a === recipient.address.toLowerCase());
      const tree = buildTree(entries.map(([a, t]) => leafHash(a, BigInt(t))));
      const proof = [...proofOf(tree, tree.indexOf[index]).map(toHex), ...shard.proof];
      expect(ozVerifies(manifest.root, recipient.address, recipient.total, proof)).toBe(true);
      expect(ozVerifies(manifest.root, recipient.address, recipient.total + 1n, proof)).toBe(false);
    }
  });

  it('records totals, per-category totals and which shards exist', () => {
    expect(manifest.recipients).toBe(6_000);
    const total = distribution.recipients.reduce((s, r) => s + r.total, 0n);
    expect(manifest.total).toBe(total.toString());
    expect(manifest.categories.reduce((s, c) => s + BigInt(c.total), 0n)).toBe(total);
    for (const shard of shards) expect(shardExists(manifest, shard.prefix)).toBe(true);
    const missing = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0')).filter(
      (p) => !byPrefix.has(p),
    );
    for (const prefix of missing) expect(shardExists(manifest, prefix)).toBe(false);
  });
});

describe('the shard bits', () => {
  it('are the fewest from 12 to 16 that keep shards at 128 entries or fewer on average', () => {
    expect(shardBitsFor(6_000)).toBe(12);
    expect(shardBitsFor(524_288)).toBe(12);
    expect(shardBitsFor(524_289)).toBe(13);
    expect(shardBitsFor(1_000_000)).toBe(13);
    expect(shardBitsFor(1_048_577)).toBe(14);
    expect(shardBitsFor(100_000_000)).toBe(16);
  });

  it('name a shard by its number in hex: at 12 bits the first three hex digits, as before', () => {
    expect(shardPrefix('0xAbC1000000000000000000000000000000000000', 12)).toBe('abc');
    expect(shardPrefix('0xAbC1000000000000000000000000000000000000', 13)).toBe('1578');
    expect(shardPrefix('0xffff000000000000000000000000000000000000', 16)).toBe('ffff');
    expect(shardPrefix('0x0001000000000000000000000000000000000000', 13)).toBe('0000');
  });

  it('at 13, each shard holds its own addresses, proves every recipient to the root, and the bitmap says which exist', () => {
    const distribution = synthetic(3_000, 7);
    const { manifest, shards } = buildAirdrop(distribution, 'test', [], undefined, 13);
    expect(manifest.shardBits).toBe(13);
    expect(manifest.shardPrefixLength).toBe(4);
    expect(manifest.shards).toHaveLength(2 ** 13 / 4);
    const byPrefix = new Map(shards.map((s) => [s.prefix, s]));
    expect(shards.reduce((n, s) => n + s.entries.length, 0)).toBe(3_000);
    for (const shard of shards) {
      expect(shard.entries.every(([a]) => shardPrefix(a, 13) === shard.prefix)).toBe(true);
      expect(shardExists(manifest, shard.prefix)).toBe(true);
    }
    const names = Array.from({ length: 2 ** 13 }, (_, i) => i.toString(16).padStart(4, '0'));
    for (const name of names.filter((p) => !byPrefix.has(p))) expect(shardExists(manifest, name)).toBe(false);
    for (const recipient of distribution.recipients.filter((_, i) => i % 53 === 0)) {
      const rebuilt = rebuildShard(byPrefix.get(shardPrefix(recipient.address, 13))!);
      expect(rebuilt.root).toBe(manifest.root);
      const { proof } = rebuilt.proofFor(recipient.address)!;
      expect(ozVerifies(manifest.root, recipient.address, recipient.total, proof)).toBe(true);
    }
  });

  it('refuses bits the app would not read', () => {
    for (const bits of [11, 17, 12.5])
      expect(() => buildAirdrop(synthetic(10, 1), 'test', [], undefined, bits)).toThrow(RangeError);
  });

  it('at 12, the manifest is as before the bits could vary (no shardBits)', () => {
    const { manifest } = buildAirdrop(synthetic(500, 3), 'test');
    expect(manifest.shardPrefixLength).toBe(3);
    expect('shardBits' in manifest).toBe(false);
  });
});
