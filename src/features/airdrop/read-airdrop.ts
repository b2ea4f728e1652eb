/** Everything the airdrop page reads from the chain, in one Multicall3 round trip. */
import type { Address, Hex } from 'viem';
import { multicall } from 'viem/actions';
import { altAirdropAbi, altStakingAbi, altTokenAbi, multicall3Abi } from '../../lib/contracts/generated.ts';
import type { ChainConfig } from '../../lib/config/app-config.ts';
import { headCalls, multicall3Of, type ReadClient } from '../../lib/web3/chains.ts';

export interface OperatorChoice {
  address: Address;
  metadataURI: string;
  commissionBps: number;
}

export interface AirdropChainState {
  blockNumber: bigint;
  chainTime: bigint;
  merkleRoot: Hex;
  claimStart: bigint;
  claimEnd: bigint;
  totalClaimed: bigint;
  claimCount: bigint;
  balance: bigint;
  swept: boolean;
  treasury: Address;
  claimed: boolean;
  /** For claim-and-delegate's signature: the account's ALT nonce and the token's EIP-712 domain. */
  nonce: bigint;
  domain: { name: string; version: string };
  operators: OperatorChoice[];
}

/** How many operators the claim-and-stake picker offers (active ones, in registration order). */
const OPERATOR_PAGE = 200n;

export async function readAirdrop(
  client: ReadClient,
  chain: ChainConfig,
  account: Address,
): Promise<AirdropChainState> {
  const { airdrop, alt, staking } = chain.contracts;
  if (!airdrop || !alt) throw new Error('The airdrop is not deployed on this chain.');
  const multicall3 = multicall3Of(chain);
  const [blockNumber, chainTime, info, claimed, treasury, nonce, domain, operators] = await multicall(client, {
    multicallAddress: multicall3,
    allowFailure: false,
    contracts: [
      ...headCalls(multicall3),
      { address: airdrop, abi: altAirdropAbi, functionName: 'info' },
      { address: airdrop, abi: altAirdropAbi, functionName: 'isClaimed', args: [account] },
      { address: airdrop, abi: altAirdropAbi, functionName: 'treasury' },
      { address: alt, abi: altTokenAbi, functionName: 'nonces', args: [account] },
      { address: alt, abi: altTokenAbi, functionName: 'eip712Domain' },
      staking
        ? { address: staking, abi: altStakingAbi, functionName: 'getOperators', args: [0n, OPERATOR_PAGE] }
        : { address: multicall3, abi: multicall3Abi, functionName: 'getBlockNumber' },
    ],
  });
  const operatorList = staking
    ? (operators as readonly { operator: Address; status: number; metadataURI: string; commissionBps: number }[])
    : [];
  return {
    blockNumber,
    chainTime,
    merkleRoot: info.merkleRoot,
    claimStart: BigInt(info.claimStart),
    claimEnd: BigInt(info.claimEnd),
    totalClaimed: info.totalClaimed,
    claimCount: info.claimCount,
    balance: info.balance,
    swept: info.swept,
    treasury,
    claimed,
    nonce,
    domain: { name: domain[1], version: domain[2] },
    operators: operatorList
      .filter((o) => o.status === 1)
      .map((o) => ({ address: o.operator, metadataURI: o.metadataURI, commissionBps: o.commissionBps })),
  };
}
