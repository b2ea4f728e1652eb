/** A viem client for driving anvil: reads, writes from unlocked accounts, and chain-time control. */
import {
  concat,
  getAddress,
  getCreate2Address,
  pad,
  createTestClient,
  http,
  publicActions,
  walletActions,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { devnetChain, MULTICALL3_ADDRESS } from '../src/lib/web3/devnet-chain.ts';
import { multicall3RuntimeBytecode } from './bytecode.ts';

/**
 * Seeding sends a fixed gas limit rather than anvil's estimate: anvil estimates against the latest
 * block, which undercounts ERC20Votes checkpoint writes in the next one (see shared notes).
 */
const GAS_LIMIT = 8_000_000n;

export function createDevnetClient(url: string) {
  return createTestClient({ mode: 'anvil', chain: devnetChain(url), transport: http(url), pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);
}

export type DevnetClient = ReturnType<typeof createDevnetClient>;

/** Waits for a receipt (anvil can answer null just after sending) and throws if it reverted. */
export async function receiptOf(client: DevnetClient, hash: Hex, label: string): Promise<TransactionReceipt> {
  for (let i = 0; ; i++) {
    const receipt = await client.getTransactionReceipt({ hash }).catch(() => null);
    if (receipt) {
      if (receipt.status !== 'success') throw new Error(`${label} reverted in tx ${hash}`);
      return receipt;
    }
    if (i > 400) throw new Error(`${label}: no receipt for ${hash}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sends a contract call from an unlocked account; on revert, simulates it to throw the reason. */
export async function send<
  const abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
  args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>,
>(
  client: DevnetClient,
  from: Address,
  call: { address: Address; abi: abi; functionName: name; args?: args; value?: bigint },
): Promise<TransactionReceipt> {
  const request = { ...call, account: from, chain: client.chain, gas: GAS_LIMIT } as any;
  const hash = await client.writeContract(request);
  try {
    return await receiptOf(client, hash, call.functionName);
  } catch (error) {
    await client.simulateContract({ ...call, account: from } as any);
    throw error;
  }
}

/** Deploys a contract from an unlocked account and returns its address and block. */
export async function deploy(
  client: DevnetClient,
  from: Address,
  contract: { abi: Abi; bytecode: Hex; args?: readonly unknown[] },
  label: string,
): Promise<{ address: Address; blockNumber: bigint }> {
  const hash = await client.deployContract({
    ...contract,
    account: from,
    chain: client.chain,
    gas: 15_000_000n,
  } as any);
  const receipt = await receiptOf(client, hash, `deploy ${label}`);
  return { address: getAddress(receipt.contractAddress!), blockNumber: receipt.blockNumber };
}

/** Places Multicall3's runtime code at its canonical address, as on Ethereum and BNB Smart Chain. */
export async function installMulticall3(client: DevnetClient) {
  await client.setCode({ address: MULTICALL3_ADDRESS, bytecode: multicall3RuntimeBytecode });
}

/**
 * Mines one block at `timestamp` (seconds) unless the chain is already past it; later blocks follow
 * the wall clock from there.
 */
export async function mineAt(client: DevnetClient, timestamp: bigint | number) {
  const latest = (await client.getBlock()).timestamp;
  if (BigInt(timestamp) <= latest) return;
  await client.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
  await client.mine({ blocks: 1 });
}

/** Runs `fn` with `address` impersonated and funded for gas. */
export async function asImpersonated<T>(client: DevnetClient, address: Address, fn: () => Promise<T>): Promise<T> {
  await client.impersonateAccount({ address });
  await client.setBalance({ address, value: 10n ** 20n });
  try {
    return await fn();
  } finally {
    await client.stopImpersonatingAccount({ address });
  }
}

/** The deterministic-deployment proxy anvil places at the same address as on nearly every EVM chain. */
export const CREATE2_PROXY: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C';
const ZERO_SALT = pad('0x', { size: 32 });

/**
 * Creates `bytecode` through a CREATE2 factory of the deterministic-deployment kind (salt then
 * init code as calldata) with salt zero, from `from`; returns the address, the same on every chain.
 */
export async function deployCreate2(
  client: DevnetClient,
  from: Address,
  factory: Address,
  bytecode: Hex,
  label: string,
): Promise<Address> {
  const address = getCreate2Address({ from: factory, salt: ZERO_SALT, bytecode });
  const hash = await client.sendTransaction({
    account: from,
    chain: client.chain,
    to: factory,
    data: concat([ZERO_SALT, bytecode]),
    gas: 8_000_000n,
  });
  await receiptOf(client, hash, `deploy ${label}`);
  if (!(await client.getCode({ address }))) throw new Error(`${label} has no code at ${address}`);
  return address;
}
