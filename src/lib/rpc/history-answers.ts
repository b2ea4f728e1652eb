/**
 * Block headers and logs as an RPC answered them, checked where they enter the log index (answers.ts
 * has the rest, and says why): its own module, so it loads with the pages that read history.
 */
import type { Hex } from 'viem';
import { isData, MalformedAnswerError } from './answers.ts';

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
