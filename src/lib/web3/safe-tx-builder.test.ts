import { describe, expect, it } from 'vitest';
import { decodeFunctionData, keccak256, parseAbi, toBytes, type Address } from 'viem';
import { altGovernorAbi, altLayerTokenAbi, altStakingAbi } from '../contracts/generated.ts';
import { txCall } from '../tx/tx-call.ts';
import { builderBatch, builderTransaction } from './safe-tx-builder.ts';

const SAFE = '0xE9EE1BEfbEdB36C3e188bc27035De84F90f251B5' as Address;
const OWNER = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955' as Address;
const ALT = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const STAKING = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as Address;
const OPERATOR = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;

/**
 * The Builder's checksum as its import checks it, written out here on its own: the file without
 * `meta.checksum`, `meta.name` as null, every object as its sorted keys (a JSON array) followed by
 * each value and a comma, arrays as JSON arrays of such, keccak-256 of the UTF-8 text.
 */
function builderChecksum(file: any): string {
  const { checksum: _dropped, ...meta } = file.meta;
  const ser = (v: any): string =>
    Array.isArray(v)
      ? `[${v.map(ser).join(',')}]`
      : v !== null && typeof v === 'object'
        ? `{${JSON.stringify(Object.keys(v).sort())}${Object.keys(v)
            .sort()
            .map((k) => `${ser(v[k])},`)
            .join('')}}`
        : JSON.stringify(v ?? null);
  return keccak256(toBytes(ser({ ...file, meta: { ...meta, name: null } })));
}

describe('builderBatch (Safe Transaction Builder JSON)', () => {
  const amount = 1_500n * 10n ** 18n;
  const batch = builderBatch({
    chainId: 31337,
    safe: SAFE,
    owner: OWNER,
    name: 'Stake 1,500 ALT',
    description: 'Approve exactly 1,500 ALT to the staking contract, then stake it with Operator “One”.',
    calls: [
      txCall({ address: ALT, abi: altLayerTokenAbi, functionName: 'approve', args: [STAKING, amount] }),
      txCall({ address: STAKING, abi: altStakingAbi, functionName: 'stake', args: [OPERATOR, amount] }),
    ],
    chainTime: 1_800_000_000n,
  });
  // What a file read back from disk is.
  const file = JSON.parse(JSON.stringify(batch));

  it('has the fields the Builder reads, with the types it expects', () => {
    expect(Object.keys(file).sort()).toEqual(['chainId', 'createdAt', 'meta', 'transactions', 'version']);
    expect(file.version).toBe('1.0');
    expect(file.chainId).toBe('31337');
    expect(file.createdAt).toBe(1_800_000_000_000);
    expect(Object.keys(file.meta).sort()).toEqual([
      'checksum',
      'createdFromOwnerAddress',
      'createdFromSafeAddress',
      'description',
      'name',
      'txBuilderVersion',
    ]);
    expect(file.meta).toMatchObject({ createdFromSafeAddress: SAFE, createdFromOwnerAddress: OWNER });
    for (const tx of file.transactions) {
      expect(Object.keys(tx).sort()).toEqual(['contractInputsValues', 'contractMethod', 'data', 'to', 'value']);
      expect(typeof tx.value).toBe('string');
      expect(tx.data).toMatch(/^0x[0-9a-f]+$/);
    }
  });

  it('carries each call in full: target, value and calldata that decode to the call', () => {
    const [approve, stake] = file.transactions;
    expect(approve.to).toBe(ALT);
    expect(approve.value).toBe('0');
    expect(decodeFunctionData({ abi: altLayerTokenAbi, data: approve.data })).toEqual({
      functionName: 'approve',
      args: [STAKING, amount],
    });
    expect(decodeFunctionData({ abi: altStakingAbi, data: stake.data })).toEqual({
      functionName: 'stake',
      args: [OPERATOR, amount],
    });
  });

  it('describes each method and its arguments as text, as the Builder shows them', () => {
    expect(file.transactions[1].contractMethod).toEqual({
      inputs: [
        { internalType: 'address', name: 'operator', type: 'address' },
        { internalType: 'uint256', name: 'amount', type: 'uint256' },
      ],
      name: 'stake',
      payable: false,
    });
    expect(file.transactions[1].contractInputsValues).toEqual({ operator: OPERATOR, amount: amount.toString() });
  });

  it('has the checksum the Builder computes, and a file changed by hand no longer matches it', () => {
    expect(file.meta.checksum).toBe(builderChecksum(file));
    // The name is left out of the checksum: owners may rename a batch.
    expect(builderChecksum({ ...file, meta: { ...file.meta, name: 'Renamed' } })).toBe(file.meta.checksum);
    const edited = structuredClone(file);
    edited.transactions[1].value = '1';
    expect(builderChecksum(edited)).not.toBe(file.meta.checksum);
  });

  it('picks the overload the arguments name, and describes arrays as JSON', () => {
    const queue = builderTransaction(txCall({ address: ALT, abi: altGovernorAbi, functionName: 'queue', args: [42n] }));
    expect(queue.contractMethod?.inputs.map((i) => i.name)).toEqual(['proposalId']);
    const batchCall = builderTransaction({
      address: ALT,
      abi: parseAbi(['function withdraw(uint256[] requestIds)']),
      functionName: 'withdraw',
      args: [[1n, 2n]],
    });
    expect(batchCall.contractInputsValues).toEqual({ requestIds: '["1","2"]' });
  });

  it('refuses an empty batch', () => {
    expect(() =>
      builderBatch({ chainId: 1, safe: SAFE, name: 'x', description: '', calls: [], chainTime: 1n }),
    ).toThrow('nothing to export');
  });
});
