/**
 * An eligible account's airdrop proof as a file of its own: everything a claim needs, and everything
 * needed to check it, so the claim survives this site going away. With it, any tool that can send a
 * transaction claims: from the eligible account, call `claim(uint256 amount, bytes32[] proof)` on
 * `contract` (chain `chainId`) with `claim.args`. The leaf is OpenZeppelin's standard one,
 * `keccak256(bytes.concat(keccak256(abi.encode(account, amount))))`, and `proof` folds it to `root`
 * as OpenZeppelin's `MerkleProof` does (sorted pairs), which is what the contract checks.
 */
import { getAddress, isAddress, isAddressEqual, isHex, maxUint256, type Address, type Hex } from 'viem';
import { fromHex, leafHash, processProof, toHex } from './merkle.ts';

export interface AirdropProofFile {
  kind: 'alt-airdrop-proof';
  version: 1;
  chainId: number;
  /** The airdrop contract. */
  contract: Address;
  /** The eligible account: the only one that can claim with this proof. */
  account: Address;
  /** The allocation in wei, as a decimal string. */
  amount: string;
  /** What the allocation is for, in wei per category (the parts add up to `amount`). */
  categories: { id: string; name: string; amount: string }[];
  leaf: Hex;
  proof: Hex[];
  /** The Merkle root the contract holds (`merkleRoot()`). */
  root: Hex;
  /** The call that claims, as any tool takes it. */
  claim: { from: Address; to: Address; function: 'claim(uint256,bytes32[])'; args: [amount: string, proof: Hex[]] };
}

export interface ProofFileInput {
  chainId: number;
  contract: Address;
  account: Address;
  amount: bigint;
  categories: { id: string; name: string; amount: bigint }[];
  proof: Hex[];
  root: Hex;
}

/** The proof file's content for an eligible account (its leaf computed here, from account and amount). */
export function proofFile(input: ProofFileInput): AirdropProofFile {
  const account = getAddress(input.account);
  const contract = getAddress(input.contract);
  const amount = input.amount.toString();
  return {
    kind: 'alt-airdrop-proof',
    version: 1,
    chainId: input.chainId,
    contract,
    account,
    amount,
    categories: input.categories.map((c) => ({ id: c.id, name: c.name, amount: c.amount.toString() })),
    leaf: toHex(leafHash(account, input.amount)),
    proof: [...input.proof],
    root: input.root,
    claim: { from: account, to: contract, function: 'claim(uint256,bytes32[])', args: [amount, [...input.proof]] },
  };
}

const isWord = (value: unknown): value is Hex => isHex(value) && value.length === 66;

/**
 * Whether `file` (parsed JSON, from anywhere) is a proof file whose leaf is its account's and amount's
 * and whose proof folds that leaf to its root. It says nothing of whether the root is the contract's:
 * compare `root` with the contract's `merkleRoot()`.
 */
export function verifyProofFile(file: unknown): file is AirdropProofFile {
  const f = file as Partial<AirdropProofFile> | null;
  if (f?.kind !== 'alt-airdrop-proof' || f.version !== 1) return false;
  if (!Number.isSafeInteger(f.chainId) || f.chainId! <= 0) return false;
  if (
    typeof f.account !== 'string' ||
    !isAddress(f.account) ||
    typeof f.contract !== 'string' ||
    !isAddress(f.contract)
  )
    return false;
  if (typeof f.amount !== 'string' || !/^[1-9]\d{0,77}$/.test(f.amount) || BigInt(f.amount) > maxUint256) return false;
  if (!isWord(f.leaf) || !isWord(f.root) || !Array.isArray(f.proof) || !f.proof.every(isWord)) return false;
  // The parts add up to the amount.
  if (
    !Array.isArray(f.categories) ||
    !f.categories.every((c) => typeof c?.amount === 'string' && /^\d{1,78}$/.test(c.amount)) ||
    f.categories.reduce((sum, c) => sum + BigInt(c.amount), 0n) !== BigInt(f.amount)
  )
    return false;
  // The call a tool sends is the one this file proves: from the account, to the contract, with this
  // amount and proof.
  const claim = f.claim;
  if (
    !claim ||
    claim.function !== 'claim(uint256,bytes32[])' ||
    typeof claim.from !== 'string' ||
    typeof claim.to !== 'string' ||
    !isAddressEqual(claim.from as Address, f.account) ||
    !isAddressEqual(claim.to as Address, f.contract) ||
    !Array.isArray(claim.args) ||
    claim.args[0] !== f.amount ||
    !Array.isArray(claim.args[1]) ||
    claim.args[1].length !== f.proof.length ||
    !claim.args[1].every((p, i) => typeof p === 'string' && p.toLowerCase() === f.proof![i].toLowerCase())
  )
    return false;
  const leaf = leafHash(getAddress(f.account), BigInt(f.amount));
  if (toHex(leaf) !== f.leaf.toLowerCase()) return false;
  return toHex(processProof(leaf, f.proof.map(fromHex))) === f.root.toLowerCase();
}

/** The file's name: the account it is for. */
export const proofFileName = (account: Address) => `alt-airdrop-proof-${getAddress(account)}.json`;
