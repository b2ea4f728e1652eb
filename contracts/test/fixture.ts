/** Contract-test fixture: an anvil per test file, the protocol deployed once, a snapshot per test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { getAddress, parseEther, parseSignature, type Address, type Hex } from 'viem';
import { permitTypes } from '../../src/lib/contracts/typed-data.ts';
import { altLayerTokenAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { decodeProtocolError } from '../../src/lib/contracts/errors.ts';
import { startAnvil, type Anvil } from '../../devnet/anvil.ts';
import { createDevnetClient, installMulticall3, mineAt, send, type DevnetClient } from '../../devnet/client.ts';
import { DEFAULT_PARAMETERS, deployProtocol, type Deployment, type ProtocolParameters } from '../../devnet/deploy.ts';

export const DAY = 86_400;
export const ALT = (n: number | string) => parseEther(String(n));

export interface Chain {
  client: DevnetClient;
  accounts: Address[];
  deployment: Deployment;
  /** Chain time of the latest block. */
  now(): Promise<number>;
  /** Mines a block `seconds` after the latest one. */
  advance(seconds: number): Promise<void>;
  /** Mints ALT to `to` from ALT's owner. */
  fund(to: Address, amount: bigint): Promise<void>;
  /** Wraps `amount` of `who`'s ALT into voting power delegated to `delegatee` (itself by default). */
  wrap(who: Address, amount: bigint, delegatee?: Address): Promise<void>;
  altBalance(who: Address): Promise<bigint>;
  /** `owner`'s EIP-2612 permit signature for `value` to `spender`, split for the contract call. */
  signPermit(owner: Address, spender: Address, value: bigint, deadline: bigint): Promise<{ v: number; r: Hex; s: Hex }>;
}

export interface ChainOptions {
  parameters?: Partial<ProtocolParameters>;
  airdrop?: { root: Hex; startOffset: number; duration: number };
  setup?: (chain: Chain) => Promise<void>;
}

/** Starts anvil for this file, deploys, runs `setup`, and reverts to that state before each test. */
export function useChain(options: ChainOptions = {}): Chain {
  let anvil: Anvil;
  let snapshot: Hex;
  const chain = {} as Chain;

  beforeAll(async () => {
    const port = 8600 + Number(process.env.VITEST_POOL_ID ?? 0) * 7 + Math.floor(Math.random() * 7);
    anvil = await startAnvil({ port, accounts: 20 });
    const client = createDevnetClient(anvil.url);
    await installMulticall3(client);
    const accounts = (await client.getAddresses()).map((a) => getAddress(a));
    const start = Number((await client.getBlock()).timestamp);
    const airdrop = options.airdrop ?? { root: `0x${'11'.repeat(32)}` as Hex, startOffset: DAY, duration: 30 * DAY };
    const deployment = await deployProtocol(
      client,
      { deployer: accounts[0], altOwner: accounts[19] },
      {
        root: airdrop.root,
        claimStart: BigInt(start + airdrop.startOffset),
        claimEnd: BigInt(start + airdrop.startOffset + airdrop.duration),
      },
      { ...DEFAULT_PARAMETERS, ...options.parameters },
    );
    Object.assign(chain, {
      client,
      accounts,
      deployment,
      now: async () => Number((await client.getBlock()).timestamp),
      advance: async (seconds: number) => mineAt(client, (await chain.now()) + seconds),
      altBalance: (who: Address) =>
        client.readContract({
          address: deployment.contracts.alt,
          abi: altLayerTokenAbi,
          functionName: 'balanceOf',
          args: [who],
        }),
      signPermit: async (owner: Address, spender: Address, value: bigint, deadline: bigint) => {
        const nonce = await client.readContract({
          address: deployment.contracts.alt,
          abi: altLayerTokenAbi,
          functionName: 'nonces',
          args: [owner],
        });
        const signature = await client.signTypedData({
          account: owner,
          domain: { name: 'AltLayer Token', version: '1', chainId: 31337, verifyingContract: deployment.contracts.alt },
          types: permitTypes,
          primaryType: 'Permit',
          message: { owner, spender, value, nonce, deadline },
        });
        const { v, r, s } = parseSignature(signature);
        return { v: Number(v), r, s };
      },
      fund: async (to: Address, amount: bigint) => {
        await send(client, deployment.altOwner, {
          address: deployment.contracts.alt,
          abi: altLayerTokenAbi,
          functionName: 'mint',
          args: [to, amount],
        });
      },
      wrap: async (who: Address, amount: bigint, delegatee: Address = who) => {
        const { alt, votes } = deployment.contracts;
        await send(client, who, {
          address: alt,
          abi: altLayerTokenAbi,
          functionName: 'approve',
          args: [votes, amount],
        });
        await send(client, who, {
          address: votes,
          abi: altVotesAbi,
          functionName: 'depositAndDelegate',
          args: [amount, delegatee],
        });
      },
    });
    await options.setup?.(chain);
    snapshot = await client.snapshot();
  }, 60_000);

  beforeEach(async () => {
    await chain.client.revert({ id: snapshot });
    snapshot = await chain.client.snapshot();
  });

  afterAll(async () => {
    await anvil?.stop();
  });

  return chain;
}

/** Runs `fn` and returns the custom error name it reverted with (through viem's decoding). */
export async function revertName(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error: any) {
    const named = error?.walk?.((e: any) => e?.data?.errorName);
    if (named?.data?.errorName) return named.data.errorName;
    // A revert bubbling up from another contract (the timelock under the governor) is not in the
    // called contract's ABI: decode it against every protocol error.
    const raw = error?.walk?.((e: any) => typeof e?.raw === 'string')?.raw;
    const decoded = raw ? decodeProtocolError(raw) : undefined;
    if (decoded) return decoded.errorName;
    throw new Error(`reverted without a decodable custom error: ${error?.shortMessage ?? error}`);
  }
  throw new Error('expected a revert, but the call succeeded');
}

/** Simulates a call from `from` (so reverts decode), then sends it and waits for the receipt. */
export async function tx(
  chain: Chain,
  from: Address,
  call: { address: Address; abi: any; functionName: string; args?: readonly unknown[] },
) {
  await chain.client.simulateContract({ ...call, account: from } as any);
  return send(chain.client, from, call as any);
}
