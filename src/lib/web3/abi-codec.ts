/**
 * The read path's ABI codec: a call's calldata from its ABI, name and arguments, and its answer's
 * values, exactly as viem's `encodeFunctionData` and `decodeFunctionResult` give them. viem's codec,
 * with its cursor and its error classes, is about 6 KiB gzip of the first page; this one is about one.
 *
 * It only ever gives viem's answer, or none:
 * - it encodes only arguments viem accepts (the same checks: a checksum on a mixed-case address,
 *   ranges, sizes, lengths), and its calldata is viem's byte for byte (abi-codec.test.ts compares
 *   them on random types and values);
 * - it decodes only an answer that is the canonical encoding of what it decoded: the values are
 *   encoded again and must give back the answer exactly. For an answer laid out any other way
 *   (trailing bytes, overlapping or stray offsets, dirty padding) there is no canonical value to
 *   be sure of, and the caller asks viem.
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

/** The function `name` of `abi` when exactly one has that name; overloads are left to viem. */
export function functionOf(abi: Abi | readonly unknown[], name: string): AbiFunctionItem {
  let found: AbiFunctionItem | undefined;
  // viem looks a name up among every item (an event or an error of the same name makes it choose).
  for (const item of abi as readonly { type?: string; name?: string }[]) {
    if (item?.name !== name) continue;
    if (found || item.type !== 'function') decline(`${name} is overloaded`);
    found = item as AbiFunctionItem;
  }
  if (!found) return decline(`no function ${name}`);
  if (!Array.isArray(found.inputs) || !Array.isArray(found.outputs)) decline(`${name} has no inputs or outputs`);
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

// ---- encoding --------------------------------------------------------------------------------

const word = (n: bigint) => n.toString(16).padStart(64, '0');
const padRight = (hex: string) => hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
const HEX = /^0x[0-9a-fA-F]*$/;

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
      hex = Array.from(new TextEncoder().encode(value), (b) => b.toString(16).padStart(2, '0')).join('');
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
    const bits = BigInt(s.size);
    const [min, max] = s.kind === 'uint' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
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

const encodeParams = (params: readonly Param[], values: readonly unknown[]) => encodeParts(params, values).hex;

/** The calldata of `item` called with `args`, as viem's `encodeFunctionData` gives it. */
export function encodeCall(item: AbiFunctionItem, args?: readonly unknown[] | null): Hex {
  return `0x${selectorOf(item)}${encodeParams(item.inputs, args ?? [])}`;
}

// ---- decoding --------------------------------------------------------------------------------

interface Reader {
  hex: string;
  /**
   * Words, and bytes of `bytes` and `string` values, read so far: a canonical answer holds each once,
   * so more than the answer's size means offsets that point at the same place again (an answer built
   * to make a decoder repeat itself), declined before it costs more than reading the answer once.
   */
  words: number;
  copied: number;
}

/** The word at byte `at` (in bounds, or declined). */
function wordAt(r: Reader, at: number): string {
  if (!Number.isSafeInteger(at) || at < 0 || (at + 32) * 2 > r.hex.length) decline('out of bounds');
  if (++r.words * 64 > r.hex.length) decline('a word read twice');
  return r.hex.slice(at * 2, at * 2 + 64);
}

/** An offset or a length: small enough to point inside the answer. */
function sizeAt(r: Reader, at: number): number {
  const n = BigInt(`0x${wordAt(r, at)}`);
  if (n > BigInt(r.hex.length / 2)) decline('offset or length past the answer');
  return Number(n);
}

/** The value of `p` whose head is at byte `at`, in a container whose data starts at `base`. */
function decodeValue(r: Reader, p: Param, at: number, base: number): unknown {
  // A dynamic value's head is its offset from the start of its container's data.
  const start = isDynamic(p) ? base + sizeAt(r, at) : at;
  const array = arrayOf(p);
  if (array) {
    const [element, fixed] = array;
    const length = fixed ?? sizeAt(r, start);
    const data = fixed === null ? start + 32 : start;
    const step = isDynamic(element) ? 32 : staticSize(element);
    if (step === 0 || data + length * step > r.hex.length / 2) decline('array past the answer');
    return Array.from({ length }, (_, i) => decodeValue(r, element, data + i * step, data));
  }
  if (p.type === 'tuple') {
    const components = p.components ?? decline('a tuple without components');
    const values = decodeParams(r, components, start);
    // viem names a tuple's values when every component has a name.
    if (components.length === 0 || components.some((c) => !c.name)) return values;
    if (components.some((c) => c.name === '__proto__')) decline('a component named __proto__');
    return Object.fromEntries(components.map((c, i) => [c.name, values[i]]));
  }
  if (p.type === 'address') return checksumAddress(`0x${wordAt(r, start).slice(24)}`);
  if (p.type === 'bool') return wordAt(r, start).endsWith('1');
  if (p.type === 'string' || p.type === 'bytes') {
    const length = sizeAt(r, start);
    r.copied += length;
    if (r.copied > r.hex.length / 2 || (start + 32 + length) * 2 > r.hex.length) decline('bytes past the answer');
    const hex = r.hex.slice((start + 32) * 2, (start + 32 + length) * 2);
    if (p.type === 'bytes') return `0x${hex}`;
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return new TextDecoder().decode(bytes);
  }
  const s = sized(p.type);
  if (s?.kind === 'bytes') return `0x${wordAt(r, start).slice(0, s.size * 2)}`;
  if (s) {
    let n = BigInt(`0x${wordAt(r, start)}`);
    if (s.kind === 'int' && n >> 255n) n -= 1n << 256n;
    // viem gives 48 bits and fewer as a number.
    return s.size > 48 ? n : Number(n);
  }
  return decline(`type ${p.type}`);
}

/** `params` laid out head and tail from byte `base`. */
function decodeParams(r: Reader, params: readonly Param[], base: number): unknown[] {
  let at = base;
  return params.map((p) => {
    const value = decodeValue(r, p, at, base);
    at += isDynamic(p) ? 32 : staticSize(p);
    return value;
  });
}

/**
 * The values `item` returned in `data`, as viem's `decodeFunctionResult` gives them (one output: its
 * value; several: an array; none: undefined). Declines any answer that is not the canonical encoding
 * of the values read.
 */
export function decodeResult(item: AbiFunctionItem, data: Hex): unknown {
  if (!/^0x(?:[0-9a-f]{2})*$/.test(data)) decline('not lowercase hex');
  if (item.outputs.length === 0 || item.outputs.some(holdsEmpty)) decline('no outputs, or one of no size');
  // No answer (a call to an address without code) or less than a word: viem says which.
  if (data.length < 66) decline('shorter than a word');
  const values = decodeParams({ hex: data.slice(2), words: 0, copied: 0 }, item.outputs, 0);
  if (encodeParams(item.outputs, values) !== data.slice(2)) decline('not canonical');
  return values.length === 1 ? values[0] : values;
}
