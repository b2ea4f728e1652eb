/** Every custom error the protocol's contracts can raise, for decoding reverts that bubble up from a callee. */
import { decodeErrorResult, type Hex } from 'viem';
import { protocolErrorsAbi } from './abi/protocol-errors.ts';

/** The union of the custom errors of ALT, voting ALT, staking, governor, timelock and airdrop (generated). */
export { protocolErrorsAbi };

/** Decodes revert data against every protocol error; undefined when none matches. */
export function decodeProtocolError(data: Hex): { errorName: string; args: readonly unknown[] } | undefined {
  try {
    const decoded = decodeErrorResult({ abi: protocolErrorsAbi, data });
    return { errorName: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}
