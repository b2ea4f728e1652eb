import { formatTimestamp } from '../format/time.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AbiDecodingDataSizeTooSmallError,
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  concat,
  encodeAbiParameters,
  encodeErrorResult,
  HttpRequestError,
  InsufficientFundsError,
  RpcRequestError,
  UserRejectedRequestError,
  type Abi,
} from 'viem';
import { mainnet } from 'viem/chains';
import { altStakingAbi, altTimelockAbi, altLayerTokenAbi } from '../contracts/generated.ts';
import { mapError, mapErrorWorded } from './map-error.ts';
import { contractWords, loadContractWords } from './load-contract-words.svelte.ts';

function reverted(abi: Abi, calledAbi: Abi, errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi, errorName, args });
  const cause = new ContractFunctionRevertedError({ abi: calledAbi, data, functionName: 'f' });
  return new ContractFunctionExecutionError(cause, { abi: calledAbi, functionName: 'f' });
}

describe("the protocol errors' words, loaded on first need", () => {
  // First in this file: nothing has loaded the words yet.
  it('names a contract error before its words arrive, starts loading them, and a write waits for them', async () => {
    expect(contractWords()).toBeUndefined();
    const error = reverted(altStakingAbi as Abi, altStakingAbi as Abi, 'ZeroAmount', []);
    expect(mapError(error)).toEqual({
      kind: 'contract',
      message: 'The contract refused the transaction (ZeroAmount).',
    });
    expect(await mapErrorWorded(error)).toEqual({ kind: 'contract', message: 'The amount must be more than zero.' });
    expect(contractWords()).toBeDefined();
    expect(mapError(error).message).toBe('The amount must be more than zero.');
  });
});

describe('mapError', () => {
  beforeAll(() => loadContractWords());

  it('treats a wallet rejection as its own kind', () => {
    expect(mapError(new UserRejectedRequestError(new Error('User rejected the request.'))).kind).toBe('rejected');
    expect(mapError({ code: 4001, message: 'denied' }).kind).toBe('rejected');
  });

  it.each([
    [
      'AmountBelowMinimum',
      altStakingAbi,
      [5n * 10n ** 17n, 10n ** 18n],
      'The minimum stake is 1 ALT; 0.5 ALT is below it.',
    ],
    [
      'InsufficientStake',
      altStakingAbi,
      [10n ** 21n, 10n ** 20n],
      'You have 100 ALT staked here, less than the 1,000 ALT requested.',
    ],
    ['RequestLocked', altStakingAbi, [3n, 0n], `Unbonding request #3 unlocks at ${formatTimestamp(0)}.`],
    [
      'ERC20InsufficientBalance',
      altLayerTokenAbi,
      ['0x0000000000000000000000000000000000000001', 0n, 10n ** 18n],
      'Not enough ALT: you have 0 ALT and this needs 1 ALT.',
    ],
    [
      'OperatorBeingSlashed',
      altStakingAbi,
      ['0x0000000000000000000000000000000000000001'],
      'A slash of this operator is being applied; its stake cannot move until that finishes. Try again shortly.',
    ],
  ])('decodes %s by name', (name, abi, args, message) => {
    expect(mapError(reverted(abi as Abi, abi as Abi, name, args))).toEqual({ kind: 'contract', message });
  });

  it("decodes an error raised by a callee that the called contract's ABI lacks", () => {
    const error = reverted(altTimelockAbi as Abi, altLayerTokenAbi as Abi, 'TimelockUnexpectedOperationState', [
      `0x${'00'.repeat(32)}`,
      `0x${'00'.repeat(32)}`,
    ]);
    expect(mapError(error)).toEqual({ kind: 'contract', message: 'The timelock delay has not passed yet.' });
  });

  it('names an unknown custom error rather than hiding it', () => {
    const abi = [{ type: 'error', name: 'Mystery', inputs: [] }] as const;
    const error = reverted(abi, abi, 'Mystery', []);
    expect(mapError(error).message).toBe('The contract refused the transaction (Mystery).');
  });

  it("shows a revert string, anyone's text, as chain text: what reorders or hides text is visible", () => {
    const data = concat([
      '0x08c379a0',
      encodeAbiParameters([{ type: 'string' }], ['paid to \u202Eexe.txt\u202C and\u200Bhidden']),
    ]);
    const cause = new ContractFunctionRevertedError({ abi: altLayerTokenAbi as Abi, data, functionName: 'f' });
    const error = new ContractFunctionExecutionError(cause, { abi: altLayerTokenAbi as Abi, functionName: 'f' });
    expect(mapError(error).message).toContain('paid to [U+202E]exe.txt[U+202C] and[U+200B]hidden');
    expect(mapError(new Error('wallet says \u2066no\u2069')).message).toBe('wallet says [U+2066]no[U+2069]');
  });

  it('maps gas funds, wrong chain and RPC failures', () => {
    expect(mapError(new InsufficientFundsError()).kind).toBe('funds');
    expect(mapError(new ChainMismatchError({ chain: mainnet, currentChainId: 56 })).kind).toBe('wrong-chain');
    expect(mapError(new HttpRequestError({ url: 'http://x', status: 502 })).kind).toBe('rpc');
    expect(mapError(new TypeError('Failed to fetch')).kind).toBe('rpc');
    expect(mapError('weird').kind).toBe('unknown');
  });

  it('shows a node’s refusal in its own words, cut to a sentence', () => {
    const refused = new RpcRequestError({
      body: { method: 'eth_getLogs' },
      error: { code: -32602, message: 'invalid block range params' },
      url: 'http://x',
    });
    expect(mapError(refused)).toEqual({
      kind: 'rpc',
      message: 'The network (RPC) refused the request: invalid block range params',
    });
    const long = new RpcRequestError({ body: {}, error: { code: -32000, message: 'x'.repeat(500) }, url: 'http://x' });
    expect(mapError(long).message.length).toBeLessThan(220);
    // Any RPC writes these words: what they hide shows, as in chain text.
    const hidden = new RpcRequestError({
      body: {},
      error: { code: -32000, message: 'fee\u202Eeuqer' },
      url: 'http://x',
    });
    expect(mapError(hidden).message).toBe('The network (RPC) refused the request: fee[U+202E]euqer');
  });

  it('says a wallet that disconnected mid-request sent nothing', () => {
    const gone = Object.assign(new Error('The wallet was disconnected.'), { code: 4100 });
    expect(mapError(gone)).toEqual({
      kind: 'rejected',
      message: 'Your wallet disconnected before signing. Nothing was sent.',
    });
  });

  it('tells an RPC answering garbage apart from one not answering', () => {
    let notJson: unknown;
    try {
      JSON.parse('<html>502 Bad Gateway</html>');
    } catch (e) {
      notJson = e;
    }
    const garbage = new HttpRequestError({ url: 'http://x', cause: notJson as Error });
    expect(mapError(garbage)).toEqual({ kind: 'rpc', message: expect.stringContaining('cannot be read') });
    const undecodable = new AbiDecodingDataSizeTooSmallError({ data: '0x12', params: [], size: 1 });
    expect(mapError(undecodable).message).toContain('cannot be read');
    expect(mapError(new HttpRequestError({ url: 'http://x', status: 502 })).message).toContain('did not answer');
  });
});
