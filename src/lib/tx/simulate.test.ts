import { describe, expect, it } from 'vitest';
import { MethodNotFoundRpcError, MethodNotSupportedRpcError, RpcRequestError, UserRejectedRequestError } from 'viem';
import { isMethodUnsupported } from './simulate.ts';

describe('isMethodUnsupported', () => {
  it('takes a provider without eth_simulateV1 for one', () => {
    expect(isMethodUnsupported(new MethodNotFoundRpcError(new Error('x')))).toBe(true);
    expect(isMethodUnsupported(new MethodNotSupportedRpcError(new Error('x')))).toBe(true);
    expect(isMethodUnsupported({ code: -32601, message: 'the method eth_simulateV1 does not exist' })).toBe(true);
    expect(
      isMethodUnsupported(
        new RpcRequestError({
          body: {},
          url: 'https://rpc.example',
          error: { code: -32000, message: 'eth_simulateV1 is not available' },
        }),
      ),
    ).toBe(true);
  });

  it('never takes a revert, a refusal or an outage for one', () => {
    expect(isMethodUnsupported(new UserRejectedRequestError(new Error('no')))).toBe(false);
    expect(isMethodUnsupported(new Error('execution reverted: OperatorNotActive'))).toBe(false);
    expect(
      isMethodUnsupported(
        new RpcRequestError({ body: {}, url: 'https://rpc.example', error: { code: -32005, message: 'rate limited' } }),
      ),
    ).toBe(false);
  });
});
