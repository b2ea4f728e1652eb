/**
 * Safe v1.4.1 on the devnet, from Safe's own npm package (@safe-global/safe-contracts), at the
 * canonical addresses it has on Ethereum and BNB Smart Chain: each contract is created through the
 * Safe singleton factory with salt zero, exactly as Safe deployed them. The factory is the
 * deterministic-deployment proxy anvil already has at 0x4e59…956C, whose code is placed at the Safe
 * factory's address too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  concat,
  encodeFunctionData,
  getAddress,
  getCreate2Address,
  keccak256,
  pad,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { safeAbi, safeTxHash, type SafeTx } from '../src/lib/web3/safe.ts';
import { CREATE2_PROXY, deployCreate2, send, type DevnetClient } from './client.ts';

const require = createRequire(import.meta.url);
const ARTIFACTS = 'build/artifacts/contracts';

function artifact(path: string): { abi: Abi; bytecode: Hex } {
  const file = require.resolve(`@safe-global/safe-contracts/${ARTIFACTS}/${path}`);
  const { abi, bytecode } = JSON.parse(readFileSync(file, 'utf8'));
  return { abi, bytecode };
}

export const SAFE_SINGLETON_FACTORY: Address = '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7';

/** Safe v1.4.1's contracts and the addresses they have on every chain Safe supports. */
export const SAFE_CONTRACTS = {
  safe: { path: 'Safe.sol/Safe.json', address: '0x41675C099F32341bf84BFc5382aF534df5C7461a' },
  proxyFactory: {
    path: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
    address: '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67',
  },
  fallbackHandler: {
    path: 'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
    address: '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99',
  },
  multiSend: { path: 'libraries/MultiSend.sol/MultiSend.json', address: '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526' },
  multiSendCallOnly: {
    path: 'libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
    address: '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
  },
} as const satisfies Record<string, { path: string; address: Address }>;

/** Deploys Safe v1.4.1 at its canonical addresses, from `from`; throws if any lands elsewhere. */
export async function installSafe(client: DevnetClient, from: Address) {
  const proxyCode = await client.getCode({ address: CREATE2_PROXY });
  if (!proxyCode) throw new Error('anvil has no deterministic deployment proxy at 0x4e59…956C');
  await client.setCode({ address: SAFE_SINGLETON_FACTORY, bytecode: proxyCode });
  for (const [name, { path, address }] of Object.entries(SAFE_CONTRACTS)) {
    const { bytecode } = artifact(path);
    const at = await deployCreate2(client, from, SAFE_SINGLETON_FACTORY, bytecode, `Safe ${name}`);
    if (at !== getAddress(address)) throw new Error(`Safe ${name} did not land at its canonical address`);
  }
}

const factoryAbi = () => artifact(SAFE_CONTRACTS.proxyFactory.path).abi;

/** The `setup` call a new Safe is created with: these owners, this threshold, the 1.4.1 fallback handler. */
function setupData(owners: Address[], threshold: number): Hex {
  return encodeFunctionData({
    abi: artifact(SAFE_CONTRACTS.safe.path).abi,
    functionName: 'setup',
    args: [
      owners,
      BigInt(threshold),
      zeroAddress,
      '0x',
      SAFE_CONTRACTS.fallbackHandler.address,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  });
}

/** The address a Safe with these owners, threshold and salt nonce has (the same on every chain). */
export async function predictSafe(client: DevnetClient, owners: Address[], threshold: number, saltNonce: bigint) {
  const creationCode = (await client.readContract({
    address: SAFE_CONTRACTS.proxyFactory.address,
    abi: factoryAbi(),
    functionName: 'proxyCreationCode',
  })) as Hex;
  const salt = keccak256(concat([keccak256(setupData(owners, threshold)), pad(`0x${saltNonce.toString(16)}`)]));
  return getCreate2Address({
    from: SAFE_CONTRACTS.proxyFactory.address,
    salt,
    bytecode: concat([creationCode, pad(SAFE_CONTRACTS.safe.address)]),
  });
}

/** Creates a Safe through the proxy factory, as the Safe app does, and returns its address. */
export async function createSafe(
  client: DevnetClient,
  from: Address,
  owners: Address[],
  threshold: number,
  saltNonce: bigint,
): Promise<Address> {
  const address = await predictSafe(client, owners, threshold, saltNonce);
  await send(client, from, {
    address: SAFE_CONTRACTS.proxyFactory.address,
    abi: factoryAbi(),
    functionName: 'createProxyWithNonce',
    args: [SAFE_CONTRACTS.safe.address, setupData(owners, threshold), saltNonce],
  } as never);
  return address;
}

/**
 * Signatures for `execTransaction` from owners that confirmed on chain (approveHash) or that send
 * the execution themselves: Safe's "approved hash" form (r = owner, s = 0, v = 1), sorted by owner.
 */
export function approvedSignatures(owners: Address[]): Hex {
  const sorted = [...owners].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  return concat(sorted.map((owner) => concat([pad(owner), pad('0x'), '0x01'])));
}

/** Has `owner` confirm `hash` on chain, as an owner does with "Confirm" and an on-chain signature. */
export async function confirmSafeTx(client: DevnetClient, safe: Address, owner: Address, hash: Hex) {
  await send(client, owner, { address: safe, abi: safeAbi, functionName: 'approveHash', args: [hash] });
}

/**
 * Executes `tx` from `executor` (an owner) with the confirmations of `confirmed` (owners that
 * approved its hash on chain) and the executor's own; returns the execution's receipt.
 */
export async function executeSafeTx(
  client: DevnetClient,
  safe: Address,
  tx: SafeTx,
  confirmed: Address[],
  executor: Address,
) {
  const signers = [...new Set([...confirmed, executor].map((a) => getAddress(a)))];
  return send(client, executor, {
    address: safe,
    abi: safeAbi,
    functionName: 'execTransaction',
    args: [
      tx.to,
      tx.value,
      tx.data,
      tx.operation,
      tx.safeTxGas ?? 0n,
      tx.baseGas ?? 0n,
      tx.gasPrice ?? 0n,
      tx.gasToken ?? zeroAddress,
      tx.refundReceiver ?? zeroAddress,
      approvedSignatures(signers),
    ],
  });
}

/** Runs `tx` through the Safe at its current nonce: `owners[0]` confirms on chain, `owners[1]` executes. */
export async function runSafeTx(
  client: DevnetClient,
  safe: Address,
  owners: [Address, Address],
  tx: Omit<SafeTx, 'nonce'>,
) {
  const nonce = await client.readContract({ address: safe, abi: safeAbi, functionName: 'nonce' });
  const full = { ...tx, nonce };
  const hash = safeTxHash(safe, client.chain.id, full);
  await confirmSafeTx(client, safe, owners[0], hash);
  return executeSafeTx(client, safe, full, [owners[0]], owners[1]);
}
