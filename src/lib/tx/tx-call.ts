/**
 * What a write is and where it stands: a `TxCall` (built with `txCall`, checked against its ABI),
 * and a `TxState` from "idle" to "success" or "error". Kept apart from the lifecycle, so a feature
 * that only builds calls, and the modules the lifecycle uses, need not load it.
 */
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hex, TransactionReceipt } from 'viem';
import type { MappedError } from '../errors/map-error.ts';

export type TxState =
  | { status: 'idle' }
  | { status: 'simulating' }
  | { status: 'signing' }
  /** A batch (EIP-5792) and a Safe transaction have no transaction hash until they land. */
  | { status: 'pending'; hash?: Hex; note?: string }
  /** `hash` is the transaction that was mined: a sped-up replacement's, when `note` says so. */
  | { status: 'success'; hash: Hex; receipt: TransactionReceipt; note?: string }
  | { status: 'error'; error: MappedError; hash?: Hex };

/** A write as the lifecycle sends it (a list may hold calls to several contracts). */
export interface TxCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

/** Functions that write. */
type Writes = 'nonpayable' | 'payable';

/**
 * A write, checked against its ABI where it is built: the function is one that writes, and its
 * arguments are that function's (viem's types), as `ethCall` checks a read. The lifecycle then takes
 * it as a `TxCall`.
 */
export const txCall = <const abi extends Abi, functionName extends ContractFunctionName<abi, Writes>>(call: {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, Writes, functionName> & readonly unknown[];
  value?: bigint;
}): TxCall => call;
