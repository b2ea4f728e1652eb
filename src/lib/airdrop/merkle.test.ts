import { describe, expect, it } from 'vitest';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Hex } from 'viem';
import { buildTree, fromHex, leafHash, processProof, proofOf, toHex } from './merkle.ts';
import { random } from '../../../scripts/random.ts';

function sample(count: number, seed: number): [Hex, bigint][] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let address = '0x';
    for (let j = 0; j < 5; j++)
      address += Math.floor(next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0');
    return [address as Hex, BigInt(Math.floor(next() * 1e9)) * 10n ** 12n];
  });
}

describe('merkle', () => {
  it.each([1, 2, 3, 7, 64, 301])(
    'matches OpenZeppelin StandardMerkleTree for %i leaves: root and every proof',
    (count) => {
      const values = sample(count, count);
      const reference = StandardMerkleTree.of(
        values.map(([a, v]) => [a, v.toString()]),
        ['address', 'uint256'],
      );
      const tree = buildTree(values.map(([a, v]) => leafHash(a, v)));
      expect(toHex(tree.nodes[0])).toBe(reference.root);
      values.forEach(([address, amount], i) => {
        expect(proofOf(tree, tree.indexOf[i]).map(toHex)).toEqual(reference.getProof(i));
        expect(toHex(processProof(leafHash(address, amount), proofOf(tree, tree.indexOf[i])))).toBe(reference.root);
      });
    },
  );

  it('hashes the standard leaf for edge amounts', () => {
    const address = '0x0000000000000000000000000000000000000001';
    for (const amount of [0n, 1n, 2n ** 255n, 2n ** 256n - 1n]) {
      const reference = StandardMerkleTree.of([[address, amount.toString()]], ['address', 'uint256']);
      expect(toHex(leafHash(address, amount))).toBe(reference.root);
    }
  });

  it('rejects a tampered amount or sibling', () => {
    const values = sample(20, 9);
    const tree = buildTree(values.map(([a, v]) => leafHash(a, v)));
    const proof = proofOf(tree, tree.indexOf[3]);
    const root = toHex(tree.nodes[0]);
    expect(toHex(processProof(leafHash(values[3][0], values[3][1] + 1n), proof))).not.toBe(root);
    const tampered = [...proof];
    tampered[0] = fromHex(`0x${'ab'.repeat(32)}`);
    expect(toHex(processProof(leafHash(values[3][0], values[3][1]), tampered))).not.toBe(root);
  });

  it('refuses an empty tree', () => {
    expect(() => buildTree([])).toThrow(/at least one leaf/);
  });
});

describe('a leaf of an amount that is not a uint256', () => {
  it('is refused, not hashed as its low 32 bytes', () => {
    const account = '0x52908400098527886E0F7030069857D2E4169EE7';
    expect(() => leafHash(account, 2n ** 256n + 5n)).toThrow(RangeError);
    expect(() => leafHash(account, -1n)).toThrow(RangeError);
    expect(toHex(leafHash(account, 2n ** 256n - 1n))).toMatch(/^0x[0-9a-f]{64}$/);
  });
});
