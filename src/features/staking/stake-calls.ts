/**
 * Staking writes as contract calls, and the EIP-2612 permit a one-transaction stake needs. Every
 * approval is for the exact amount being staked, never unlimited.
 */
import type { Config } from '@wagmi/core';
import { parseSignature, type Address } from 'viem';
import { altStakingAbi, altTokenAbi } from '../../lib/contracts/generated.ts';
import type { TxCall } from '../../lib/tx/lifecycle.ts';
import { permitTypes } from '../../lib/contracts/typed-data.ts';

export interface StakingContracts {
  staking: Address;
  alt: Address;
}

export const approveCall = ({ alt, staking }: StakingContracts, amount: bigint): TxCall => ({
  address: alt,
  abi: altTokenAbi,
  functionName: 'approve',
  args: [staking, amount],
});

export const stakeCall = ({ staking }: StakingContracts, operator: Address, amount: bigint): TxCall => ({
  address: staking,
  abi: altStakingAbi,
  functionName: 'stake',
  args: [operator, amount],
});

export interface Permit {
  amount: bigint;
  deadline: bigint;
  signature: `0x${string}`;
}

export const stakeWithPermitCall = ({ staking }: StakingContracts, operator: Address, permit: Permit): TxCall => {
  const { v, r, s } = parseSignature(permit.signature);
  return {
    address: staking,
    abi: altStakingAbi,
    functionName: 'stakeWithPermit',
    args: [operator, permit.amount, permit.deadline, Number(v), r, s],
  };
};

/** Asks the wallet to sign ALT's EIP-2612 permit for exactly `amount` to the staking contract. */
export async function signPermit(
  walletConfig: Config,
  params: {
    account: Address;
    contracts: StakingContracts;
    chainId: number;
    domain: { name: string; version: string };
    nonce: bigint;
    amount: bigint;
    deadline: bigint;
  },
): Promise<Permit> {
  const { signTypedData } = await import('../../lib/web3/wallet-runtime.ts');
  const signature = await signTypedData(walletConfig, {
    account: params.account,
    domain: { ...params.domain, chainId: params.chainId, verifyingContract: params.contracts.alt },
    types: permitTypes,
    primaryType: 'Permit',
    message: {
      owner: params.account,
      spender: params.contracts.staking,
      value: params.amount,
      nonce: params.nonce,
      deadline: params.deadline,
    },
  });
  return { amount: params.amount, deadline: params.deadline, signature };
}

/** Unstakes `amount`, or the whole position (no dust left behind) when `all` is set. */
export const unstakeCall = ({ staking }: StakingContracts, operator: Address, amount: bigint, all: boolean): TxCall =>
  all
    ? { address: staking, abi: altStakingAbi, functionName: 'unstakeAll', args: [operator] }
    : { address: staking, abi: altStakingAbi, functionName: 'unstake', args: [operator, amount] };

export const redelegateCall = ({ staking }: StakingContracts, from: Address, to: Address, amount: bigint): TxCall => ({
  address: staking,
  abi: altStakingAbi,
  functionName: 'redelegate',
  args: [from, to, amount],
});

export const withdrawCall = ({ staking }: StakingContracts, requestIds: bigint[]): TxCall => ({
  address: staking,
  abi: altStakingAbi,
  functionName: 'withdraw',
  args: [requestIds],
});

export const claimRewardsCall = ({ staking }: StakingContracts, operators: Address[]): TxCall => ({
  address: staking,
  abi: altStakingAbi,
  functionName: 'claimRewards',
  args: [operators],
});

export const compoundCall = ({ staking }: StakingContracts, operator: Address): TxCall => ({
  address: staking,
  abi: altStakingAbi,
  functionName: 'compound',
  args: [operator],
});

/** Query roots a staking transaction changes. */
export const STAKING_TOUCHES = ['staking', 'overview', 'balances'];
