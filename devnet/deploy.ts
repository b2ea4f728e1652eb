/** Deploys the protocol on the devnet from unlocked accounts, in a fixed order so addresses never change. */
import type { Address } from 'viem';
import { MULTICALL3_ADDRESS } from '../src/lib/web3/devnet-chain.ts';
import {
  DEFAULT_PARAMETERS,
  deployProtocolV2,
  type AirdropSetup,
  type ProtocolParameters,
  type Sender,
} from '../scripts/deploy/protocol.ts';
import { placeAltToken } from './alt-token.ts';
import { deploy, send, type DevnetClient } from './client.ts';

export { DEFAULT_PARAMETERS, type AirdropSetup, type ProtocolParameters };

export interface Deployment {
  chainId: number;
  deployBlock: number;
  deployer: Address;
  /** ALT's owner: pauses, unpauses and mints (on mainnet, AltLayer's multisig; here a dev account). */
  altOwner: Address;
  contracts: {
    alt: Address;
    votes: Address;
    timelock: Address;
    governor: Address;
    staking: Address;
    airdrop: Address;
    multicall3: Address;
    /** The DelegateStatements registry, at its deterministic address (see statements.ts). */
    statements?: Address;
    /** The devnet's ENS universal resolver (see ens.ts). */
    ensUniversalResolver?: Address;
  };
}

/** A {Sender} over anvil's unlocked accounts. */
export function devnetSender(client: DevnetClient, from: Address): Sender {
  return {
    address: from,
    nonce: () => client.getTransactionCount({ address: from, blockTag: 'pending' }),
    deploy: async (label, contract) => (await deploy(client, from, contract, label)).address,
    call: async (_label, call) => {
      await send(client, from, call as any);
    },
  };
}

/** Places ALT at its mainnet address (owned by `altOwner`), then deploys protocol v2 from `deployer`. */
export async function deployProtocol(
  client: DevnetClient,
  accounts: { deployer: Address; altOwner: Address },
  airdrop: AirdropSetup,
  parameters: ProtocolParameters = DEFAULT_PARAMETERS,
): Promise<Deployment> {
  const alt = await placeAltToken(client, accounts.altOwner);
  const deployBlock = Number(await client.getBlockNumber()) + 1;
  const contracts = await deployProtocolV2(devnetSender(client, accounts.deployer), { alt, airdrop, parameters });
  return {
    chainId: client.chain.id,
    deployBlock,
    deployer: accounts.deployer,
    altOwner: accounts.altOwner,
    contracts: { ...contracts, airdrop: contracts.airdrop!, multicall3: MULTICALL3_ADDRESS },
  };
}
