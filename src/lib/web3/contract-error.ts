/**
 * A failed read as viem's `readContract` and `multicall` shape it: a ContractFunctionExecutionError
 * whose cause decodes the revert by name. Loaded when a read first fails (eth-call.ts): viem's
 * contract, transaction and state-override error classes it brings are about 4 KiB gzip that a page
 * whose reads all succeed never runs.
 */
import { getContractError, RawContractError, type Abi, type Hex } from 'viem';
import type { ContractCall } from './eth-call.ts';

export const contractError = (error: unknown, call: ContractCall) =>
  getContractError(error as Error, {
    abi: call.abi as Abi,
    address: call.address,
    args: call.args,
    functionName: call.functionName,
  });

/** A call of a Multicall3 batch that reverted with `returnData`. */
export const revertError = (returnData: Hex, call: ContractCall) =>
  contractError(new RawContractError({ data: returnData }), call);
