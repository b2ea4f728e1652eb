/**
 * The reader's vote delegation in one Multicall3 batch: balance, delegate, own voting power and the
 * delegate's, so a change of delegate shows both sides at once.
 */
import { getAddress, zeroAddress, type Address } from 'viem';
import { getEnsAddress, multicall } from 'viem/actions';
import { normalize } from 'viem/ens';
import { mainnet } from 'viem/chains';
import { altTokenAbi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';

export interface Delegation {
  account: Address;
  balance: bigint;
  votes: bigint;
  delegate: Address;
  /** The delegate's total voting power (undefined when undelegated). */
  delegateVotes?: bigint;
}

export async function readDelegation(client: ReadClient, chain: ChainConfig, account: Address): Promise<Delegation> {
  const token = { address: chain.contracts.alt!, abi: altTokenAbi } as const;
  const multicallAddress = multicall3Of(chain);
  const [balance, votes, delegate] = await multicall(client, {
    multicallAddress,
    allowFailure: false,
    contracts: [
      { ...token, functionName: 'balanceOf', args: [account] },
      { ...token, functionName: 'getVotes', args: [account] },
      { ...token, functionName: 'delegates', args: [account] },
    ],
  });
  const delegateVotes =
    delegate === zeroAddress
      ? undefined
      : delegate === account
        ? votes
        : await multicall(client, {
            multicallAddress,
            allowFailure: false,
            contracts: [{ ...token, functionName: 'getVotes', args: [delegate] }],
          }).then(([v]) => v);
  return { account, balance, votes, delegate: getAddress(delegate), delegateVotes };
}

export type DelegateTarget = { ok: true; address: Address; ens?: string } | { ok: false; message: string };

/** An address as typed, or an ENS name resolved on Ethereum mainnet (the only chain with ENS here). */
export async function resolveDelegate(input: string, chain: ChainConfig, client: ReadClient): Promise<DelegateTarget> {
  const text = input.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return { ok: true, address: getAddress(text) };
  if (text.startsWith('0x'))
    return { ok: false, message: 'That is not an address: expected 0x followed by 40 hex characters.' };
  if (!/\.[a-z]{2,}$/i.test(text)) return { ok: false, message: 'Enter an address (0x…) or an ENS name (name.eth).' };
  if (chain.id !== mainnet.id)
    return { ok: false, message: `ENS names resolve on Ethereum only; on ${chain.name}, enter an address.` };
  let name: string;
  try {
    name = normalize(text);
  } catch {
    return { ok: false, message: `"${text}" is not a valid ENS name.` };
  }
  const address = await getEnsAddress(client, {
    name,
    universalResolverAddress: mainnet.contracts.ensUniversalResolver.address,
  });
  if (!address || address === zeroAddress) return { ok: false, message: `${name} does not resolve to an address.` };
  return { ok: true, address: getAddress(address), ens: name };
}
