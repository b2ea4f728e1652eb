/**
 * OpenZeppelin StandardMerkleTree-compatible hashing for `(address, uint256)` leaves, on raw bytes.
 * The browser rebuilds one shard (a few hundred leaves) with noble's keccak; the Node builder passes a
 * WASM keccak through `createMerkle` because a million-address build hashes about three million times.
 */
import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, hexToBytes, type Hex } from 'viem';

export type Keccak = (data: Uint8Array) => Uint8Array;

/** `keccak256(bytes.concat(keccak256(abi.encode(account, amount))))`, OpenZeppelin's standard leaf. */
function leafHashWith(keccak: Keccak, account: Hex, amount: bigint): Uint8Array {
  // A uint256: anything else would be cut to its low 32 bytes and hash as another amount.
  if (amount < 0n || amount >= 1n << 256n) throw new RangeError(`${amount} is not a uint256`);
  const encoded = new Uint8Array(64);
  encoded.set(hexToBytes(account), 12);
  let value = amount;
  for (let i = 63; i >= 32 && value > 0n; i--) {
    encoded[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return keccak(keccak(encoded));
}

/** Lexicographic comparison of two 32-byte hashes. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** Hash of a sorted pair, as OpenZeppelin's `MerkleProof` computes it. */
function hashPairWith(keccak: Keccak, a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(64);
  if (compareBytes(a, b) <= 0) {
    joined.set(a);
    joined.set(b, 32);
  } else {
    joined.set(b);
    joined.set(a, 32);
  }
  return keccak(joined);
}

export interface MerkleTree {
  /** Nodes in OpenZeppelin's array layout: root at 0, children of i at 2i+1 and 2i+2. */
  nodes: Uint8Array[];
  /** Tree index of each input node, by input position. */
  indexOf: number[];
}

/**
 * Builds a tree over already-hashed nodes with OpenZeppelin's layout: nodes sorted ascending, placed
 * from the end of the array backwards. Shard roots go in as nodes unchanged (not hashed again).
 */
function buildTreeWith(keccak: Keccak, leaves: Uint8Array[]): MerkleTree {
  if (leaves.length === 0) throw new Error('a Merkle tree needs at least one leaf');
  const order = leaves.map((_, i) => i).sort((x, y) => compareBytes(leaves[x], leaves[y]));
  const size = 2 * leaves.length - 1;
  const nodes = new Array<Uint8Array>(size);
  const indexOf = new Array<number>(leaves.length);
  order.forEach((input, rank) => {
    nodes[size - 1 - rank] = leaves[input];
    indexOf[input] = size - 1 - rank;
  });
  for (let i = size - 1 - leaves.length; i >= 0; i--)
    nodes[i] = hashPairWith(keccak, nodes[2 * i + 1], nodes[2 * i + 2]);
  return { nodes, indexOf };
}

/** Sibling path from tree index `index` up to the root. */
export function proofOf(tree: MerkleTree, index: number): Uint8Array[] {
  const proof: Uint8Array[] = [];
  for (let i = index; i > 0; i = Math.floor((i - 1) / 2)) {
    proof.push(tree.nodes[i % 2 === 1 ? i + 1 : i - 1]);
  }
  return proof;
}

/** The hashing functions bound to one keccak implementation. */
export function createMerkle(keccak: Keccak) {
  return {
    leafHash: (account: Hex, amount: bigint) => leafHashWith(keccak, account, amount),
    hashPair: (a: Uint8Array, b: Uint8Array) => hashPairWith(keccak, a, b),
    buildTree: (leaves: Uint8Array[]) => buildTreeWith(keccak, leaves),
    /** Folds a proof from a leaf up to the root it implies. */
    processProof: (leaf: Uint8Array, proof: readonly Uint8Array[]) =>
      proof.reduce((node, sibling) => hashPairWith(keccak, node, sibling), leaf),
  };
}

export type Merkle = ReturnType<typeof createMerkle>;

/** The default (noble keccak) functions, as the browser uses them. */
export const { leafHash, hashPair, buildTree, processProof } = createMerkle(keccak_256);

/** Hex helpers for the file formats. */
export const toHex = (bytes: Uint8Array): Hex => bytesToHex(bytes);
export const fromHex = (hex: Hex): Uint8Array => hexToBytes(hex);
