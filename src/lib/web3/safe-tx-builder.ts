/**
 * A batch file in the format of Safe{Wallet}'s Transaction Builder (its "Load / Import" takes it), so
 * the owners of a Safe who act through Safe's own interface can import what this app prepared: the
 * calls with their full calldata, each also described by its method and arguments so the Builder
 * shows them readably, and the checksum the Builder checks (keccak-256 of the file serialized with
 * its keys sorted and `meta.name` left out).
 */
import {
  encodeFunctionData,
  getAbiItem,
  keccak256,
  stringToHex,
  type AbiFunction,
  type AbiParameter,
  type Address,
  type Hex,
} from 'viem';
import type { TxCall } from '../tx/tx-call.ts';
import * as m from '../i18n/messages.ts';

/** The Builder's version this file is written for (its own files say which one made them). */
export const TX_BUILDER_VERSION = '1.18.0';

export interface BuilderMethod {
  inputs: { internalType: string; name: string; type: string }[];
  name: string;
  payable: boolean;
}

export interface BuilderTransaction {
  to: Address;
  /** Wei, in decimal. */
  value: string;
  data: Hex;
  contractMethod: BuilderMethod | null;
  contractInputsValues: Record<string, string> | null;
}

export interface BuilderBatch {
  version: '1.0';
  chainId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  meta: {
    name: string;
    description: string;
    txBuilderVersion: string;
    createdFromSafeAddress: Address;
    createdFromOwnerAddress: string;
    checksum: Hex;
  };
  transactions: BuilderTransaction[];
}

/** The Builder's canonical serialization: keys sorted, an undefined value as null. */
function serialize(json: unknown): string {
  if (Array.isArray(json)) return `[${json.map(serialize).join(',')}]`;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${JSON.stringify(keys)}${keys.map((k) => `${serialize(record[k])},`).join('')}}`;
  }
  return JSON.stringify(json === undefined ? null : json);
}

/** The checksum the Builder computes on import to tell a file edited by hand. */
export const batchChecksum = (batch: Omit<BuilderBatch, 'meta'> & { meta: Omit<BuilderBatch['meta'], 'checksum'> }) =>
  keccak256(stringToHex(serialize({ ...batch, meta: { ...batch.meta, name: null } })));

/** An argument as the Builder's form holds it: text, with arrays as JSON. */
function inputValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(inputValue(v))).join(',')}]`;
  return String(value);
}

/** The method as the Builder describes one: only for arguments it can show (named, no tuples). */
function describe(item: AbiFunction, args: readonly unknown[]) {
  const plain = (p: AbiParameter) => !!p.name && !p.type.startsWith('tuple');
  if (!item.inputs.every(plain)) return { contractMethod: null, contractInputsValues: null };
  return {
    contractMethod: {
      inputs: item.inputs.map((p) => ({ internalType: p.internalType ?? p.type, name: p.name!, type: p.type })),
      name: item.name,
      payable: item.stateMutability === 'payable',
    },
    contractInputsValues: Object.fromEntries(item.inputs.map((p, i) => [p.name!, inputValue(args[i])])),
  };
}

/** One call as a Builder transaction: its calldata in full, and its method where it can be shown. */
export function builderTransaction(call: TxCall): BuilderTransaction {
  const args = call.args ?? [];
  const item = getAbiItem({ abi: call.abi, name: call.functionName, args: [...args] } as never) as
    AbiFunction | undefined;
  if (!item || item.type !== 'function') throw new Error(`${call.functionName} is not a function of its contract.`);
  return {
    to: call.address,
    value: (call.value ?? 0n).toString(),
    data: encodeFunctionData({ abi: [item], functionName: item.name, args: [...args] }),
    ...describe(item, args),
  };
}

export interface BatchRequest {
  chainId: number;
  safe: Address;
  /** The owner preparing it, when a wallet is connected. */
  owner?: Address;
  name: string;
  description: string;
  calls: readonly TxCall[];
  /** Seconds since the epoch: the chain's time of the read the calls come from. */
  chainTime: bigint;
}

/** The batch file for `request`. */
export function builderBatch(request: BatchRequest): BuilderBatch {
  if (request.calls.length === 0) throw new Error(m.errors_safe_tx_builder_nothing());
  const unsigned = {
    version: '1.0' as const,
    chainId: request.chainId.toString(),
    createdAt: Number(request.chainTime) * 1000,
    meta: {
      name: request.name,
      description: request.description,
      txBuilderVersion: TX_BUILDER_VERSION,
      createdFromSafeAddress: request.safe,
      createdFromOwnerAddress: request.owner ?? '',
    },
    transactions: request.calls.map(builderTransaction),
  };
  return { ...unsigned, meta: { ...unsigned.meta, checksum: batchChecksum(unsigned) } };
}
