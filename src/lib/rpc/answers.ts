/**
 * What an RPC answered, checked where it enters the app. A node (or a hostile RPC) that answers a
 * method with the wrong shape fails that read with a clear message, instead of flowing on as a value
 * of a type it is not: no answer is cast to what it should be.
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

const isData = (value: unknown): value is Hex => typeof value === 'string' && isHex(value, { strict: true });
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

/** The fields of a block header the app reads. */
export interface RpcHeader {
  number: Hex;
  hash: Hex;
  logsBloom?: Hex;
  /** When the answer carries it. */
  timestamp?: Hex;
}

/** A block header, or null for a block the node does not have. */
export function headerAnswer(method: string, value: unknown): RpcHeader | null {
  if (value === null) return null;
  if (typeof value !== 'object' || !('number' in value) || !('hash' in value))
    throw new MalformedAnswerError(method, 'a block');
  const { number, hash } = value;
  const bloom = 'logsBloom' in value ? value.logsBloom : undefined;
  const timestamp = 'timestamp' in value ? value.timestamp : undefined;
  const optional = (v: unknown) => v === undefined || v === null || isData(v);
  if (!isData(number) || !isData(hash) || !optional(bloom) || !optional(timestamp))
    throw new MalformedAnswerError(method, 'a block');
  return {
    number,
    hash,
    ...(isData(bloom) ? { logsBloom: bloom } : {}),
    ...(isData(timestamp) ? { timestamp } : {}),
  };
}

/** A log as eth_getLogs answers it. */
export interface RpcLog {
  address: Hex;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  transactionHash: Hex;
  logIndex: Hex;
  removed?: boolean;
}

/** A list of logs; each with every field the app reads, in its type. */
export function logsAnswer(method: string, value: unknown): RpcLog[] {
  if (!Array.isArray(value)) throw new MalformedAnswerError(method, 'a list of logs');
  return value.map((entry: unknown): RpcLog => {
    if (typeof entry !== 'object' || entry === null) throw new MalformedAnswerError(method, 'a list of logs');
    const field = new Map(Object.entries(entry));
    const address = field.get('address');
    const data = field.get('data');
    const blockNumber = field.get('blockNumber');
    const blockHash = field.get('blockHash');
    const transactionHash = field.get('transactionHash');
    const logIndex = field.get('logIndex');
    const topics = field.get('topics');
    const removed = field.get('removed');
    if (
      !isData(address) ||
      !isData(data) ||
      !isData(blockNumber) ||
      !isData(blockHash) ||
      !isData(transactionHash) ||
      !isData(logIndex) ||
      !Array.isArray(topics) ||
      !topics.every(isData) ||
      (removed !== undefined && typeof removed !== 'boolean')
    )
      throw new MalformedAnswerError(method, 'a list of logs');
    const log: RpcLog = { address, topics, data, blockNumber, blockHash, transactionHash, logIndex };
    if (removed !== undefined) log.removed = removed;
    return log;
  });
}
