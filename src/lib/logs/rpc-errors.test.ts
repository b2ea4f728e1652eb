import { describe, expect, it } from 'vitest';
import { classifyRpcError, retryAfterMs } from './rpc-errors.ts';

const rpc = (code: number, message: string) => Object.assign(new Error(message), { code });
const http = (status: number, retryAfter?: string) =>
  Object.assign(new Error('HTTP request failed.'), {
    status,
    headers: new Headers(retryAfter ? { 'Retry-After': retryAfter } : {}),
  });

describe('classifyRpcError', () => {
  it.each([
    [rpc(-32005, 'query returned more than 10000 results'), 'range'],
    [rpc(-32005, 'limit exceeded'), 'range'],
    [rpc(-32600, 'eth_getLogs is limited to a 10,000 range'), 'range'],
    [rpc(-32602, 'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range'), 'range'],
    [rpc(-32000, 'block range is too wide'), 'range'],
    [rpc(-32000, 'exceed maximum block range: 50000'), 'range'],
    [http(429, '3'), 'rate'],
    [rpc(-32005, 'daily request count exceeded, request rate limited'), 'rate'],
    [rpc(-32016, 'Too many requests, please try again later'), 'rate'],
    [http(503), 'transient'],
    [new Error('The request took too long to respond. timed out'), 'transient'],
    [rpc(-32000, 'header not found'), 'transient'],
    [rpc(3, 'execution reverted'), 'fatal'],
    [new Error('boom'), 'fatal'],
  ] as const)('%s → %s', (error, kind) => {
    expect(classifyRpcError({ shortMessage: 'wrapped', cause: error }).kind).toBe(kind);
  });

  it('reads Retry-After from the HTTP answer', () => {
    expect(classifyRpcError(http(429, '3'))).toEqual({ kind: 'rate', retryAfterMs: 3_000 });
    expect(classifyRpcError(http(429))).toEqual({ kind: 'rate', retryAfterMs: undefined });
  });

  it('takes the range a provider suggests', () => {
    const e = rpc(-32602, 'Log response size exceeded. this block range should work: [0x10, 0x1f]');
    expect(classifyRpcError(e)).toEqual({ kind: 'range', suggested: [16n, 31n] });
  });

  it.each([
    ['query exceeds max block range 10', 10n],
    ['eth_getLogs is limited to a 10,000 range', 10_000n],
    ['exceed maximum block range: 50000', 50_000n],
    ['You can make eth_getLogs requests with up to a 2K block range', 2_000n],
    ['block range is too large', undefined],
    ['query returned more than 10000 results', undefined],
  ])('reads the cap a provider states: %s', (message, cap) => {
    expect((classifyRpcError(rpc(-32005, message)) as { cap?: bigint }).cap).toBe(cap);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['2', 2_000],
    ['0.5', 500],
    [' 10 ', 10_000],
    ['Thu, 01 Jan 1970 00:00:05 GMT', 5_000],
    ['soon', undefined],
    [null, undefined],
  ] as const)('%s → %s', (value, ms) => {
    expect(retryAfterMs(value, 0)).toBe(ms);
  });
});
