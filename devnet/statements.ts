/**
 * The DelegateStatements registry on the devnet. It has no owner and no constructor arguments, so it
 * is created through the deterministic-deployment proxy (0x4e59…956C, on nearly every EVM chain) with
 * salt zero: the same address on the devnet as on any chain it is deployed to the same way.
 */
import { getCreate2Address, pad, type Address } from 'viem';
import { delegateStatementsBytecode } from './bytecode.ts';
import { CREATE2_PROXY, deployCreate2, type DevnetClient } from './client.ts';

export const statementsAddress = (): Address =>
  getCreate2Address({ from: CREATE2_PROXY, salt: pad('0x', { size: 32 }), bytecode: delegateStatementsBytecode });

/** Deploys the registry from `from` (any account) and returns its address. */
export const installStatements = (client: DevnetClient, from: Address): Promise<Address> =>
  deployCreate2(client, from, CREATE2_PROXY, delegateStatementsBytecode, 'DelegateStatements');
