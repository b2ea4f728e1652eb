/**
 * ALT on the devnet is the mainnet token at the mainnet address: AltLayerToken is deployed anywhere,
 * then its runtime code and the storage its constructor wrote are placed at
 * 0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB. OpenZeppelin's EIP712 notices that it runs at another
 * address than it was built at and rebuilds its domain separator, so permits verify there. The
 * template it was built in is emptied afterwards: the devnet has one ALT, at its mainnet address.
 */
import { getAddress, pad, toHex, type Address } from 'viem';
import { altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import { altLayerTokenBytecode } from './bytecode.ts';
import { deploy, type DevnetClient } from './client.ts';

/** ALT's address on Ethereum and BNB Smart Chain, and on the devnet. */
export const ALT_MAINNET_ADDRESS: Address = '0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB';

/** The constructor writes only low slots (name, symbol, owner); 32 covers them with room to spare. */
const CONSTRUCTOR_SLOTS = 32;

/** Deploys AltLayerToken owned by `owner` and moves it to `at` (ALT's mainnet address by default). */
export async function placeAltToken(client: DevnetClient, owner: Address, at: Address = ALT_MAINNET_ADDRESS) {
  const built = await deploy(
    client,
    owner,
    { abi: altLayerTokenAbi, bytecode: altLayerTokenBytecode, args: [owner] },
    'AltLayerToken',
  );
  const code = await client.getCode({ address: built.address });
  if (!code) throw new Error('AltLayerToken has no code after deployment');
  await client.setCode({ address: at, bytecode: code });
  for (let slot = 0; slot < CONSTRUCTOR_SLOTS; slot++) {
    const index = pad(toHex(slot), { size: 32 });
    const value = await client.getStorageAt({ address: built.address, slot: index });
    if (value && BigInt(value) !== 0n) await client.setStorageAt({ address: at, index, value });
  }
  const placedOwner = await client.readContract({ address: at, abi: altLayerTokenAbi, functionName: 'owner' });
  if (getAddress(placedOwner) !== getAddress(owner)) throw new Error('ALT was not placed with its owner');
  // The template goes: a second contract calling itself "AltLayer Token" (symbol ALT) would be found
  // by every wallet, explorer and script that looks for ALT by name.
  await client.setCode({ address: built.address, bytecode: '0x' });
  for (let slot = 0; slot < CONSTRUCTOR_SLOTS; slot++) {
    const index = pad(toHex(slot), { size: 32 });
    await client.setStorageAt({ address: built.address, index, value: pad('0x0', { size: 32 }) });
  }
  return getAddress(at);
}
