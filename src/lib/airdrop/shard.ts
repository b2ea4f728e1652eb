/** The airdrop's static file formats and the prefix that maps an address to its shard. */
import type { Address, Hex } from 'viem';
import { buildTree, fromHex, leafHash, processProof, proofOf, toHex } from './merkle.ts';

/**
 * A shard holds the addresses whose first `bits` bits are its number; its name is that number in hex
 * (`0x691a…` → `691` at 12 bits, today's 4,096 shards; → `0d23` at 13). A build picks the fewest
 * bits, from 12 to 16, that keep its shards at 128 entries or fewer on average, so the one shard an
 * eligibility check downloads stays small at any size (at 12 bits, a 1M distribution's largest shard
 * was 9 KiB gzip; at 13 it is about half). The manifest says which: `shardBits`, or 12 when absent.
 */
export const MIN_SHARD_BITS = 12;
export const MAX_SHARD_BITS = 16;
const MEAN_ENTRIES_AT_MOST = 128;

/** Whether `bits` is a shard bit count the format allows (a whole number from 12 to 16). */
export const isShardBits = (bits: unknown): bits is number =>
  Number.isInteger(bits) && (bits as number) >= MIN_SHARD_BITS && (bits as number) <= MAX_SHARD_BITS;

/** The shard bits a build of `recipients` uses. */
export const shardBitsFor = (recipients: number): number =>
  Math.min(MAX_SHARD_BITS, Math.max(MIN_SHARD_BITS, Math.ceil(Math.log2(recipients / MEAN_ENTRIES_AT_MOST))));

/** The shard bits a manifest's build used. */
export const shardBitsOf = (manifest: Pick<AirdropManifest, 'shardBits'>): number =>
  manifest.shardBits ?? MIN_SHARD_BITS;

/** Hex digits of a shard's name at `bits`. */
export const shardNameLength = (bits: number) => Math.ceil(bits / 4);

export interface AirdropCategory {
  id: string;
  name: string;
  total: string;
}

export interface AirdropManifest {
  version: 1;
  name: string;
  root: Hex;
  recipients: number;
  total: string;
  categories: AirdropCategory[];
  /** Hex digits of a shard's name (`shardNameLength` of the bits). */
  shardPrefixLength: number;
  /** Leading address bits that pick the shard; absent in a 12-bit build (the format before it could vary). */
  shardBits?: number;
  /** One bit per shard, shard 0 first, as hex (`2^bits / 4` digits): whether that shard's file exists. */
  shards: string;
}

/** One recipient: address, total and the per-category amounts in manifest order, all decimal strings. */
export type ShardEntry = [address: Hex, total: string, breakdown: string[]];

export interface AirdropShard {
  version: 1;
  prefix: string;
  /** Proof from this shard's root up to the manifest root. */
  proof: Hex[];
  entries: ShardEntry[];
}

/** The shard an address belongs to at `bits`, by name: `0xAbC1…` → `abc` at 12 bits, `1578` at 13. */
export function shardPrefix(address: string, bits: number): string {
  const id = Number.parseInt(address.slice(2, 6), 16) >> (16 - bits);
  return id.toString(16).padStart(shardNameLength(bits), '0');
}

/** Whether the manifest's bitmap says shard `prefix` has a file. */
export function shardExists(manifest: Pick<AirdropManifest, 'shards'>, prefix: string): boolean {
  const index = Number.parseInt(prefix, 16);
  const nibble = Number.parseInt(manifest.shards[index >> 2] ?? '0', 16);
  return (nibble & (8 >> (index & 3))) !== 0;
}

/** Encodes which shards exist as the manifest's hex bitmap (`2^bits / 4` hex digits). */
export function encodeShardBitmap(prefixes: Iterable<string>, bits: number): string {
  const nibbles = new Uint8Array(2 ** bits / 4);
  for (const prefix of prefixes) {
    const index = Number.parseInt(prefix, 16);
    nibbles[index >> 2] |= 8 >> (index & 3);
  }
  return Array.from(nibbles, (n) => n.toString(16)).join('');
}

/**
 * Rebuilds a shard's subtree from its entries. `root` is the root the shard proves up to (it must
 * equal the manifest's and the contract's); `proofFor` gives an entry's full proof, shard proof then
 * top proof, as OpenZeppelin's `MerkleProof` verifies it.
 */
export function rebuildShard(shard: AirdropShard) {
  const tree = buildTree(shard.entries.map(([address, total]) => leafHash(address, BigInt(total))));
  return {
    root: toHex(processProof(tree.nodes[0], shard.proof.map(fromHex))),
    proofFor(account: Address): { entry: ShardEntry; proof: Hex[] } | undefined {
      const position = shard.entries.findIndex(([address]) => address === account.toLowerCase());
      if (position < 0) return undefined;
      return {
        entry: shard.entries[position],
        proof: [...proofOf(tree, tree.indexOf[position]).map(toHex), ...shard.proof],
      };
    },
  };
}
