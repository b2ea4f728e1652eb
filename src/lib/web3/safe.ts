/**
 * Safe multisigs (v1.3 and v1.4), read straight from the Safe contract: its owners, threshold and
 * nonce, the owners that confirmed a Safe transaction on chain (`approvedHashes`), and the
 * transaction that executed it (`ExecutionSuccess`). No Transaction Service is needed for any of it.
 */
import {
  concat,
  encodeFunctionData,
  encodePacked,
  hashTypedData,
  size,
  zeroAddress,
  type Address,
  type Hex,
} from 'viem';
import { getBlockNumber, multicall } from 'viem/actions';
import type { ReadClient } from './chains.ts';
import { readAll } from './eth-call.ts';
import { MULTICALL3_ADDRESS } from './devnet-chain.ts';
import * as m from '../i18n/messages.ts';

export const safeAbi = [
  { type: 'function', name: 'getOwners', stateMutability: 'view', inputs: [], outputs: [{ type: 'address[]' }] },
  { type: 'function', name: 'getThreshold', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint256' }] },
  { type: 'function', name: 'nonce', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint256' }] },
  { type: 'function', name: 'VERSION', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  {
    type: 'function',
    name: 'approvedHashes',
    stateMutability: 'view',
    inputs: [{ type: 'address' }, { type: 'bytes32' }],
    outputs: [{ type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'approveHash',
    stateMutability: 'nonpayable',
    inputs: [{ name: 'hashToApprove', type: 'bytes32' }],
    outputs: [],
  },
  {
    type: 'function',
    name: 'execTransaction',
    stateMutability: 'payable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'data', type: 'bytes' },
      { name: 'operation', type: 'uint8' },
      { name: 'safeTxGas', type: 'uint256' },
      { name: 'baseGas', type: 'uint256' },
      { name: 'gasPrice', type: 'uint256' },
      { name: 'gasToken', type: 'address' },
      { name: 'refundReceiver', type: 'address' },
      { name: 'signatures', type: 'bytes' },
    ],
    outputs: [{ type: 'bool' }],
  },
  {
    type: 'event',
    name: 'ExecutionSuccess',
    inputs: [
      { name: 'txHash', type: 'bytes32', indexed: true },
      { name: 'payment', type: 'uint256', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'ExecutionFailure',
    inputs: [
      { name: 'txHash', type: 'bytes32', indexed: true },
      { name: 'payment', type: 'uint256', indexed: false },
    ],
  },
] as const;

/** Safe v1.4.1's MultiSend contracts at their canonical addresses (the same on every chain). */
export const MULTI_SEND_CALL_ONLY: Address = '0x9641d764fc13c8B624c04430C7356C1C7C8102e2';
export const MULTI_SEND: Address = '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526';

const multiSendAbi = [
  {
    type: 'function',
    name: 'multiSend',
    stateMutability: 'payable',
    inputs: [{ name: 'transactions', type: 'bytes' }],
    outputs: [],
  },
] as const;

export interface SafeInfo {
  address: Address;
  owners: Address[];
  threshold: number;
  nonce: bigint;
}

/** A Safe transaction as its owners sign it (EIP-712 `SafeTx`). */
export interface SafeTx {
  to: Address;
  value: bigint;
  data: Hex;
  /** 0: call; 1: delegatecall (MultiSend batches). */
  operation: 0 | 1;
  safeTxGas?: bigint;
  baseGas?: bigint;
  gasPrice?: bigint;
  gasToken?: Address;
  refundReceiver?: Address;
  nonce: bigint;
}

const SAFE_TX_TYPES = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

/** The hash a Safe's owners confirm for `tx` (what `getTransactionHash` returns on a v1.3+ Safe). */
export function safeTxHash(safe: Address, chainId: number, tx: SafeTx): Hex {
  return hashTypedData({
    domain: { chainId, verifyingContract: safe },
    types: SAFE_TX_TYPES,
    primaryType: 'SafeTx',
    message: {
      to: tx.to,
      value: tx.value,
      data: tx.data,
      operation: tx.operation,
      safeTxGas: tx.safeTxGas ?? 0n,
      baseGas: tx.baseGas ?? 0n,
      gasPrice: tx.gasPrice ?? 0n,
      gasToken: tx.gasToken ?? zeroAddress,
      refundReceiver: tx.refundReceiver ?? zeroAddress,
      nonce: tx.nonce,
    },
  });
}

export interface PlainCall {
  to: Address;
  value?: bigint;
  data: Hex;
}

/** Several calls as one Safe transaction: a delegatecall to MultiSendCallOnly with the packed calls. */
export function multiSendTx(calls: PlainCall[], multiSend: Address = MULTI_SEND_CALL_ONLY): Omit<SafeTx, 'nonce'> {
  const packed = concat(
    calls.map((c) =>
      encodePacked(
        ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
        [0, c.to, c.value ?? 0n, BigInt(size(c.data)), c.data],
      ),
    ),
  );
  return {
    to: multiSend,
    value: 0n,
    data: encodeFunctionData({ abi: multiSendAbi, functionName: 'multiSend', args: [packed] }),
    operation: 1,
  };
}

/**
 * The Safe transactions a Safe wallet may have made of `calls` (one call as itself; several as a
 * MultiSend batch, through either MultiSend contract), with default gas fields: what a Safe
 * transaction hash is checked against to learn its nonce.
 */
export function safeTxCandidates(calls: PlainCall[]): Omit<SafeTx, 'nonce'>[] {
  if (calls.length === 1) return [{ to: calls[0].to, value: calls[0].value ?? 0n, data: calls[0].data, operation: 0 }];
  return [multiSendTx(calls, MULTI_SEND_CALL_ONLY), multiSendTx(calls, MULTI_SEND)];
}

/** How far past the Safe's nonce a new Safe transaction's nonce is looked for (queued ones before it). */
const NONCE_LOOKAHEAD = 16n;

/**
 * The nonce `hash` was made with, if it is one of `calls`' candidate Safe transactions with a nonce
 * from `from` up to 16 past it; undefined when the wallet built it some other way (gas fields set).
 */
export function findSafeTxNonce(
  safe: Address,
  chainId: number,
  calls: PlainCall[],
  hash: Hex,
  from: bigint,
): bigint | undefined {
  const candidates = safeTxCandidates(calls);
  for (let nonce = from; nonce < from + NONCE_LOOKAHEAD; nonce++) {
    for (const tx of candidates) {
      if (safeTxHash(safe, chainId, { ...tx, nonce }).toLowerCase() === hash.toLowerCase()) return nonce;
    }
  }
  return undefined;
}

/**
 * `address` as a Safe (owners, threshold, nonce) in one multicall, or undefined when it is not one
 * (an EOA, or another kind of contract).
 */
export async function readSafe(
  client: ReadClient,
  address: Address,
  blockNumber?: bigint,
): Promise<SafeInfo | undefined> {
  const contract = { address, abi: safeAbi } as const;
  const [owners, threshold, nonce] = await multicall(client, {
    contracts: [
      { ...contract, functionName: 'getOwners' },
      { ...contract, functionName: 'getThreshold' },
      { ...contract, functionName: 'nonce' },
    ],
    blockNumber,
  });
  if (owners.status !== 'success' || threshold.status !== 'success' || nonce.status !== 'success') return undefined;
  if (owners.result.length === 0 || threshold.result === 0n) return undefined;
  return { address, owners: [...owners.result], threshold: Number(threshold.result), nonce: nonce.result };
}

/** The owners that confirmed `hash` on chain (approvedHashes) and the Safe's nonce, in one multicall. */
export async function readSafeProgress(
  client: ReadClient,
  safe: Address,
  owners: Address[],
  hash: Hex,
): Promise<{ approvers: Address[]; threshold: number; nonce: bigint; blockNumber: bigint }> {
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  const contract = { address: safe, abi: safeAbi } as const;
  const [nonce, threshold, ...approved] = await readAll(
    client,
    client.chain.contracts?.multicall3?.address ?? MULTICALL3_ADDRESS,
    [
      { ...contract, functionName: 'nonce' },
      { ...contract, functionName: 'getThreshold' },
      ...owners.map((owner) => ({ ...contract, functionName: 'approvedHashes', args: [owner, hash] }) as const),
    ] as const,
    blockNumber,
  );
  return {
    approvers: owners.filter((_, i) => approved[i] !== 0n),
    threshold: Number(threshold),
    nonce,
    blockNumber,
  };
}

/** The Safe's waiting state in words, in the language shown. */
export function safeWaitingNote(confirmations: number, threshold: number): string {
  const left = Math.max(threshold - confirmations, 0);
  if (left === 0) return m.errors_follow_safe_waiting_ready({ confirmations, threshold });
  return m.errors_follow_safe_waiting_more({ confirmations, threshold, left });
}

/**
 * The owners that confirmed `hash` off chain, as a Safe Transaction Service (`service`, an https
 * origin named in config.json) lists them; only addresses among `owners` count. Undefined when the
 * service does not know the transaction or cannot be read.
 */
export async function serviceConfirmations(
  service: string,
  hash: Hex,
  owners: Address[],
  fetchJsonImpl: (url: string) => Promise<unknown>,
): Promise<Address[] | undefined> {
  let body: unknown;
  try {
    body = await fetchJsonImpl(`${service}/api/v1/multisig-transactions/${hash}/`);
  } catch {
    return undefined;
  }
  const listed = (body as { confirmations?: unknown })?.confirmations;
  if (!Array.isArray(listed)) return undefined;
  const confirmed = new Set(listed.map((c) => String((c as { owner?: unknown })?.owner).toLowerCase()));
  return owners.filter((owner) => confirmed.has(owner.toLowerCase()));
}
