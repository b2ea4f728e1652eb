/**
 * Property-based test of AltStaking's arithmetic: random sequences of stake, unstake, redelegate,
 * slash, claim, compound, withdraw and time passing, checked against the pool invariants.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from 'viem';
import { altStakingAbi, altTokenAbi } from '../../src/lib/contracts/generated.ts';
import { asImpersonated, send } from '../../devnet/client.ts';
import { ALT, DAY, tx, useChain } from './fixture.ts';

/** Reverts a random sequence may legitimately hit; anything else fails the property. */
const EXPECTED_REVERTS = new Set([
  'ZeroAmount',
  'InsufficientStake',
  'NothingToClaim',
  'RequestLocked',
  'AmountBelowMinimum',
  'ZeroShares',
  'EmptyRequestList',
]);

const action = fc.oneof(
  fc.record({
    kind: fc.constant('stake' as const),
    who: fc.nat(2),
    op: fc.nat(1),
    amount: fc.bigInt({ min: 1n, max: ALT(200_000) }),
  }),
  fc.record({
    kind: fc.constant('unstake' as const),
    who: fc.nat(2),
    op: fc.nat(1),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('redelegate' as const),
    who: fc.nat(2),
    op: fc.nat(1),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant('slash' as const), op: fc.nat(1), bps: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('claim' as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant('compound' as const), who: fc.nat(2), op: fc.nat(1) }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 9 * DAY }) }),
);

describe('AltStaking invariants', () => {
  const chain = useChain({
    setup: async (c) => {
      const { staking, timelock, alt } = c.deployment.contracts;
      const [deployer, opA, opB, s1, s2, s3] = c.accounts;
      for (const who of [s1, s2, s3]) {
        await c.fund(who, ALT(1_000_000));
        await send(c.client, who, {
          address: alt,
          abi: altTokenAbi,
          functionName: 'approve',
          args: [staking, ALT(1_000_000)],
        });
      }
      await asImpersonated(c.client, timelock, async () => {
        for (const op of [opA, opB])
          await send(c.client, timelock, {
            address: staking,
            abi: altStakingAbi,
            functionName: 'setOperatorAllowlisted',
            args: [op, true],
          });
        await send(c.client, timelock, {
          address: staking,
          abi: altStakingAbi,
          functionName: 'setRewardRate',
          args: [ALT(1)],
        });
      });
      await send(c.client, opA, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'registerOperator',
        args: ['a', 1, 1_000],
      });
      await send(c.client, opB, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'registerOperator',
        args: ['b', 2, 0],
      });
      await send(c.client, deployer, {
        address: alt,
        abi: altTokenAbi,
        functionName: 'approve',
        args: [staking, ALT(10_000_000)],
      });
      await send(c.client, deployer, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'fundRewards',
        args: [ALT(10_000_000)],
      });
    },
  });

  it('keep every pool backed, no staker ahead of what they put in, and rewards within funding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        const snapshot = await chain.client.snapshot();
        const { staking, alt, timelock } = chain.deployment.contracts;
        const [, opA, opB, s1, s2, s3] = chain.accounts;
        const operators = [opA, opB];
        const stakers = [s1, s2, s3];
        const S = { address: staking, abi: altStakingAbi } as const;
        const read = (functionName: string, args: readonly unknown[] = []) =>
          chain.client.readContract({ ...S, functionName, args } as any) as Promise<any>;
        const put = new Map<Address, bigint>(stakers.map((s) => [s, 0n]));
        const withdrawn = new Map<Address, bigint>(stakers.map((s) => [s, 0n]));
        let rewardsOut = 0n;
        const balanceOf = (who: Address) =>
          chain.client.readContract({ address: alt, abi: altTokenAbi, functionName: 'balanceOf', args: [who] });

        const attempt = async (from: Address, functionName: string, args: readonly unknown[]) => {
          try {
            await chain.client.simulateContract({ ...S, functionName, args, account: from } as any);
          } catch (error: any) {
            const name = error?.walk?.((e: any) => e?.data?.errorName)?.data?.errorName;
            if (!EXPECTED_REVERTS.has(name)) throw error;
            return false;
          }
          await send(chain.client, from, { ...S, functionName, args } as any);
          return true;
        };
        const positionOf = async (who: Address, op: Address) =>
          ((await read('getStaker', [who]))[0] as any[]).find((p) => p.operator === op);

        const checkPools = async () => {
          const [parameters, infos, contractBalance] = await Promise.all([
            read('getParameters'),
            read('getOperators', [0n, 10n]),
            balanceOf(staking),
          ]);
          const pools = infos.reduce((sum: bigint, o: any) => sum + o.totalStake + o.unbondingStake, 0n);
          expect(contractBalance).toBe(pools + parameters.rewardsReserve);
          for (const info of infos) {
            let staked = 0n;
            let unbonding = 0n;
            for (const who of stakers) {
              const [positions, requests] = await read('getStaker', [who]);
              staked += positions
                .filter((p: any) => p.operator === info.operator)
                .reduce((s: bigint, p: any) => s + p.stake, 0n);
              unbonding += requests
                .filter((r: any) => r.operator === info.operator)
                .reduce((s: bigint, r: any) => s + r.amount, 0n);
            }
            expect(staked).toBeLessThanOrEqual(info.totalStake);
            expect(unbonding).toBeLessThanOrEqual(info.unbondingStake);
          }
        };

        for (const a of actions) {
          if (a.kind === 'stake') {
            if (await attempt(stakers[a.who], 'stake', [operators[a.op], a.amount]))
              put.set(stakers[a.who], put.get(stakers[a.who])! + a.amount);
          } else if (a.kind === 'unstake' || a.kind === 'redelegate') {
            const position = await positionOf(stakers[a.who], operators[a.op]);
            const amount = ((position?.stake ?? 0n) * BigInt(a.percent)) / 100n;
            if (a.kind === 'unstake') await attempt(stakers[a.who], 'unstake', [operators[a.op], amount]);
            else await attempt(stakers[a.who], 'redelegate', [operators[a.op], operators[1 - a.op], amount]);
          } else if (a.kind === 'slash') {
            await asImpersonated(chain.client, timelock, () =>
              tx(chain, timelock, { ...S, functionName: 'slash', args: [operators[a.op], BigInt(a.bps), 'property'] }),
            );
          } else if (a.kind === 'claim') {
            const before = await balanceOf(stakers[a.who]);
            await attempt(stakers[a.who], 'claimRewards', [operators]);
            rewardsOut += (await balanceOf(stakers[a.who])) - before;
          } else if (a.kind === 'compound') {
            const before: bigint = (await positionOf(stakers[a.who], operators[a.op]))?.principal ?? 0n;
            if (await attempt(stakers[a.who], 'compound', [operators[a.op]])) {
              // Compounding adds exactly the compounded rewards to the principal: count them as put in.
              const compounded: bigint = (await positionOf(stakers[a.who], operators[a.op])).principal - before;
              put.set(stakers[a.who], put.get(stakers[a.who])! + compounded);
              rewardsOut += compounded;
            }
          } else if (a.kind === 'withdraw') {
            const [, requests] = await read('getStaker', [stakers[a.who]]);
            const now = Number((await chain.client.getBlock()).timestamp) + 1;
            const ready = requests.filter((r: any) => r.unlockTime <= now).map((r: any) => r.id);
            const before = await balanceOf(stakers[a.who]);
            await attempt(stakers[a.who], 'withdraw', [ready]);
            withdrawn.set(stakers[a.who], withdrawn.get(stakers[a.who])! + (await balanceOf(stakers[a.who])) - before);
          } else {
            await chain.client.increaseTime({ seconds: a.seconds });
            await chain.client.mine({ blocks: 1 });
          }
          await checkPools();
        }

        // Everyone exits completely; nobody may get back more than they put in (rewards counted apart).
        for (const who of stakers) for (const op of operators) await attempt(who, 'unstakeAll', [op]);
        await chain.client.increaseTime({ seconds: 8 * DAY });
        await chain.client.mine({ blocks: 1 });
        for (const who of stakers) {
          const [, requests] = await read('getStaker', [who]);
          const before = await balanceOf(who);
          if (requests.length) await attempt(who, 'withdraw', [requests.map((r: any) => r.id)]);
          withdrawn.set(who, withdrawn.get(who)! + (await balanceOf(who)) - before);
          expect(withdrawn.get(who)!).toBeLessThanOrEqual(put.get(who)!);
        }
        expect(rewardsOut).toBeLessThanOrEqual(ALT(10_000_000));
        await checkPools();
        await chain.client.revert({ id: snapshot });
      }),
      { numRuns: 15, seed: 20_241_122, endOnFailure: true },
    );
  });
});
