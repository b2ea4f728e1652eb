import { describe, expect, it } from 'vitest';
import { getContractError, parseAbi, RpcRequestError, TimeoutError, UnknownRpcError } from 'viem';
import { classifyRpcError, isBatchRefusal, lacksBlock, noAnswer, retryAfterMs, statedBatchCap } from './rpc-errors.ts';

const rpc = (code: number, message: string, data?: unknown) => Object.assign(new Error(message), { code, data });
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
    // anvil without the block's state (a node loaded from a state dump, or pruned): crates/anvil/src/eth/error.rs.
    [rpc(-32602, 'BlockOutOfRangeError: block height is 19022050 but requested was 19022049'), 'transient'],
    [rpc(-32000, 'insufficient funds for gas * price + value'), 'fatal'],
    [rpc(-32000, 'nonce too low'), 'fatal'],
    [rpc(3, 'execution reverted'), 'fatal'],
    [new Error('boom'), 'fatal'],
  ] as const)('%s → %s', (error, kind) => {
    expect(classifyRpcError({ shortMessage: 'wrapped', cause: error }).kind).toBe(kind);
  });

  // Real providers' wordings, each where it was seen. A wording shared by two meanings is listed under each.
  it.each([
    // Infura: docs.metamask.io/services/reference/ethereum/json-rpc-methods/eth_getlogs (constraints).
    [rpc(-32005, 'query timeout exceeded'), 'range'],
    // Infura today: github.com/INFURA/infura/issues/237 (the code moved from -32005 to -32602).
    [rpc(-32602, 'range 1000000 exceeds limit of 10000'), 'range'],
    // Alchemy: github.com/BobTheBuidler/dank_mids/issues/772.
    [
      rpc(
        -32600,
        'You can make eth_getLogs requests with up to a 500 block range. Based on your parameters, this block range should work: [0x123c9b2, 0x123cba5]',
      ),
      'range',
    ],
    // Alchemy, older: github.com/bancorprotocol/webapp/issues/523.
    [rpc(-32000, 'Log response size exceeded. Please reduce query block range.'), 'range'],
    // QuickNode, HTTP 413: quicknode.com/docs/ethereum/error-references.
    [rpc(-32000, 'eth_getLogs and eth_newFilter are limited to a 10,000 blocks range'), 'range'],
    // BNB Smart Chain's node: github.com/bnb-chain/bsc eth/filters/filter.go.
    [rpc(-32000, 'exceed maximum block range: 5000'), 'range'],
    // reth: github.com/paradigmxyz/reth crates/rpc/rpc/src/eth/filter.rs.
    [rpc(-32602, 'query exceeds max block range 100000'), 'range'],
    [rpc(-32602, 'query exceeds max results 20000, retry with the range 100-199'), 'range'],
    // Erigon: github.com/erigontech/erigon pull requests 19721 and 20424.
    [rpc(-32602, 'query block range exceeds server limit, narrow your filter: 1000'), 'range'],
    [rpc(-32000, 'query returns too many logs, narrow your filter: 10000'), 'range'],
    // Besu: RpcErrorType.java, EXCEEDS_RPC_MAX_BLOCK_RANGE.
    [rpc(-32005, 'Requested range exceeds maximum RPC range limit'), 'range'],
    // Tenderly, in the error's data: github.com/bobanetwork/boba_legacy/issues/827.
    [rpc(-32602, 'invalid params', { payload: 'range 9009594 is bigger than range limit 2000' }), 'range'],
    // 1RPC: docs.1rpc.io/using-the-web3-api/errors.
    [rpc(-32000, 'response size should not greater than 2097152 bytes'), 'range'],
    // DRPC's free tier (captured from eth.drpc.org).
    [rpc(35, 'ranges over 10000 blocks are not supported on freetier'), 'range'],
    // Moonbeam: github.com/moonbeam-foundation/moonbeam pull request 3250.
    [rpc(-32000, 'block range is too wide (maximum 1024)'), 'range'],
    // Rate limits. Infura: github.com/gochain/web3/issues/180 (HTTP 429 and this body).
    [rpc(-32005, 'daily request count exceeded, request rate limited'), 'rate'],
    // Alchemy: alchemy.com/docs/reference/throughput.
    [
      rpc(
        429,
        'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message.',
      ),
      'rate',
    ],
    // TheRPC, in an HTTP 200: therpc.io docs (rate limits).
    [rpc(-32029, 'Rate limit exceeded'), 'rate'],
    // QuickNode: quoted in foundry-rs/foundry's retry code (foundry issue 4894) and pull request 6712.
    [
      rpc(
        -32007,
        '100/second request limit reached - reduce calls per second or upgrade your account at quicknode.com',
      ),
      'rate',
    ],
    [rpc(-32012, 'credits limited to 6000/sec'), 'rate'],
    // Tenderly: github.com/fluencelabs/dev-rewards/issues/20. Base: github.com/base/node/issues/368.
    [rpc(-32005, 'rate limit exceeded'), 'rate'],
    [rpc(-32016, 'over rate limit'), 'rate'],
    // 1RPC's daily quota: docs.1rpc.io/using-the-web3-api/errors.
    [rpc(-32001, "You've reached the usage limit for your current plan."), 'rate'],
    // Calls too big. geth: github.com/ethereum/go-ethereum/issues/21717; internal/ethapi gas estimator.
    [rpc(-32000, 'execution aborted (timeout = 5s)'), 'size'],
    [rpc(-32000, 'gas required exceeds allowance (50000000)'), 'size'],
    [rpc(-32000, 'err: gas limit reached (supplied gas 9223372036854775807)'), 'size'],
    // reth: RpcInvalidTransactionError::BasicOutOfGas. Alchemy (captured test fixture).
    [rpc(-32003, 'Out of gas: gas required exceeds allowance: 30000000'), 'size'],
    [rpc(-32000, 'out of gas: gas required exceeds: 550000000'), 'size'],
    // geth's batch answer past --rpc.batchresponsemaxsize: go-ethereum rpc/errors.go.
    [rpc(-32003, 'response too large'), 'size'],
  ] as const)('real wording %s → %s', (error, kind) => {
    expect(classifyRpcError(error).kind).toBe(kind);
  });

  it("reads what the provider said, not the request body viem's message repeats", () => {
    const viemLike = {
      shortMessage: 'RPC Request failed.',
      details: 'execution reverted',
      message:
        'RPC Request failed.\n\nURL: https://network.example/rate-limit\nRequest body: {"id":429,"method":"eth_getLogs"}',
      cause: { code: 3, message: 'execution reverted' },
    };
    expect(classifyRpcError(viemLike).kind).toBe('fatal');
    const http = {
      shortMessage: 'HTTP request failed.',
      details: 'Bad Request',
      message: 'HTTP request failed.\nRequest body: {"id":429}',
      status: 400,
    };
    expect(classifyRpcError(http).kind).toBe('fatal');
  });

  it('reads the wait Infura puts in its error data', () => {
    const infura = rpc(-32005, 'daily request count exceeded, request rate limited', {
      rate: { allowed_rps: 1, backoff_seconds: 2, current_rps: 2.2 },
    });
    expect(classifyRpcError(infura)).toEqual({ kind: 'rate', retryAfterMs: 2_000 });
  });

  it('takes the range reth says to retry with', () => {
    expect(classifyRpcError(rpc(-32602, 'query exceeds max results 20000, retry with the range 100-199'))).toEqual({
      kind: 'range',
      suggested: [100n, 199n],
    });
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
    // Erigon states its block cap and, in the same words, a log count that is no block cap.
    ['query block range exceeds server limit, narrow your filter: 1000', 1_000n],
    ['query returns too many logs, narrow your filter: 10000', undefined],
  ])('reads the cap a provider states: %s', (message, cap) => {
    expect((classifyRpcError(rpc(-32005, message)) as { cap?: bigint }).cap).toBe(cap);
  });
});

describe('isBatchRefusal', () => {
  it.each([
    // geth: go-ethereum rpc/errors.go and rpc/handler.go (respondWithBatchTooLarge).
    [rpc(-32600, 'batch too large'), true, undefined],
    // Erigon: github.com/ApeWorX/web3.py/issues/3518 and erigontech/erigon/issues/7072.
    [
      rpc(-32000, 'batch limit 100 exceeded (can increase by --rpc.batch.limit). Requested batch of size: 526'),
      true,
      100,
    ],
    [rpc(-32000, 'batch limit 100 exceeded: 142 requests given'), true, 100],
    // Nethermind: Nethermind.JsonRpc/JsonRpcProcessor.cs.
    [rpc(-32005, 'Batch size limit exceeded'), true, undefined],
    // Besu: RpcErrorType.EXCEEDS_RPC_MAX_BATCH_SIZE.
    [rpc(-32005, 'Number of requests exceeds max batch size'), true, undefined],
    // jsonrpsee (reth): types/src/error.rs, with the limit in its data.
    [rpc(-32010, 'The batch request was too large', 'Exceeded max limit of 50'), true, 50],
    [rpc(-32601, 'Batched requests are not supported by this server'), true, undefined],
    // Gnosis's public RPC: github.com/AlphaWallet/alpha-wallet-ios/issues/5021.
    [rpc(-32600, 'Too many ["eth_getLogs"] methods in the batch'), true, undefined],
    // Hedera's relay, which takes no batches: github.com/hiero-ledger/hiero-json-rpc-relay/issues/1820.
    [rpc(-32600, 'Invalid Request'), true, undefined],
    // 1RPC: docs.1rpc.io. The JSON-RPC description of -32600 (EIP-1474), which some proxies send.
    [rpc(-32600, 'JSON RPC Request is too large'), true, undefined],
    [rpc(-32600, 'JSON is not a valid request object'), true, undefined],
    // geth's answer past its batch response size.
    [rpc(-32003, 'response too large'), true, undefined],
    // Not batch refusals.
    [rpc(3, 'execution reverted'), false, undefined],
    [rpc(3, 'execution reverted: batch limit reached'), false, undefined],
    [rpc(-32005, 'query returned more than 10000 results'), false, undefined],
  ] as const)('%s → %s (cap %s)', (error, refused, cap) => {
    expect(isBatchRefusal(error)).toBe(refused);
    expect(statedBatchCap(error)).toBe(cap);
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

describe('noAnswer', () => {
  // A head poll read through a contract call comes back wrapped as viem wraps it.
  const asContractCall = (cause: Error) =>
    getContractError(cause as never, {
      abi: parseAbi(['function paused() view returns (bool)']),
      address: '0x0000000000000000000000000000000000000001',
      functionName: 'paused',
      args: [],
    });
  const rpcAnswer = (code: number, message: string) =>
    new RpcRequestError({ body: {}, url: 'http://rpc', error: { code, message } });

  it.each([
    ['no HTTP answer', http(503), true],
    ['a timeout', new TimeoutError({ body: {}, url: 'http://rpc' }), true],
    ['a failed fetch, wrapped by viem', new UnknownRpcError(new TypeError('fetch failed')), true],
    ['a 429', http(429, '1'), false],
    ['a rate limit in words', rpcAnswer(-32005, 'rate limit exceeded'), false],
    [
      "a lagging backend's block out of range, in a contract call",
      asContractCall(rpcAnswer(-32602, 'block height is 5 but requested was 4')),
      false,
    ],
    ['header not found', rpcAnswer(-32000, 'header not found'), false],
  ] as const)('%s → %s', (_, error, expected) => {
    expect(noAnswer(error)).toBe(expected);
  });
});

describe('lacksBlock', () => {
  it.each([
    [rpc(-32000, 'header not found'), true],
    [rpc(-32602, 'BlockOutOfRangeError: block height is 5 but requested was 6'), true],
    [rpc(-32000, 'unknown block'), true],
    // State a node no longer keeps does not come back by asking again.
    [rpc(-32000, 'missing trie node 1f2e (path )'), false],
    [rpc(3, 'execution reverted'), false],
    // Words without a JSON-RPC answer are not the node's.
    [new Error('header not found'), false],
  ] as const)('%s → %s', (error, expected) => {
    expect(lacksBlock(error)).toBe(expected);
  });
});
