/**
 * Checks that the token at an address is ALT as deployed on Ethereum and BNB Smart Chain: the
 * AltLayerToken composition (ERC20, burnable, EIP-2612 permit with the "AltLayer Token" domain, capped
 * at 10B, pausable and mintable by its owner) and no vote functions. The deploy command refuses to run
 * against anything else.
 */
import { getAddress, toFunctionSelector, type Address, type Client } from 'viem';
import { call, getCode, readContract } from 'viem/actions';
import { altLayerTokenAbi } from '../../src/lib/contracts/generated.ts';

/** Functions ALT has, found in its runtime code's dispatch table. */
const REQUIRED = [
  'pause()',
  'unpause()',
  'paused()',
  'mint(address,uint256)',
  'burn(uint256)',
  'burnFrom(address,uint256)',
  'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)',
  'cap()',
  'owner()',
  'transferOwnership(address)',
];
/** Vote functions ALT must not have: voting power comes from AltVotes. */
const FORBIDDEN = [
  'delegate(address)',
  'delegates(address)',
  'getVotes(address)',
  'getPastVotes(address,uint256)',
  'clock()',
  'CLOCK_MODE()',
];
const CAP = 10_000_000_000n * 10n ** 18n;

/** True when the runtime code pushes `selector` (PUSH4), as a Solidity dispatcher does. */
export function hasSelector(code: string, signature: string): boolean {
  return code.toLowerCase().includes(`63${toFunctionSelector(signature).slice(2)}`);
}

/** Every way the token at `address` differs from mainnet ALT; empty when it is ALT. */
export async function altCompositionProblems(client: Client, address: Address): Promise<string[]> {
  const code = await getCode(client, { address });
  if (!code || code === '0x') return [`there is no contract at ${address}`];
  const problems: string[] = [];
  for (const signature of REQUIRED) {
    if (!hasSelector(code, signature)) problems.push(`it has no ${signature}`);
  }
  for (const signature of FORBIDDEN) {
    if (hasSelector(code, signature)) problems.push(`it has ${signature}, which ALT does not`);
    else {
      const data = toFunctionSelector(signature).padEnd(10 + 64 * 2, '0') as `0x${string}`;
      const answered = await call(client, { to: address, data }).then(
        (r) => r.data !== undefined && r.data !== '0x',
        () => false,
      );
      if (answered) problems.push(`it answers ${signature}, which ALT does not`);
    }
  }
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readContract(client, { address, abi: altLayerTokenAbi, functionName, args } as any).then(
      (v) => v as T,
      () => undefined,
    );
  const expect = (label: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted) problems.push(`its ${label} is ${String(actual)}, not ${String(wanted)}`);
  };
  expect('name', await read<string>('name'), 'AltLayer Token');
  expect('symbol', await read<string>('symbol'), 'ALT');
  expect('decimals', await read<number>('decimals'), 18);
  expect('cap', await read<bigint>('cap'), CAP);
  const domain = await read<readonly [string, string, string, bigint, Address]>('eip712Domain');
  expect('EIP-712 name', domain?.[1], 'AltLayer Token');
  expect('EIP-712 version', domain?.[2], '1');
  expect('EIP-712 verifying contract', domain && getAddress(domain[4]), getAddress(address));
  if ((await read<boolean>('paused')) === undefined) problems.push('paused() does not answer');
  if ((await read<Address>('owner')) === undefined) problems.push('owner() does not answer');
  return problems;
}
