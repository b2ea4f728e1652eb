/**
 * Airdrop eligibility from static files: fetch the manifest and the one shard that can hold the
 * address, rebuild that shard's subtree, and accept it only if it proves up to both the manifest root
 * and the root stored on-chain. Nothing from the files is trusted without that proof.
 */
import { getAddress, isHex, type Address, type Hex } from 'viem';
import { fetchJson } from '../net/fetch-text.ts';
import * as m from '../i18n/messages.ts';
import { cleanText, clip } from '../format/clean-text.ts';
import {
  isShardBits,
  MIN_SHARD_BITS,
  rebuildShard,
  shardBitsOf,
  shardExists,
  shardNameLength,
  shardPrefix,
  type AirdropManifest,
  type AirdropShard,
} from './shard.ts';

export type Eligibility =
  | { status: 'not-eligible' }
  | { status: 'eligible'; total: bigint; breakdown: { id: string; name: string; amount: bigint }[]; proof: Hex[] }
  | { status: 'invalid'; reason: string };

/** Larger files than this are refused rather than parsed (the biggest real shard is a few KiB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const isDecimal = (s: unknown): s is string => typeof s === 'string' && /^\d{1,78}$/.test(s);

/** Loads and shape-checks the manifest. */
export async function readManifest(baseUrl: string): Promise<AirdropManifest> {
  const data = (await fetchJson(`${baseUrl}/manifest.json`, m.errors_eligibility_manifest, {
    maxBytes: MAX_FILE_BYTES,
  })) as AirdropManifest;
  const bits = data?.shardBits ?? MIN_SHARD_BITS;
  const valid =
    data?.version === 1 &&
    isShardBits(bits) &&
    data.shardPrefixLength === shardNameLength(bits) &&
    isHex(data.root) &&
    data.root.length === 66 &&
    isDecimal(data.total) &&
    Array.isArray(data.categories) &&
    data.categories.every((c) => typeof c?.id === 'string' && typeof c?.name === 'string') &&
    typeof data.shards === 'string' &&
    data.shards.length === 2 ** bits / 4 &&
    /^[0-9a-f]*$/.test(data.shards);
  if (!valid) throw new Error(m.errors_eligibility_manifest_malformed());
  // The category names are not covered by the Merkle root: they are the host's text, shown as such.
  return { ...data, categories: data.categories.map((c) => ({ ...c, name: clip(cleanText(c.name), 80) })) };
}

/** `data` as shard `prefix`, or undefined when it is not shaped as one. */
function checkShard(data: unknown, prefix: string, bits: number, categories: number): AirdropShard | undefined {
  const shard = data as AirdropShard;
  const valid =
    shard?.version === 1 &&
    shard.prefix === prefix &&
    Array.isArray(shard.proof) &&
    shard.proof.every((p) => isHex(p) && p.length === 66) &&
    Array.isArray(shard.entries) &&
    shard.entries.length > 0 &&
    shard.entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        /^0x[0-9a-f]{40}$/.test(e[0]) &&
        shardPrefix(e[0], bits) === prefix &&
        isDecimal(e[1]) &&
        Array.isArray(e[2]) &&
        e[2].length === categories &&
        e[2].every(isDecimal),
    );
  return valid ? shard : undefined;
}

/**
 * Shard `prefix` from the files at `baseUrl`, rebuilt and proved up to the manifest's root, or why
 * it does not prove (tampered or stale hosting). A shard that cannot be loaded or parsed throws: an
 * error to retry, not a verdict.
 */
export async function loadShard(
  baseUrl: string,
  manifest: AirdropManifest,
  prefix: string,
): Promise<{ shard: ReturnType<typeof rebuildShard> } | { invalid: string }> {
  const shard = checkShard(
    await fetchJson(`${baseUrl}/shards/${prefix}.json`, () => m.errors_eligibility_shard({ prefix }), {
      maxBytes: MAX_FILE_BYTES,
    }),
    prefix,
    shardBitsOf(manifest),
    manifest.categories.length,
  );
  if (!shard) throw new Error(m.errors_eligibility_shard_malformed({ prefix }));
  const rebuilt = rebuildShard(shard);
  if (rebuilt.root !== manifest.root.toLowerCase()) return { invalid: m.errors_eligibility_shard_root({ prefix }) };
  return { shard: rebuilt };
}

/**
 * Checks `account` against the files at `baseUrl`. `onchainRoot` is the contract's root; a file set
 * that does not prove up to it is reported as invalid (tampered or stale hosting).
 */
export async function checkEligibility(
  baseUrl: string,
  manifest: AirdropManifest,
  account: Address,
  onchainRoot: Hex,
): Promise<Eligibility> {
  if (manifest.root.toLowerCase() !== onchainRoot.toLowerCase()) {
    return { status: 'invalid', reason: m.errors_eligibility_other_distribution() };
  }
  const prefix = shardPrefix(account, shardBitsOf(manifest));
  if (!shardExists(manifest, prefix)) return { status: 'not-eligible' };
  const loaded = await loadShard(baseUrl, manifest, prefix);
  if ('invalid' in loaded) return { status: 'invalid', reason: loaded.invalid };
  const rebuilt = loaded.shard;
  const found = rebuilt.proofFor(account);
  if (!found) return { status: 'not-eligible' };
  const [address, totalText, amounts] = found.entry;
  const total = BigInt(totalText);
  const breakdown = manifest.categories.map((c, i) => ({ id: c.id, name: c.name, amount: BigInt(amounts[i]) }));
  if (breakdown.reduce((s, b) => s + b.amount, 0n) !== total) {
    return { status: 'invalid', reason: m.errors_eligibility_category_sum({ address: getAddress(address) }) };
  }
  const proof = found.proof;
  return { status: 'eligible', total, breakdown, proof };
}
