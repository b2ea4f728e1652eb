/** Every custom error the protocol's contracts can raise, for decoding reverts that bubble up from a callee. */
import { decodeErrorResult, type Abi, type Hex } from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altTimelockAbi,
  altVotesAbi,
} from './generated.ts';

const seen = new Set<string>();
/** The union of the custom errors of ALT, voting ALT, staking, governor, timelock and airdrop. */
export const protocolErrorsAbi = [
  altLayerTokenAbi,
  altVotesAbi,
  altStakingAbi,
  altGovernorAbi,
  altTimelockAbi,
  altAirdropAbi,
]
  .flat()
  .filter((item) => {
    if (item.type !== 'error') return false;
    const key = `${item.name}(${item.inputs.map((i) => i.type).join(',')})`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }) as Abi;

/** Decodes revert data against every protocol error; undefined when none matches. */
export function decodeProtocolError(data: Hex): { errorName: string; args: readonly unknown[] } | undefined {
  try {
    const decoded = decodeErrorResult({ abi: protocolErrorsAbi, data });
    return { errorName: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}
