/**
 * The devnet's ENS (contracts/devnet/DevnetEns.sol): a registry, address records, primary names and
 * a universal resolver answering the calls viem makes for names. Created through the
 * deterministic-deployment proxy with salt zero, so its address is fixed; the devnet's config.json
 * declares it as the chain's `ensUniversalResolver`, as viem's mainnet declares ENS's own.
 */
import { getCreate2Address, pad, type Address } from 'viem';
import { devnetEnsBytecode } from './bytecode.ts';
import { CREATE2_PROXY, deployCreate2, type DevnetClient } from './client.ts';

export const ensAddress = (): Address =>
  getCreate2Address({ from: CREATE2_PROXY, salt: pad('0x', { size: 32 }), bytecode: devnetEnsBytecode });

/** Deploys the devnet ENS from `from` (any account) and returns its address. */
export const installEns = (client: DevnetClient, from: Address): Promise<Address> =>
  deployCreate2(client, from, CREATE2_PROXY, devnetEnsBytecode, 'DevnetEns');
