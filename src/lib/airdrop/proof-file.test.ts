import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { getAddress, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { proofFile, verifyProofFile } from './proof-file.ts';

const recipients: [Address, bigint][] = [
  ['0x52908400098527886E0F7030069857D2E4169EE7', 9_250n * 10n ** 18n],
  ['0xde709f2102306220921060314715629080e2fb77', 5n],
  ['0x8617E340B3D01FA5F11F306F4090FD50E238070D', 123_456_789n],
];
// OpenZeppelin's own library builds the tree the contract's root comes from.
const tree = StandardMerkleTree.of(
  recipients.map(([a, v]) => [a, v.toString()]),
  ['address', 'uint256'],
);
const [account, amount] = recipients[1];
const file = proofFile({
  chainId: 1,
  contract: '0x00000000000000000000000000000000000000a1',
  account,
  amount,
  categories: [{ id: 'altitude', name: 'Altitude campaign', amount }],
  proof: tree.getProof(1) as Hex[],
  root: tree.root as Hex,
});

describe('the airdrop proof file', () => {
  it("carries OpenZeppelin's leaf and proof, and the claim's call with its arguments", () => {
    expect(file.leaf).toBe(tree.leafHash([account, amount.toString()]));
    expect(StandardMerkleTree.verify(file.root, ['address', 'uint256'], [file.account, file.amount], file.proof)).toBe(
      true,
    );
    expect(file.account).toBe(getAddress(account));
    expect(file.claim).toEqual({
      from: file.account,
      to: file.contract,
      function: 'claim(uint256,bytes32[])',
      args: ['5', file.proof],
    });
  });

  it('verifies on its own, through JSON, and refuses one whose amount, account, proof or shape was changed', () => {
    const copy = () => JSON.parse(JSON.stringify(file));
    expect(verifyProofFile(copy())).toBe(true);
    expect(verifyProofFile({ ...copy(), amount: '6' })).toBe(false);
    expect(verifyProofFile({ ...copy(), account: getAddress(recipients[0][0]) })).toBe(false);
    expect(verifyProofFile({ ...copy(), proof: [...file.proof].reverse().concat(file.proof) })).toBe(false);
    expect(verifyProofFile({ ...copy(), root: `0x${'00'.repeat(32)}` })).toBe(false);
    expect(verifyProofFile({ ...copy(), amount: '05' })).toBe(false);
    expect(verifyProofFile({ ...copy(), proof: ['0x1234'] })).toBe(false);
    expect(verifyProofFile(null)).toBe(false);
    expect(verifyProofFile({ ...copy(), kind: 'something-else' })).toBe(false);
    // An amount past uint256 would hash as its low 32 bytes: refused, not verified as the real one.
    expect(verifyProofFile({ ...copy(), amount: (5n + 2n ** 256n).toString() })).toBe(false);
    // The claim a tool sends must be the one proved, and the parts must add up.
    const claim = copy().claim;
    expect(verifyProofFile({ ...copy(), claim: { ...claim, to: getAddress(recipients[0][0]) } })).toBe(false);
    expect(verifyProofFile({ ...copy(), claim: { ...claim, from: getAddress(recipients[0][0]) } })).toBe(false);
    expect(verifyProofFile({ ...copy(), claim: { ...claim, args: ['6', claim.args[1]] } })).toBe(false);
    expect(verifyProofFile({ ...copy(), claim: { ...claim, args: [claim.args[0], []] } })).toBe(false);
    expect(verifyProofFile({ ...copy(), claim: { ...claim, function: 'claim(uint256)' } })).toBe(false);
    expect(verifyProofFile({ ...copy(), chainId: '1' })).toBe(false);
    expect(verifyProofFile({ ...copy(), categories: [{ id: 'altitude', name: 'Altitude', amount: '4' }] })).toBe(false);
  });
});
