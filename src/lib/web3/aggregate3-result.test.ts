/** The aggregate3 slicer against viem's decoder: the same results, or it declines and viem decides. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, decodeFunctionResult, encodeFunctionResult, type Hex } from 'viem';
import { multicall3Abi } from '../contracts/generated.ts';
import { sliceAggregate3 } from './aggregate3-result.ts';

const results = fc.array(
  fc.record({ success: fc.boolean(), returnData: fc.uint8Array({ maxLength: 300 }).map((b) => bytesToHex(b)) }),
  { maxLength: 12 },
);
const encode = (r: { success: boolean; returnData: Hex }[]) =>
  encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: r });
const viem = (data: Hex) => {
  try {
    return decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });
  } catch {
    return 'refused';
  }
};

describe('sliceAggregate3', () => {
  it('reads every well-formed answer exactly as viem decodes it', () => {
    fc.assert(
      fc.property(results, (r) => {
        const data = encode(r);
        expect(sliceAggregate3(data, r.length)).toEqual(viem(data));
        expect(sliceAggregate3(data, r.length)).toEqual(r);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never reads a damaged answer differently from viem: it gives the same results or declines', () => {
    fc.assert(
      fc.property(
        results.filter((r) => r.length > 0),
        fc.nat(),
        fc.constantFrom('0', '1', '2', 'f', 'A'),
        fc.boolean(),
        (r, at, char, truncate) => {
          const data = encode(r);
          const i = 2 + (at % (data.length - 2));
          const damaged = (truncate ? data.slice(0, i) : data.slice(0, i) + char + data.slice(i + 1)) as Hex;
          const sliced = sliceAggregate3(damaged, r.length);
          if (sliced !== undefined) expect(sliced).toEqual(viem(damaged));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('declines an answer with another number of results than calls, an empty one, or a bad flag', () => {
    const data = encode([{ success: true, returnData: '0xabcd' }]);
    expect(sliceAggregate3(data, 1)).toEqual([{ success: true, returnData: '0xabcd' }]);
    expect(sliceAggregate3(data, 2)).toBeUndefined();
    expect(sliceAggregate3('0x', 0)).toBeUndefined();
    // The flag word of the only result (after the array offset, its length and the tuple's offset).
    const flag = 2 + 64 * 3;
    expect(sliceAggregate3(`${data.slice(0, flag + 63)}2${data.slice(flag + 64)}` as Hex, 1)).toBeUndefined();
    expect(sliceAggregate3(data.toUpperCase().replace('0X', '0x') as Hex, 1)).toBeUndefined();
  });
});
