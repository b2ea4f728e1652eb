/**
 * The read path's codec against viem's: on random types and values it encodes byte for byte as viem
 * does and decodes viem's encodings to viem's values; on damaged answers and refused arguments it
 * either gives viem's value or declines, never a value viem would not give, and never throws anything
 * but CodecDeclined.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bytesToHex,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  toFunctionSelector,
  type Abi,
  type AbiFunction,
  type Hex,
} from 'viem';
import * as generated from '../contracts/generated.ts';
import { CodecDeclined, decodeResult, encodeCall, functionOf, selectorOf, type Param } from './abi-codec.ts';

const LEAVES = [
  'uint',
  'int',
  'uint8',
  'uint32',
  'uint48',
  'uint64',
  'uint256',
  'int8',
  'int24',
  'int256',
  'address',
  'bool',
  'bytes1',
  'bytes4',
  'bytes32',
  'bytes',
  'string',
];

const named = (params: Param[], unnamed: boolean[]) => params.map((p, i) => (unnamed[i] ? p : { ...p, name: `c${i}` }));

/** Random parameter types, nested up to three levels: tuples (named or not), fixed and dynamic arrays. */
const param: fc.Arbitrary<Param> = fc.letrec<{ param: Param }>((tie) => ({
  param: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES).map((type) => ({ type })),
    fc
      .tuple(
        fc.array(tie('param'), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      )
      .map(([components, unnamed]) => ({ type: 'tuple', components: named(components, unnamed) })),
    // An empty tuple, as an ABI may write one.
    fc.constant({ type: 'tuple', components: [] }),
    fc
      .tuple(tie('param'), fc.constantFrom('[]', '[0]', '[1]', '[2]', '[3]'))
      .map(([element, suffix]) => ({ ...element, type: `${element.type}${suffix}` })),
  ),
})).param;

const arrayOf = (type: string) => /^(.*)\[(\d*)\]$/.exec(type);

/** A random value of `p` that viem encodes. */
function valueOf(p: Param): fc.Arbitrary<unknown> {
  const array = arrayOf(p.type);
  if (array) {
    const element = valueOf({ ...p, type: array[1] });
    return array[2] === ''
      ? fc.array(element, { maxLength: 3 })
      : fc.array(element, { minLength: Number(array[2]), maxLength: Number(array[2]) });
  }
  if (p.type === 'tuple') {
    const components = p.components!;
    const values = fc.tuple(...components.map(valueOf));
    return components.every((c) => c.name)
      ? values.map((v) => Object.fromEntries(components.map((c, i) => [c.name, v[i]])))
      : values;
  }
  if (p.type === 'address')
    return fc
      .tuple(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.boolean())
      .map(([b, checksummed]) => (checksummed ? getAddress(bytesToHex(b)) : bytesToHex(b)));
  if (p.type === 'bool') return fc.boolean();
  if (p.type === 'string') return fc.string({ unit: 'binary', maxLength: 70 });
  // Bytes in either case: viem keeps the caller's.
  const cased = (hex: string, upper: boolean) => (upper ? `0x${hex.slice(2).toUpperCase()}` : hex);
  if (p.type === 'bytes')
    return fc.tuple(fc.uint8Array({ maxLength: 70 }), fc.boolean()).map(([b, upper]) => cased(bytesToHex(b), upper));
  if (p.type.startsWith('bytes')) {
    const size = Number(p.type.slice(5));
    return fc
      .tuple(fc.uint8Array({ minLength: size, maxLength: size }), fc.boolean())
      .map(([b, upper]) => cased(bytesToHex(b), upper));
  }
  const signed = p.type.startsWith('int');
  const bits = BigInt(p.type.replace(/^u?int/, '') || '256');
  const big = signed ? fc.bigInt(-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n) : fc.bigInt(0n, (1n << bits) - 1n);
  // viem takes numbers or bigints, and gives 48 bits and fewer back as numbers.
  return bits <= 48n ? fc.oneof(big, big.map(Number)) : big;
}

const typesAndValues = fc
  .array(param, { minLength: 1, maxLength: 3 })
  .chain((params) => fc.tuple(fc.constant(params), fc.tuple(...params.map(valueOf))));

const fn = (inputs: readonly Param[], outputs: readonly Param[]) =>
  ({ type: 'function', name: 'f', stateMutability: 'view', inputs, outputs }) as const;

/** viem's decoded value, or undefined if it refuses. */
function viemDecode(outputs: readonly Param[], data: Hex): { value: unknown } | undefined {
  try {
    return { value: decodeFunctionResult({ abi: [fn([], outputs)] as Abi, functionName: 'f', data }) };
  } catch {
    return undefined;
  }
}

/** Ours, or undefined if it declines (anything else it throws fails the test). */
function oursDecode(outputs: readonly Param[], data: Hex): { value: unknown } | undefined {
  try {
    return { value: decodeResult(fn([], outputs) as never, data) };
  } catch (error) {
    expect(error).toBeInstanceOf(CodecDeclined);
    return undefined;
  }
}

const holdsEmpty = (p: Param): boolean =>
  /\[0\]/.test(p.type) || (p.type.startsWith('tuple') && (!p.components?.length || p.components.some(holdsEmpty)));

/** Numbers decoded back as viem gives them (48 bits and fewer as numbers). */
const asDecoded = (outputs: readonly Param[], data: Hex) => viemDecode(outputs, data)!.value;

describe('the read path codec', () => {
  it('encodes calldata byte for byte as viem does', () => {
    fc.assert(
      fc.property(typesAndValues, ([params, values]) => {
        const item = fn(params, []);
        const viem = encodeFunctionData({ abi: [item] as Abi, functionName: 'f', args: values });
        expect(encodeCall(item as never, values)).toBe(viem);
      }),
      { numRuns: 400 },
    );
  });

  it("decodes viem's encodings to viem's values", () => {
    fc.assert(
      fc.property(typesAndValues, ([params, values]) => {
        // An RPC answers in lowercase hex (the values' bytes may have been written in either case).
        const data = encodeAbiParameters(params, values).toLowerCase() as Hex;
        // Types of no size (`T[0]`, an empty tuple) it leaves to viem, which may refuse its own encoding of them.
        if (params.some(holdsEmpty)) {
          const ours = oursDecode(params, data);
          if (ours) expect(ours).toEqual(viemDecode(params, data));
        } else expect(oursDecode(params, data)).toEqual({ value: asDecoded(params, data) });
      }),
      { numRuns: 400 },
    );
  });

  it('gives viem’s value or declines for damaged answers', () => {
    const damage = fc.oneof(
      // A byte changed anywhere (an offset, a length, padding, a flag).
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      // Cut short, or with bytes after the end.
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      // An offset or length word set to a small number.
      fc.record({ kind: fc.constant('word' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 400 }) }),
    );
    fc.assert(
      fc.property(typesAndValues, damage, ([params, values], d) => {
        const hex = encodeAbiParameters(params, values).slice(2).toLowerCase();
        const bytes = hex.length / 2;
        let damaged: string;
        if (d.kind === 'flip') {
          const at = d.at % Math.max(1, bytes);
          damaged = hex.slice(0, at * 2) + d.byte.toString(16).padStart(2, '0') + hex.slice(at * 2 + 2);
        } else if (d.kind === 'cut') damaged = hex.slice(0, (d.at % Math.max(1, bytes)) * 2);
        else if (d.kind === 'append') damaged = hex + bytesToHex(d.bytes).slice(2);
        else {
          const at = (d.at % Math.max(1, Math.floor(bytes / 32))) * 64;
          damaged = hex.slice(0, at) + d.value.toString(16).padStart(64, '0') + hex.slice(at + 64);
        }
        const data = `0x${damaged}` as Hex;
        const ours = oursDecode(params, data);
        if (ours) expect(ours).toEqual(viemDecode(params, data));
      }),
      { numRuns: 1500 },
    );
  });

  it('declines arguments viem refuses', () => {
    const address = fn([{ type: 'address' }], []);
    const refused: [ReturnType<typeof fn>, unknown[]][] = [
      [address, [getAddress('0x8457ca5040ad67fdebbcc8edce889a335bc0fbfb').replace('C', 'c')]],
      [address, ['0x8457CA5040AD67FDEBBCC8EDCE889A335BC0FBFB']],
      [address, ['0x8457ca5040ad67fdebbcc8edce889a335bc0fb']],
      [address, [42]],
      [fn([{ type: 'uint8' }], []), [256n]],
      [fn([{ type: 'uint256' }], []), [-1n]],
      [fn([{ type: 'int8' }], []), [-129]],
      [fn([{ type: 'uint256' }], []), [1.5]],
      [fn([{ type: 'bool' }], []), [1]],
      [fn([{ type: 'bytes4' }], []), ['0x1234']],
      [fn([{ type: 'uint256[2]' }], []), [[1n]]],
      [fn([{ type: 'tuple', components: [{ name: 'a', type: 'uint256' }] }], []), [{}]],
      [fn([{ type: 'uint256' }], []), []],
      [fn([{ type: 'fixed128x18' }], []), [1n]],
    ];
    for (const [item, args] of refused) {
      expect(
        () => encodeFunctionData({ abi: [item] as Abi, functionName: 'f', args } as never),
        String(args),
      ).toThrow();
      expect(() => encodeCall(item as never, args), String(args)).toThrow(CodecDeclined);
    }
    // A checksummed or lowercase address is taken, as viem takes it.
    const ok = getAddress('0x8457ca5040ad67fdebbcc8edce889a335bc0fbfb');
    for (const a of [ok, ok.toLowerCase()])
      expect(encodeCall(address as never, [a])).toBe(
        encodeFunctionData({ abi: [address], functionName: 'f', args: [a] }),
      );
  });

  it('gives viem’s value or declines for answers of every length, and for types of no size', () => {
    const outputs = fc.oneof(
      param.map((p) => [p]),
      fc.constantFrom([{ type: 'uint256[0]' }], [{ type: 'string[0]' }], [{ type: 'tuple', components: [] }]),
    );
    fc.assert(
      fc.property(outputs, fc.uint8Array({ maxLength: 200 }), (params, bytes) => {
        const data = bytesToHex(bytes);
        const ours = oursDecode(params, data);
        if (ours) expect(ours).toEqual(viemDecode(params, data));
      }),
      { numRuns: 1500 },
    );
  });

  it('declines an answer whose offsets point at the same place again, before decoding it twice', () => {
    // `uint256[][]`: 2,000 outer offsets, every one at the same inner array of 2,000 words. Decoded as
    // written it is four million numbers from 128 KiB; read once, it is not a canonical answer.
    const n = 2_000;
    const word = (v: number) => v.toString(16).padStart(64, '0');
    const inner = 32 + 32 + n * 32;
    const data = `0x${word(32)}${word(n)}${word(n * 32).repeat(n)}${word(n)}${word(7).repeat(n)}` as Hex;
    expect(data.length).toBeGreaterThan(inner);
    expect(() => decodeResult(fn([], [{ type: 'uint256[][]' }]) as never, data)).toThrow(CodecDeclined);
  });

  it('declines what it is not sure of: an empty or short answer, uppercase hex, an overloaded name', () => {
    const uint = fn([], [{ type: 'uint256' }]);
    expect(() => decodeResult(uint as never, '0x')).toThrow(CodecDeclined);
    expect(() => decodeResult(uint as never, '0x0001')).toThrow(CodecDeclined);
    expect(() => decodeResult(uint as never, `0x${'A'.padStart(64, '0')}`)).toThrow(CodecDeclined);
    expect(decodeResult(uint as never, `0x${'a'.padStart(64, '0')}`)).toBe(10n);
    const overloaded = [
      { ...fn([{ type: 'uint256' }], []), name: 'g' },
      { ...fn([{ type: 'address' }], []), name: 'g' },
    ];
    expect(() => functionOf(overloaded, 'g')).toThrow(CodecDeclined);
    // An event of the same name makes viem choose between them.
    expect(() => functionOf([overloaded[0], { type: 'event', name: 'g', inputs: [] }], 'g')).toThrow(CodecDeclined);
    expect(() => functionOf([{ type: 'function', name: 'k' }], 'k')).toThrow(CodecDeclined);
    expect(() => functionOf(overloaded, 'h')).toThrow(CodecDeclined);
  });

  it("matches viem's selector for every function of the project's ABIs", () => {
    let checked = 0;
    for (const abi of Object.values(generated) as readonly Abi[]) {
      if (!Array.isArray(abi)) continue;
      const functions = abi.filter((item): item is AbiFunction => item.type === 'function');
      for (const item of functions) {
        expect(selectorOf(item as never), item.name).toBe(toFunctionSelector(item).slice(2));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
