import { describe, expect, it } from 'vitest';
import {
  encodeAbiParameters,
  getAddress,
  encodeErrorResult,
  encodeFunctionResult,
  pad,
  type Address,
  type Hex,
} from 'viem';
import { altLayerTokenAbi, altStakingAbi } from '../../../lib/contracts/generated.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';
import { movementsOf, NATIVE, numbersOf, preflight, revertReason } from './preflight.ts';

const TIMELOCK = getAddress('0x00000000000000000000000000000000000000aa');
const ALT = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const STAKING = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as Address;
const TO = getAddress('0x00000000000000000000000000000000000000bb');
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const transferLog = (token: Address, from: Address, to: Address, amount: bigint) => ({
  address: token,
  topics: [TRANSFER, pad(from), pad(to)] as Hex[],
  data: encodeAbiParameters([{ type: 'uint256' }], [amount]),
});

/** A client that answers each method with `answers[method]` (an error to throw, or a result). */
const clientOf = (answers: Record<string, (params: any) => unknown>) => {
  const seen: string[] = [];
  const client = {
    request: async ({ method, params }: { method: string; params: unknown }) => {
      seen.push(method);
      const answer = answers[method];
      if (!answer) throw Object.assign(new Error('Method not found'), { code: -32601 });
      return answer(params);
    },
  } as unknown as ReadClient;
  return { client, seen };
};

const GOVERNOR = getAddress('0x00000000000000000000000000000000000000cc');
const input = {
  executor: TIMELOCK,
  governor: GOVERNOR,
  targets: [ALT, STAKING],
  values: [0n, 0n],
  calldatas: ['0x01', '0x02'] as Hex[],
  contracts: { staking: STAKING },
};

describe('movementsOf', () => {
  it('reads ERC-20 transfers and traced native transfers, and nothing else', () => {
    expect(
      movementsOf([
        transferLog(ALT, TIMELOCK, TO, 5n),
        transferLog(NATIVE as Address, TIMELOCK, TO, 7n),
        // An ERC-721 transfer has its token id as a fourth topic.
        { ...transferLog(ALT, TIMELOCK, TO, 1n), topics: [...transferLog(ALT, TIMELOCK, TO, 1n).topics, pad('0x01')] },
        { address: ALT, topics: ['0x1234' as Hex], data: '0x' },
      ]),
    ).toEqual([
      { token: ALT, from: TIMELOCK, to: TO, amount: 5n },
      { token: NATIVE, from: TIMELOCK, to: TO, amount: 7n },
    ]);
  });
});

describe('revertReason', () => {
  it("names the protocol's errors in words, with their arguments", async () => {
    const data = encodeErrorResult({
      abi: altLayerTokenAbi,
      errorName: 'ERC20InsufficientBalance',
      args: [TIMELOCK, 4n, 5n],
    });
    const reason = await revertReason(data);
    expect(reason).toContain(`ERC20InsufficientBalance(${TIMELOCK}, 4, 5)`);
    expect(reason).toMatch(/^0x0+AA holds /);
  });
  it('reads Error(string), and says so when there is no reason', async () => {
    const data = encodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ type: 'string' }] }],
      errorName: 'Error',
      args: ['nope'],
    });
    expect(await revertReason(data)).toBe('nope');
    expect(await revertReason('0x')).toBe('It reverts without a reason.');
  });
});

describe('preflight', () => {
  const params = (rate: bigint) =>
    encodeFunctionResult({
      abi: altStakingAbi,
      functionName: 'getParameters',
      result: {
        unbondingPeriod: 1n,
        commissionDelay: 2n,
        maxCommissionBps: 3n,
        minStake: 4n,
        rewardRate: rate,
        treasury: TIMELOCK,
        totalActiveStake: 5n,
        totalUnbondingStake: 6n,
        totalEarningStake: 7n,
        undistributedRewards: 8n,
        rewardsReserve: 9n,
        slashedPending: 10n,
        operatorCount: 11n,
      } as never,
    });

  it('simulates the actions as one sequence, with movements and parameters before and after', async () => {
    const { client, seen } = clientOf({
      eth_simulateV1: ([{ blockStateCalls }]: any) => {
        const calls = blockStateCalls[0].calls;
        expect(calls.map((c: any) => [c.from, c.to])).toEqual([
          [TIMELOCK, STAKING],
          [TIMELOCK, ALT],
          [TIMELOCK, STAKING],
          [TIMELOCK, STAKING],
        ]);
        return [
          {
            calls: [
              { status: '0x1', returnData: params(10n), logs: [] },
              { status: '0x1', returnData: '0x', logs: [transferLog(ALT, TIMELOCK, STAKING, 9n)] },
              { status: '0x1', returnData: '0x', logs: [] },
              { status: '0x1', returnData: params(20n), logs: [] },
            ],
          },
        ];
      },
    });
    const result = await preflight(client, input, 100n);
    expect(seen).toEqual(['eth_simulateV1']);
    expect(result).toEqual({
      method: 'sequence',
      blockNumber: 100n,
      outcomes: [{ status: 'ok' }, { status: 'ok' }],
      movements: [{ token: ALT, from: TIMELOCK, to: STAKING, amount: 9n }],
      changes: [{ contract: STAKING, name: 'rewardRate', before: 10n, after: 20n }],
    });
  });

  it('reports the action that reverts, and no movements (an execution reverts as a whole)', async () => {
    const revert = encodeErrorResult({
      abi: altLayerTokenAbi,
      errorName: 'ERC20InsufficientBalance',
      args: [TIMELOCK, 4n, 5n],
    });
    const { client } = clientOf({
      eth_simulateV1: () => [
        {
          calls: [
            { status: '0x1', returnData: params(10n), logs: [] },
            { status: '0x0', returnData: revert, logs: [] },
            { status: '0x1', returnData: '0x', logs: [transferLog(ALT, TIMELOCK, STAKING, 9n)] },
            { status: '0x1', returnData: params(10n), logs: [] },
          ],
        },
      ],
    });
    const result = await preflight(client, input, 100n);
    expect(result.method === 'sequence' && result.outcomes[0]).toMatchObject({ status: 'reverts' });
    expect(result.method === 'sequence' && result.movements).toEqual([]);
  });

  it('falls back to one eth_call per action without eth_simulateV1, and says when it cannot simulate at all', async () => {
    const { client, seen } = clientOf({ eth_call: () => '0x' });
    expect(await preflight(client, input, 5n)).toEqual({
      method: 'each',
      blockNumber: 5n,
      outcomes: [{ status: 'ok' }, { status: 'ok' }],
    });
    expect(seen).toEqual(['eth_simulateV1', 'eth_call', 'eth_call']);
    const none = clientOf({});
    expect((await preflight(none.client, input, 5n)).method).toBe('unavailable');
  });

  it('gives the executor the coin the actions send, on top of what it holds', async () => {
    const overrides: unknown[] = [];
    const { client } = clientOf({
      eth_getBalance: () => '0x10',
      eth_simulateV1: ([{ blockStateCalls }]: any) => {
        overrides.push(blockStateCalls[0].stateOverrides);
        return [{ calls: blockStateCalls[0].calls.map(() => ({ status: '0x1', returnData: '0x', logs: [] })) }];
      },
    });
    await preflight(client, { ...input, values: [3n, 4n] }, 5n);
    expect(overrides).toEqual([{ [TIMELOCK]: { balance: '0x17' } }]);
    const fallback = clientOf({
      eth_getBalance: () => '0x10',
      eth_call: (p: unknown[]) => (overrides.push(p[2]), '0x'),
    });
    await preflight(fallback.client, { ...input, values: [3n, 0n] }, 5n);
    // The action that sends nothing is sent as it is.
    expect(overrides.slice(1)).toEqual([{ [TIMELOCK]: { balance: '0x13' } }, undefined]);
  });

  it('leaves a call to the governor itself out, and says it was not simulated', async () => {
    const sent: unknown[] = [];
    const { client } = clientOf({
      eth_simulateV1: ([{ blockStateCalls }]: any) => {
        sent.push(...blockStateCalls[0].calls.map((c: any) => c.to));
        return [{ calls: blockStateCalls[0].calls.map(() => ({ status: '0x1', returnData: '0x', logs: [] })) }];
      },
    });
    const result = await preflight(client, { ...input, targets: [GOVERNOR, ALT], contracts: {} }, 5n);
    expect(sent).toEqual([ALT]);
    expect(result.method === 'sequence' && result.outcomes.map((o) => o.status)).toEqual(['not-simulated', 'ok']);
  });

  it('reports a provider failure (a block it lacks) as a failure, never as "cannot simulate"', async () => {
    const { client } = clientOf({
      eth_simulateV1: () => {
        throw Object.assign(new Error('header not found'), { code: -32000 });
      },
    });
    await expect(preflight(client, input, 5n)).rejects.toThrow('header not found');
  });

  it('reads numbers out of a view answer', () => {
    expect(numbersOf(altStakingAbi, 'getParameters', params(7n))).toContainEqual(['rewardRate', 7n]);
  });
});
