/**
 * Multicall3's `aggregate3` answer, `(bool success, bytes returnData)[]`, sliced from its hex.
 *
 * viem's decoder turns the whole answer into bytes and each `returnData` back into hex, which its
 * callers then turn into bytes again: for a directory of 2,000 operators that is about 1.6 MB of hex
 * converted three times, most of the decode's time and garbage. Slicing reads only the offsets and
 * lengths. It takes only an answer laid out exactly as the ABI encodes one (lowercase hex, every
 * offset in bounds and word-aligned, each flag 0 or 1, as many results as calls); anything else
 * returns undefined, and the caller
 * decodes with viem, whose errors the app already explains.
 */
import type { Hex } from 'viem';

export type Aggregate3Result = { success: boolean; returnData: Hex };

/** Hex characters in a 32-byte word. */
const WORD = 64;
/** A word's leading characters that must be zero for its value to be a plausible offset or length. */
const SMALL = '0'.repeat(WORD - 8);

export function sliceAggregate3(data: Hex, calls: number): Aggregate3Result[] | undefined {
  if (!/^0x(?:[0-9a-f]{2})*$/.test(data)) return undefined;
  const hex = data.slice(2);
  const bytes = hex.length / 2;
  /** The word at byte `at` as a number, if it is in bounds and below 2^32. */
  const size = (at: number): number | undefined => {
    if (!Number.isInteger(at) || at < 0 || at + 32 > bytes) return undefined;
    const word = hex.slice(at * 2, at * 2 + WORD);
    return word.startsWith(SMALL) ? Number.parseInt(word.slice(WORD - 8), 16) : undefined;
  };
  const array = size(0);
  if (array === undefined || array % 32) return undefined;
  if (size(array) !== calls) return undefined;
  const heads = array + 32;
  const out: Aggregate3Result[] = [];
  for (let i = 0; i < calls; i++) {
    const offset = size(heads + 32 * i);
    if (offset === undefined || offset % 32) return undefined;
    const tuple = heads + offset;
    const flag = size(tuple);
    if (flag !== 0 && flag !== 1) return undefined;
    const dataOffset = size(tuple + 32);
    if (dataOffset === undefined || dataOffset % 32) return undefined;
    const start = tuple + dataOffset;
    const length = size(start);
    if (length === undefined || start + 32 + length > bytes) return undefined;
    out.push({
      success: flag === 1,
      returnData: `0x${hex.slice((start + 32) * 2, (start + 32 + length) * 2)}`,
    });
  }
  return out;
}
