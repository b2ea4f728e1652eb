/**
 * The DelegateStatements registry on the devnet. It has no owner and no constructor arguments, so it
 * is created through the deterministic-deployment proxy (0x4e59…956C, on nearly every EVM chain) with
 * salt zero: the same address on the devnet as on any chain it is deployed to the same way.
 */
import { concat, getCreate2Address, pad, type Address } from 'viem';
import { delegateStatementsBytecode } from '../src/lib/contracts/generated.ts';
import { receiptOf, type DevnetClient } from './client.ts';

const CREATE2_PROXY: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C';
const SALT = pad('0x', { size: 32 });

export const statementsAddress = (): Address =>
  getCreate2Address({ from: CREATE2_PROXY, salt: SALT, bytecode: delegateStatementsBytecode });

/** Deploys the registry from `from` (any account) and returns its address. */
export async function installStatements(client: DevnetClient, from: Address): Promise<Address> {
  const address = statementsAddress();
  const hash = await client.sendTransaction({
    account: from,
    chain: client.chain,
    to: CREATE2_PROXY,
    data: concat([SALT, delegateStatementsBytecode]),
    gas: 3_000_000n,
  });
  await receiptOf(client, hash, 'deploy DelegateStatements');
  if (!(await client.getCode({ address }))) throw new Error('DelegateStatements has no code');
  return address;
}
