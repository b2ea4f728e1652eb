/**
 * The read path's ABI codec: a call's calldata from its ABI, name and arguments, and its answer's
 * values, exactly as viem's `encodeFunctionData` and `decodeFunctionResult` give them. viem's codec,
 * with its cursor and its error classes, is about 6 KiB gzip of the first page; this one is about one.
 *
 * It only ever gives viem's answer, or none:
 * - it encodes only arguments viem accepts (the same checks: a checksum on a mixed-case address,
 *   ranges, sizes, lengths), and its calldata is viem's byte for byte (abi-codec.test.ts compares
 *   them on random types and values);
 * - it decodes only an answer laid out exactly as the canonical encoding of what it read (every
 *   offset where the next tail starts, clean padding, nothing after the end), checked as it reads.
 *   For an answer laid out any other way (trailing bytes, overlapping or stray offsets, dirty
 *   padding, a string that is not UTF-8) there is no canonical value to be sure of, and the caller
 *   asks viem.
 * Anything else (an overloaded name, a type it does not know, an argument viem would refuse) throws
 * CodecDeclined, and eth-call.ts hands the call to viem's codec (loaded then), whose errors the app
 * already explains.
 */
import { checksumAddress, keccak256, stringToBytes, type Abi, type Hex } from 'viem';

/** An ABI parameter as the ABIs write it. */
export interface Param {
  type: string;
  name?: string;
  components?: readonly Param[];
}

interface AbiFunctionItem {
  type: 'function';
  name: string;
  inputs: readonly Param[];
  outputs: readonly Param[];
}

/** This codec will not answer for these inputs; viem's will (or will explain why not). */
export class CodecDeclined extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CodecDeclined';
  }
}

const decline = (reason: string): never => {
  throw new CodecDeclined(reason);
};

/** Functions already looked up, per ABI: every read of a screen asks for its function twice (encode, decode). */
const functions = new WeakMap<object, Map<string, AbiFunctionItem>>();

/** The function `name` of `abi` when exactly one has that name; overloads are left to viem. */
export function functionOf(abi: Abi | readonly unknown[], name: string): AbiFunctionItem {
  let known = functions.get(abi);
  if (!known) functions.set(abi, (known = new Map()));
  let found = known.get(name);
  if (found) return found;
  // viem looks a name up among every item (an event or an error of the same name makes it choose).
  for (const item of abi as readonly { type?: string; name?: string }[]) {
    if (item?.name !== name) continue;
    if (found || item.type !== 'function') decline(`${name} is overloaded`);
    found = item as AbiFunctionItem;
  }
  if (!found) return decline(`no function ${name}`);
  if (!Array.isArray(found.inputs) || !Array.isArray(found.outputs)) decline(`${name} has no inputs or outputs`);
  known.set(name, found);
  return found;
}

const canonical = (p: Param): string =>
  p.type.startsWith('tuple') ? `(${(p.components ?? []).map(canonical).join(',')})${p.type.slice(5)}` : p.type;

const selectors = new WeakMap<AbiFunctionItem, string>();

/** The function's 4-byte selector, as hex without 0x: keccak256 of its canonical signature. */
export function selectorOf(item: AbiFunctionItem): string {
  let selector = selectors.get(item);
  if (selector === undefined) {
    selector = keccak256(stringToBytes(`${item.name}(${item.inputs.map(canonical).join(',')})`)).slice(2, 10);
    selectors.set(item, selector);
  }
  return selector;
}

// ---- types -----------------------------------------------------------------------------------

const ARRAY = /^(.*)\[(\d*)\]$/;
const SIZED = /^(u?int|bytes)(\d+)$/;

/** What a parameter's type says about its layout, worked out once per parameter object. */
interface Layout {
  /** `T[k]` or `T[]`: the element (with the same components) and the length (null when dynamic). */
  array?: [Param, number | null];
  dynamic: boolean;
  /** Bytes a static parameter takes in its head. */
  size: number;
}

const layouts = new WeakMap<Param, Layout>();

function layoutOf(p: Param): Layout {
  let layout = layouts.get(p);
  if (layout) return layout;
  const match = ARRAY.exec(p.type);
  if (match) {
    const element: Param = { ...p, type: match[1] };
    const length = match[2] === '' ? null : Number(match[2]);
    const inner = layoutOf(element);
    layout = {
      array: [element, length],
      dynamic: length === null || inner.dynamic,
      size: (length ?? 0) * inner.size,
    };
  } else if (p.type === 'tuple') {
    const inner = (p.components ?? []).map(layoutOf);
    layout = { dynamic: inner.some((l) => l.dynamic), size: inner.reduce((s, l) => s + l.size, 0) };
  } else layout = { dynamic: p.type === 'string' || p.type === 'bytes', size: 32 };
  layouts.set(p, layout);
  return layout;
}

/** Whether a type holds something of no size (`T[0]`, an empty tuple), which viem reads its own way. */
function holdsEmpty(p: Param): boolean {
  const array = layoutOf(p).array;
  if (array) return array[1] === 0 || holdsEmpty(array[0]);
  if (p.type === 'tuple') return !p.components?.length || p.components.some(holdsEmpty);
  return false;
}

const arrayOf = (p: Param) => layoutOf(p).array;
const isDynamic = (p: Param) => layoutOf(p).dynamic;
const staticSize = (p: Param) => layoutOf(p).size;

/** `uint<bits>`, `int<bits>` or `bytes<size>` with a size the ABI allows, else undefined. */
function sized(type: string): { kind: 'uint' | 'int' | 'bytes'; size: number } | undefined {
  if (type === 'uint' || type === 'int') return { kind: type, size: 256 };
  const match = SIZED.exec(type);
  if (!match) return undefined;
  const kind = match[1] as 'uint' | 'int' | 'bytes';
  const size = Number(match[2]);
  const ok = kind === 'bytes' ? size >= 1 && size <= 32 : size >= 8 && size <= 256 && size % 8 === 0;
  return ok ? { kind, size } : undefined;
}

/** The values an integer type holds, `[min, max]`. */
function rangeOf(s: { kind: 'uint' | 'int' | 'bytes'; size: number }): [bigint, bigint] {
  const bits = BigInt(s.size);
  return s.kind === 'uint' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

// ---- encoding --------------------------------------------------------------------------------

const word = (n: bigint) => n.toString(16).padStart(64, '0');
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const padRight = (hex: string) => hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
const HEX = /^0x[0-9a-fA-F]*$/;

/** `value` as `p`. */
function encodeValue(p: Param, value: unknown): { dynamic: boolean; hex: string } {
  const array = arrayOf(p);
  if (array) {
    const [element, length] = array;
    if (!Array.isArray(value)) return decline('not an array');
    if (length !== null && value.length !== length) return decline('array length');
    const body = encodeParts(
      value.map(() => element),
      value,
    );
    if (length === null) return { dynamic: true, hex: word(BigInt(value.length)) + body.hex };
    // A fixed array of a dynamic type is dynamic even with no elements (`string[0]`), as viem has it.
    return { dynamic: isDynamic(p), hex: body.hex };
  }
  if (p.type === 'tuple') {
    const components = p.components;
    if (!components) return decline('a tuple without components');
    if (typeof value !== 'object' || value === null) return decline('not a tuple');
    const values = Array.isArray(value)
      ? value
      : components.map((c) => (c.name ? (value as Record<string, unknown>)[c.name] : decline('unnamed component')));
    if (values.length !== components.length) return decline('tuple length');
    return { dynamic: isDynamic(p), hex: encodeParts(components, values).hex };
  }
  if (p.type === 'address') {
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) return decline('not an address');
    const lower = value.toLowerCase();
    // A mixed-case address must carry its checksum, as viem's `isAddress` requires.
    if (value !== lower && checksumAddress(value as Hex) !== value) return decline('bad checksum');
    return { dynamic: false, hex: lower.slice(2).padStart(64, '0') };
  }
  if (p.type === 'bool') {
    if (typeof value !== 'boolean') return decline('not a bool');
    return { dynamic: false, hex: word(value ? 1n : 0n) };
  }
  if (p.type === 'string' || p.type === 'bytes') {
    let hex: string;
    if (p.type === 'string') {
      if (typeof value !== 'string') return decline('not a string');
      hex = '';
      for (const byte of new TextEncoder().encode(value)) hex += BYTE_HEX[byte];
    } else {
      if (typeof value !== 'string' || !HEX.test(value) || value.length % 2) return decline('not bytes');
      hex = value.slice(2);
    }
    return { dynamic: true, hex: word(BigInt(hex.length / 2)) + padRight(hex) };
  }
  const s = sized(p.type);
  if (s?.kind === 'bytes') {
    if (typeof value !== 'string' || !HEX.test(value) || value.length !== 2 + s.size * 2) return decline('bytes size');
    return { dynamic: false, hex: padRight(value.slice(2)) };
  }
  if (s) {
    if (typeof value !== 'bigint' && !(typeof value === 'number' && Number.isSafeInteger(value)))
      return decline('not an integer');
    const n = BigInt(value);
    const [min, max] = rangeOf(s);
    if (n < min || n > max) return decline('out of range');
    return { dynamic: false, hex: word(n < 0n ? (1n << 256n) + n : n) };
  }
  return decline(`type ${p.type}`);
}

/**
 * `values` as `params`, head and tail (hex without 0x), and whether any part was dynamic (which
 * makes a tuple or a fixed-length array dynamic, as viem's encoder decides it).
 */
function encodeParts(params: readonly Param[], values: readonly unknown[]): { dynamic: boolean; hex: string } {
  if (values.length !== params.length) decline('argument count');
  const parts = params.map((p, i) => encodeValue(p, values[i]));
  let offset = parts.reduce((s, part) => s + (part.dynamic ? 32 : part.hex.length / 2), 0);
  let head = '';
  let tail = '';
  for (const part of parts) {
    if (!part.dynamic) {
      head += part.hex;
      continue;
    }
    head += word(BigInt(offset));
    tail += part.hex;
    offset += part.hex.length / 2;
  }
  return { dynamic: parts.some((part) => part.dynamic), hex: head + tail };
}

/** The calldata of `item` called with `args`, as viem's `encodeFunctionData` gives it. */
export function encodeCall(item: AbiFunctionItem, args?: readonly unknown[] | null): Hex {
  return `0x${selectorOf(item)}${encodeParts(item.inputs, args ?? []).hex}`;
}

// ---- decoding --------------------------------------------------------------------------------
//
// An answer is taken only if it is laid out exactly as the ABI's canonical encoding lays out the
// values read from it: every head in order, every tail right after the previous one (an offset says
// where the next tail starts, and nothing else), clean padding in every word, and nothing after the
// last tail. That is what encoding the values again would give back, checked as the answer is read.

const ZEROS = '0'.repeat(64);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The answer, as hex without 0x, and its size in bytes. */
interface Reader {
  hex: string;
  size: number;
}

/** The word at byte `at` (in bounds, or declined). */
function wordAt(r: Reader, at: number): string {
  if (at + 32 > r.size) decline('past the answer');
  return r.hex.slice(at * 2, at * 2 + 64);
}

/** An offset or a length: small enough to point inside the answer. */
function sizeAt(r: Reader, at: number): number {
  const word = wordAt(r, at);
  if (!word.startsWith(ZEROS.slice(0, 56))) decline('an offset or length past the answer');
  const n = Number.parseInt(word.slice(56), 16);
  if (n > r.size) decline('an offset or length past the answer');
  return n;
}

/** A static value at byte `at`. */
function decodeStatic(r: Reader, p: Param, at: number): unknown {
  const array = arrayOf(p);
  if (array) {
    const [element, length] = array;
    const step = staticSize(element);
    return Array.from({ length: length! }, (_, i) => decodeStatic(r, element, at + i * step));
  }
  if (p.type === 'tuple') return named(p, decodeParams(r, p.components!, at).values);
  const word = wordAt(r, at);
  if (p.type === 'address') {
    if (!word.startsWith(ZEROS.slice(0, 24))) decline('dirty address padding');
    return checksumAddress(`0x${word.slice(24)}`);
  }
  if (p.type === 'bool') {
    if (!word.startsWith(ZEROS.slice(0, 63)) || (word[63] !== '0' && word[63] !== '1')) decline('not a bool');
    return word[63] === '1';
  }
  const s = sized(p.type);
  if (s?.kind === 'bytes') {
    if (!word.endsWith(ZEROS.slice(s.size * 2))) decline('dirty bytes padding');
    return `0x${word.slice(0, s.size * 2)}`;
  }
  if (s) {
    let n = BigInt(`0x${word}`);
    if (s.kind === 'int' && n >> 255n) n -= 1n << 256n;
    const [min, max] = rangeOf(s);
    if (n < min || n > max) decline('dirty integer padding');
    // viem gives 48 bits and fewer as a number.
    return s.size > 48 ? n : Number(n);
  }
  return decline(`type ${p.type}`);
}

/** A dynamic value whose encoding starts at byte `start`, and where that encoding ends. */
function decodeDynamic(r: Reader, p: Param, start: number): { value: unknown; end: number } {
  const array = arrayOf(p);
  if (array) {
    const [element, fixed] = array;
    const length = fixed ?? sizeAt(r, start);
    const data = fixed === null ? start + 32 : start;
    // Every element takes at least a word of the answer: a length that cannot fit is declined before
    // anything is made for it.
    if (data + length * Math.max(32, staticSize(element)) > r.size) decline('an array past the answer');
    const { values, end } = decodeParams(
      r,
      Array.from({ length }, () => element),
      data,
    );
    return { value: values, end };
  }
  if (p.type === 'tuple') {
    const { values, end } = decodeParams(r, p.components!, start);
    return { value: named(p, values), end };
  }
  // `bytes` or `string`: a length, the bytes, zeros to the end of the last word.
  const length = sizeAt(r, start);
  const end = start + 32 + Math.ceil(length / 32) * 32;
  if (end > r.size) decline('bytes past the answer');
  const hex = r.hex.slice((start + 32) * 2, (start + 32 + length) * 2);
  if (!r.hex.slice((start + 32 + length) * 2, end * 2).startsWith(ZEROS.slice(0, (end - start - 32 - length) * 2)))
    decline('dirty bytes padding');
  if (p.type === 'bytes') return { value: `0x${hex}`, end };
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return { value: utf8.decode(bytes), end };
  } catch {
    // Not UTF-8: viem shows replacement characters, which are not what was sent.
    return decline('a string that is not UTF-8');
  }
}

/** `params` laid out head and tail from byte `base`: their values, and where the last tail ends. */
function decodeParams(r: Reader, params: readonly Param[], base: number): { values: unknown[]; end: number } {
  let at = base;
  let tail = base + params.reduce((size, p) => size + (isDynamic(p) ? 32 : staticSize(p)), 0);
  if (tail > r.size) decline('heads past the answer');
  const values = params.map((p) => {
    if (!isDynamic(p)) {
      const value = decodeStatic(r, p, at);
      at += staticSize(p);
      return value;
    }
    // The canonical place of this tail is right after the previous one.
    if (sizeAt(r, at) !== tail - base) decline('an offset out of place');
    at += 32;
    const { value, end } = decodeDynamic(r, p, tail);
    tail = end;
    return value;
  });
  return { values, end: tail };
}

/** A tuple's values as viem gives them: by name when every component has one. */
function named(p: Param, values: unknown[]): unknown {
  const components = p.components!;
  if (components.some((c) => !c.name)) return values;
  if (components.some((c) => c.name === '__proto__')) decline('a component named __proto__');
  return Object.fromEntries(components.map((c, i) => [c.name, values[i]]));
}

/**
 * The values `item` returned in `data`, as viem's `decodeFunctionResult` gives them (one output: its
 * value; several: an array). Declines any answer that is not the canonical encoding of the values
 * read, and outputs it does not read the way viem does (none, or of no size).
 */
export function decodeResult(item: AbiFunctionItem, data: Hex): unknown {
  if (!/^0x(?:[0-9a-f]{2})*$/.test(data)) decline('not lowercase hex');
  if (item.outputs.length === 0 || item.outputs.some(holdsEmpty)) decline('no outputs, or one of no size');
  // No answer (a call to an address without code) or less than a word: viem says which.
  if (data.length < 66) decline('shorter than a word');
  const r = { hex: data.slice(2), size: (data.length - 2) / 2 };
  const { values, end } = decodeParams(r, item.outputs, 0);
  if (end !== r.size) decline('bytes after the last value');
  return values.length === 1 ? values[0] : values;
}
