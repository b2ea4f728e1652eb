import { describe, expect, it } from 'vitest';
import { hexAnswer, MalformedAnswerError, quantityAnswer } from './answers.ts';
import { headerAnswer, logsAnswer } from './history-answers.ts';

const HASH = `0x${'ab'.repeat(32)}` as const;
const log = {
  address: `0x${'11'.repeat(20)}`,
  topics: [HASH],
  data: '0x',
  blockNumber: '0x10',
  blockHash: HASH,
  transactionHash: HASH,
  logIndex: '0x0',
  transactionIndex: '0x0',
};

describe('answers checked where they enter', () => {
  it('takes hex data and quantities as they are', () => {
    expect(hexAnswer('eth_call', '0x1234')).toBe('0x1234');
    expect(quantityAnswer('eth_blockNumber', '0x1b4')).toBe(436n);
    const long = `0x${'ab'.repeat(1_000)}`;
    expect(hexAnswer('eth_call', long)).toBe(long);
    // Long data is checked for its shape (the decoder reads every character next): without 0x it is not data.
    expect(() => hexAnswer('eth_call', long.slice(2))).toThrow('not hex data');
  });

  it.each([null, 42, 'latest', '0xzz', { result: '0x' }])('refuses %j for hex data, saying which method', (value) => {
    expect(() => hexAnswer('eth_call', value)).toThrow(MalformedAnswerError);
    expect(() => hexAnswer('eth_call', value)).toThrow("The RPC's answer to eth_call is not hex data.");
  });

  it('refuses an empty quantity', () => {
    expect(() => quantityAnswer('eth_blockNumber', '0x')).toThrow('not a quantity');
  });

  it('takes a header (or null for a block the node lacks) and keeps only what the app reads', () => {
    expect(headerAnswer('eth_getBlockByNumber', null)).toBeNull();
    expect(headerAnswer('eth_getBlockByNumber', { number: '0x10', hash: HASH, logsBloom: '0x00', miner: 'x' })).toEqual(
      { number: '0x10', hash: HASH, logsBloom: '0x00' },
    );
    expect(headerAnswer('eth_getBlockByNumber', { number: '0x10', hash: HASH })).toEqual({
      number: '0x10',
      hash: HASH,
    });
    expect(headerAnswer('eth_getBlockByNumber', { number: '0x10', hash: HASH, timestamp: '0x6553f100' })).toEqual({
      number: '0x10',
      hash: HASH,
      timestamp: '0x6553f100',
    });
  });

  it.each([
    {},
    { number: '0x10' },
    { number: 16, hash: HASH },
    { number: '0x10', hash: HASH, logsBloom: 7 },
    { number: '0x10', hash: HASH, timestamp: 1_700_000_000 },
    'block',
  ])('refuses %j as a header', (value) => {
    expect(() => headerAnswer('eth_getBlockByNumber', value)).toThrow('not a block');
  });

  it('takes logs with every field the app reads, and drops the rest', () => {
    const [read] = logsAnswer('eth_getLogs', [log]);
    expect(read).toEqual({
      address: log.address,
      topics: [HASH],
      data: '0x',
      blockNumber: '0x10',
      blockHash: HASH,
      transactionHash: HASH,
      logIndex: '0x0',
    });
    expect(logsAnswer('eth_getLogs', [{ ...log, removed: true }])[0].removed).toBe(true);
    expect(logsAnswer('eth_getLogs', [])).toEqual([]);
  });

  it.each([
    ['not a list', { logs: [] }],
    ['a log without its block hash', [{ ...log, blockHash: undefined }]],
    ['a topic that is not hex', [{ ...log, topics: ['Transfer'] }]],
    ['topics that are not a list', [{ ...log, topics: HASH }]],
    ['removed that is not a flag', [{ ...log, removed: 'no' }]],
    ['a log that is not an object', [null]],
  ])('refuses %s', (_, value) => {
    expect(() => logsAnswer('eth_getLogs', value)).toThrow("The RPC's answer to eth_getLogs is not a list of logs.");
  });
});
