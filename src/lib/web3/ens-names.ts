/**
 * ENS primary names for a page of addresses, for showing beside (never instead of) each address.
 * Read through the chain's universal resolver (`ensResolverOf`), the calls viem's getEnsName and
 * getEnsAddress make, but for a whole page in one Multicall3 batch each:
 *
 * 1. `reverseWithGateways(address, 60)` for every address: its primary name. ENS's resolver already
 *    refuses a name that does not resolve back (ReverseAddressMismatch); any revert means no name.
 * 2. `resolveWithGateways(name, addr(node))` for every name found: the name's address record, which
 *    must be the address itself. A resolver that skipped step 1's check still shows no borrowed name.
 *
 * A name is shown only if it is in ENS normal form (the form a name is registered in): plain
 * lowercase letters, digits and hyphens pass as they are; anything else goes through ENS
 * normalisation, loaded only then. Names that need an off-chain (CCIP) lookup are not shown.
 */
import { decodeAbiParameters, encodeFunctionData, getAddress, namehash, toHex, type Address } from 'viem';
import { packetToBytes } from 'viem/ens';
import { aggregate, type CallResult, type ContractCall, type ResultOf } from './eth-call.ts';
import type { ReadClient } from './chains.ts';

/** The universal resolver's two lookups and its errors, as ENS declares them (and contracts/devnet/DevnetEns.sol). */
export const universalResolverAbi = [
  {
    type: 'function',
    name: 'reverseWithGateways',
    stateMutability: 'view',
    inputs: [
      { name: 'lookupAddress', type: 'bytes' },
      { name: 'coinType', type: 'uint256' },
      { name: 'gateways', type: 'string[]' },
    ],
    outputs: [
      { name: 'primary', type: 'string' },
      { name: 'resolver', type: 'address' },
      { name: 'reverseResolver', type: 'address' },
    ],
  },
  {
    type: 'function',
    name: 'resolveWithGateways',
    stateMutability: 'view',
    inputs: [
      { name: 'name', type: 'bytes' },
      { name: 'data', type: 'bytes' },
      { name: 'gateways', type: 'string[]' },
    ],
    outputs: [
      { name: 'result', type: 'bytes' },
      { name: 'resolver', type: 'address' },
    ],
  },
  { type: 'error', name: 'ResolverNotFound', inputs: [{ name: 'name', type: 'bytes' }] },
  {
    type: 'error',
    name: 'ReverseAddressMismatch',
    inputs: [
      { name: 'primary', type: 'string' },
      { name: 'primaryAddress', type: 'bytes' },
    ],
  },
  { type: 'error', name: 'UnsupportedResolverProfile', inputs: [{ name: 'selector', type: 'bytes4' }] },
] as const;

const addrAbi = [
  {
    type: 'function',
    name: 'addr',
    stateMutability: 'view',
    inputs: [{ name: 'node', type: 'bytes32' }],
    outputs: [{ name: '', type: 'address' }],
  },
] as const;

/** ENS's coin type for Ethereum addresses. */
export const COIN_TYPE_ETH = 60n;
/** viem's default gateway list: "batch the off-chain lookups locally". */
const GATEWAYS = ['x-batch-gateway:true'];
/** Longer names are not shown (no display has room, and none is needed to tell delegates apart). */
export const MAX_NAME_LENGTH = 64;

/** The reverse lookup of `address`, to go in a page's batch. */
export const reverseCall = (resolver: Address, address: Address) =>
  ({
    address: resolver,
    abi: universalResolverAbi,
    functionName: 'reverseWithGateways',
    args: [address, COIN_TYPE_ETH, GATEWAYS],
  }) as const satisfies ContractCall;

/** The forward lookup of `name`'s Ethereum address. */
export const forwardCall = (resolver: Address, name: string) =>
  ({
    address: resolver,
    abi: universalResolverAbi,
    functionName: 'resolveWithGateways',
    args: [
      toHex(packetToBytes(name)),
      encodeFunctionData({ abi: addrAbi, functionName: 'addr', args: [namehash(name)] }),
      GATEWAYS,
    ],
  }) as const satisfies ContractCall;

/** Whether a label breaks ENS's rules for plain names (ENSIP-15: no "--" in 3rd and 4th place, no empty label). */
const badLabel = (label: string) => label === '' || label.slice(2, 4) === '--';
const PLAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * Whether `name` may be shown: short enough, in ENS normal form, with at least two labels. Plain
 * lowercase names decide here; others load ENS normalisation (`normalize`) to compare.
 */
export async function showableName(name: string, normalize?: (name: string) => string): Promise<boolean> {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  if (PLAIN.test(name)) return !name.split('.').some(badLabel);
  if (!name.includes('.')) return false;
  const norm = normalize ?? (await import('viem/ens')).normalize;
  try {
    return norm(name) === name;
  } catch {
    return false;
  }
}

/** The primary name a reverse lookup answered, or undefined for none (a revert, an empty name). */
export function primaryFrom(
  result: CallResult<ResultOf<ReturnType<typeof reverseCall>>> | undefined,
): string | undefined {
  if (result?.status !== 'success') return undefined;
  const [name] = result.result;
  return name || undefined;
}

/** The address a forward lookup answered, or undefined. */
export function forwardFrom(
  result: CallResult<ResultOf<ReturnType<typeof forwardCall>>> | undefined,
): Address | undefined {
  if (result?.status !== 'success') return undefined;
  const [data] = result.result;
  if (data.length !== 66) return undefined;
  const [address] = decodeAbiParameters([{ type: 'address' }], data);
  return getAddress(address);
}

/**
 * Step 2 for the primary names step 1 found (`candidates`, by address): one batch of forward
 * lookups; a name stays only if it is showable and resolves to its address.
 */
export async function verifyNames(
  client: ReadClient,
  multicall3: Address,
  resolver: Address,
  candidates: Map<Address, string>,
  blockNumber?: bigint,
): Promise<Map<Address, string>> {
  const showable: [Address, string][] = [];
  for (const [address, name] of candidates) if (await showableName(name)) showable.push([address, name]);
  if (showable.length === 0) return new Map();
  const results = await aggregate(
    client,
    multicall3,
    showable.map(([, name]) => forwardCall(resolver, name)),
    blockNumber,
  );
  const names = new Map<Address, string>();
  showable.forEach(([address, name], i) => {
    if (forwardFrom(results[i]) === address) names.set(address, name);
  });
  return names;
}
