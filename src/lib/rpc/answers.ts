/**
 * What an RPC answered, checked where it enters the app. A node (or a hostile RPC) that answers a
 * method with the wrong shape fails that read with a clear message, instead of flowing on as a value
 * of a type it is not: no answer is cast to what it should be. Block headers and logs, which only
 * the log index reads, are checked in history-answers.ts.
 */
import { isHex, type Hex } from 'viem';

/** What an answer was expected to be. */
export type AnswerShape = 'hex data' | 'a quantity' | 'a block' | 'a list of logs';

/**
 * The answer to `method` is not the shape the JSON-RPC spec gives it. Its message is English, for
 * logs and the scripts that share this module; the app words it in the language shown when it is
 * displayed, from `method` and `expected` (errors/map-error.ts).
 */
export class MalformedAnswerError extends Error {
  /** What viem's wrappers (a contract call's error) show in its place. */
  readonly shortMessage: string;
  constructor(
    readonly method: string,
    readonly expected: AnswerShape,
  ) {
    super(`The RPC's answer to ${method} is not ${expected}.`);
    this.name = 'MalformedAnswerError';
    this.shortMessage = this.message;
  }
}

/** Hex data of whole bytes, strictly checked. */
export const isData = (value: unknown): value is Hex => typeof value === 'string' && isHex(value, { strict: true });
const isLongData = (value: unknown): value is Hex =>
  typeof value === 'string' && value.length > 66 && value.startsWith('0x') && value.length % 2 === 0;

/**
 * Hex data (an eth_call's return data, a quantity). Long data (a directory's 1.6 MB answer) is
 * checked for its prefix and length only: a phone's main thread does not scan every character, and
 * the ABI decoder that reads it next refuses a character that is not hex.
 */
export function hexAnswer(method: string, value: unknown): Hex {
  if (!(isLongData(value) || isData(value))) throw new MalformedAnswerError(method, 'hex data');
  return value;
}

/** A quantity (a block number), as a bigint. */
export function quantityAnswer(method: string, value: unknown): bigint {
  const hex = hexAnswer(method, value);
  if (hex === '0x') throw new MalformedAnswerError(method, 'a quantity');
  return BigInt(hex);
}
