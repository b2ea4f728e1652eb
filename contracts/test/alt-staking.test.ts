import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { asImpersonated } from '../../devnet/client.ts';
import { ALT, DAY, revertName, tx, useChain, type Chain } from './fixture.ts';

const VITAL = 1;
const MACH = 2;

function helpers(chain: Chain) {
  const staking = () => ({ address: chain.deployment.contracts.staking, abi: altStakingAbi }) as const;
  const token = () => ({ address: chain.deployment.contracts.alt, abi: altLayerTokenAbi }) as const;
  const votes = (functionName: string, args: readonly unknown[]) =>
    chain.client.readContract({
      address: chain.deployment.contracts.votes,
      abi: altVotesAbi,
      functionName,
      args,
    } as any) as Promise<any>;
  const timelock = () => chain.deployment.contracts.timelock;
  const asGov = (functionName: string, args: readonly unknown[]) =>
    asImpersonated(chain.client, timelock(), () => tx(chain, timelock(), { ...staking(), functionName, args }));
  const read = (functionName: string, args: readonly unknown[] = []) =>
    chain.client.readContract({ ...staking(), functionName, args } as any) as Promise<any>;
  const balance = (who: Address) => chain.client.readContract({ ...token(), functionName: 'balanceOf', args: [who] });
  const stake = async (from: Address, operator: Address, amount: bigint) => {
    await tx(chain, from, { ...token(), functionName: 'approve', args: [staking().address, amount] });
    return tx(chain, from, { ...staking(), functionName: 'stake', args: [operator, amount] });
  };
  return { staking, token, asGov, read, balance, stake, votes };
}

describe('AltStaking', () => {
  const chain = useChain({
    setup: async (c) => {
      const { asGov, staking } = helpers(c);
      const [, opA, opB, alice, bob] = c.accounts;
      for (const who of [opA, opB, alice, bob]) await c.fund(who, ALT(1_000_000));
      await asGov('setOperatorAllowlisted', [opA, true]);
      await asGov('setOperatorAllowlisted', [opB, true]);
      await tx(c, opA, { ...staking(), functionName: 'registerOperator', args: ['ipfs://a', VITAL | MACH, 1_000] });
      await tx(c, opB, { ...staking(), functionName: 'registerOperator', args: ['ipfs://b', MACH, 500] });
    },
  });
  const h = helpers(chain);
  const acct = () => {
    const [deployer, opA, opB, alice, bob, carol] = chain.accounts;
    return { deployer, opA, opB, alice, bob, carol };
  };

  describe('operators', () => {
    it('refuses registration without the allowlist, twice, with bad services or commission', async () => {
      const { carol, opA } = acct();
      const register = (from: Address, services: number, bps: number) =>
        tx(chain, from, { ...h.staking(), functionName: 'registerOperator', args: ['x', services, bps] });
      expect(await revertName(() => register(carol, VITAL, 100))).toBe('OperatorNotAllowlisted');
      expect(await revertName(() => register(opA, VITAL, 100))).toBe('OperatorAlreadyRegistered');
      await h.asGov('setOperatorAllowlisted', [carol, true]);
      expect(await revertName(() => register(carol, 0, 100))).toBe('InvalidServices');
      expect(await revertName(() => register(carol, 8, 100))).toBe('InvalidServices');
      expect(await revertName(() => register(carol, VITAL, 2_001))).toBe('CommissionTooHigh');
    });

    it('lists operators with their figures in pages', async () => {
      const { opA, opB } = acct();
      expect(await h.read('operatorCount')).toBe(2n);
      const [a, b] = await h.read('getOperators', [0n, 10n]);
      expect(a).toMatchObject({
        operator: opA,
        status: 1,
        services: VITAL | MACH,
        commissionBps: 1000,
        metadataURI: 'ipfs://a',
      });
      expect(b.operator).toBe(opB);
      expect(await h.read('getOperators', [1n, 10n])).toHaveLength(1);
      expect(await h.read('getOperators', [5n, 10n])).toHaveLength(0);
      expect(await revertName(() => h.read('getOperator', [acct().carol]))).toBe('UnknownOperator');
    });

    it('applies a commission change at the first day start after the delay, with the pending change readable', async () => {
      const { opA } = acct();
      await tx(chain, opA, { ...h.staking(), functionName: 'requestCommissionChange', args: [1_500] });
      const now = await chain.now();
      let info = await h.read('getOperator', [opA]);
      expect(info.commissionBps).toBe(1000);
      expect(info.pendingCommissionBps).toBe(1500);
      expect(info.commissionEffectiveAt).toBe((Math.floor((now + 7 * DAY) / DAY) + 1) * DAY);
      expect(
        await revertName(() =>
          tx(chain, opA, { ...h.staking(), functionName: 'requestCommissionChange', args: [2_500] }),
        ),
      ).toBe('CommissionTooHigh');
      await chain.advance(8 * DAY);
      info = await h.read('getOperator', [opA]);
      expect(info.commissionBps).toBe(1500);
      expect(info.commissionEffectiveAt).toBe(0);
    });

    it('lets the operator or governance deactivate, and only governance touch the allowlist', async () => {
      const { opA, opB, alice } = acct();
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'deactivateOperator', args: [opA] })),
      ).toBe('NotOperatorOrAdmin');
      await tx(chain, opA, { ...h.staking(), functionName: 'deactivateOperator', args: [opA] });
      expect(await revertName(() => h.stake(alice, opA, ALT(10)))).toBe('OperatorNotActive');
      expect(
        await revertName(() => tx(chain, opA, { ...h.staking(), functionName: 'deactivateOperator', args: [opA] })),
      ).toBe('OperatorNotActive');
      await tx(chain, opA, { ...h.staking(), functionName: 'activateOperator', args: [opA] });
      expect(
        await revertName(() => tx(chain, opA, { ...h.staking(), functionName: 'activateOperator', args: [opA] })),
      ).toBe('OperatorAlreadyActive');
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'setOperatorAllowlisted', args: [alice, true] }),
        ),
      ).toBe('AccessControlUnauthorizedAccount');
      await h.asGov('setOperatorAllowlisted', [opB, false]);
      expect((await h.read('getOperator', [opB])).status).toBe(2);
      expect(
        await revertName(() => tx(chain, opB, { ...h.staking(), functionName: 'activateOperator', args: [opB] })),
      ).toBe('OperatorNotAllowlisted');
    });
  });

  describe('stake and unstake', () => {
    it('rejects zero, below-minimum and unknown-operator stakes', async () => {
      const { alice, opA, carol } = acct();
      expect(await revertName(() => h.stake(alice, opA, 0n))).toBe('ZeroAmount');
      expect(await revertName(() => h.stake(alice, opA, ALT('0.5')))).toBe('AmountBelowMinimum');
      expect(await revertName(() => h.stake(alice, carol, ALT(10)))).toBe('OperatorNotActive');
    });

    it('stakes with approve and with a permit in one call, each stake voting; only a stake agent stakes for others', async () => {
      const { alice, bob, carol, opA } = acct();
      await h.stake(alice, opA, ALT(1_000));
      const deadline = BigInt((await chain.now()) + 3600);
      const { v, r, s } = await chain.signPermit(bob, chain.deployment.contracts.staking, ALT(2_000), deadline);
      await tx(chain, bob, {
        ...h.staking(),
        functionName: 'stakeWithPermit',
        args: [opA, ALT(2_000), deadline, v, r, s],
      });
      await tx(chain, alice, { ...h.token(), functionName: 'approve', args: [h.staking().address, ALT(300)] });
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'stakeFor', args: [opA, ALT(300), carol] }),
        ),
      ).toBe('NotStakeAgent');
      const [alicePositions] = await h.read('getStaker', [alice]);
      const [bobPositions] = await h.read('getStaker', [bob]);
      const [carolPositions] = await h.read('getStaker', [carol]);
      expect(alicePositions[0].stake).toBe(ALT(1_000));
      expect(bobPositions[0].stake).toBe(ALT(2_000));
      expect(carolPositions).toHaveLength(0);
      expect((await h.read('getOperator', [opA])).stakerCount).toBe(2);
      // Stake votes for its owner, who never delegated: the first units delegate to themselves.
      expect(await h.votes('getVotes', [alice])).toBe(ALT(1_000));
      expect(await h.votes('getVotes', [carol])).toBe(0n);
      expect(await h.votes('delegates', [bob])).toBe(bob);
    });

    it('runs several unbonding requests in parallel, each with its own unlock time', async () => {
      const { alice, bob, opA } = acct();
      await h.stake(alice, opA, ALT(1_000));
      await tx(chain, alice, { ...h.staking(), functionName: 'unstake', args: [opA, ALT(100)] });
      const first = await chain.now();
      await chain.advance(2 * DAY);
      await tx(chain, alice, { ...h.staking(), functionName: 'unstake', args: [opA, ALT(200)] });
      // The second request's clock is its own block's: anvil may add a wall-clock second after the advance.
      const second = await chain.now();
      expect(second - first).toBeGreaterThanOrEqual(2 * DAY);
      const [, requests] = await h.read('getStaker', [alice]);
      expect(requests.map((r: any) => [r.id, r.requestedAmount, r.unlockTime])).toEqual([
        [1n, ALT(100), first + 21 * DAY],
        [2n, ALT(200), second + 21 * DAY],
      ]);
      expect(await h.votes('getVotes', [alice])).toBe(ALT(1_000));
      expect(await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[1n]] }))).toBe(
        'RequestLocked',
      );
      expect(await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[]] }))).toBe(
        'EmptyRequestList',
      );
      expect(await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[9n]] }))).toBe(
        'UnknownRequest',
      );
      await chain.advance(19 * DAY);
      expect(await revertName(() => tx(chain, bob, { ...h.staking(), functionName: 'withdraw', args: [[1n]] }))).toBe(
        'NotRequestOwner',
      );
      const before = await h.balance(alice);
      await tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[1n]] });
      expect((await h.balance(alice)) - before).toBe(ALT(100));
      expect(await h.votes('getVotes', [alice])).toBe(ALT(900));
      expect(await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[2n]] }))).toBe(
        'RequestLocked',
      );
      await chain.advance(2 * DAY);
      await tx(chain, alice, { ...h.staking(), functionName: 'withdraw', args: [[2n]] });
      expect((await h.balance(alice)) - before).toBe(ALT(300));
    });

    it('refuses to unstake more than the position and unstakes everything with unstakeAll', async () => {
      const { alice, opA } = acct();
      await h.stake(alice, opA, ALT(1_000));
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'unstake', args: [opA, ALT(1_001)] })),
      ).toBe('InsufficientStake');
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'unstake', args: [opA, 0n] })),
      ).toBe('ZeroAmount');
      await tx(chain, alice, { ...h.staking(), functionName: 'unstakeAll', args: [opA] });
      const [positions, requests] = await h.read('getStaker', [alice]);
      expect(positions).toHaveLength(0);
      expect(requests[0].requestedAmount).toBe(ALT(1_000));
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'unstakeAll', args: [opA] })),
      ).toBe('ZeroAmount');
    });

    it('redelegates through the unbonding period and refuses the same or an inactive operator', async () => {
      const { alice, opA, opB, carol } = acct();
      await h.stake(alice, opA, ALT(1_000));
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'redelegate', args: [opA, opA, ALT(1)] }),
        ),
      ).toBe('SameOperator');
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'redelegate', args: [opA, carol, ALT(1)] }),
        ),
      ).toBe('OperatorNotActive');
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'redelegate', args: [opA, opB, ALT('999.5')] }),
        ),
      ).toBe('RemainderBelowMinimum');
      await tx(chain, alice, { ...h.staking(), functionName: 'redelegate', args: [opA, opB, ALT(400)] });
      let [positions, requests] = await h.read('getStaker', [alice]);
      expect(positions.map((p: any) => [p.operator, p.stake])).toEqual([[opA, ALT(600)]]);
      expect(requests[0]).toMatchObject({ operator: opA, redelegateTo: opB, amount: ALT(400) });
      expect(
        await revertName(() =>
          tx(chain, alice, { ...h.staking(), functionName: 'completeRedelegation', args: [requests[0].id] }),
        ),
      ).toBe('RequestLocked');
      await chain.advance(21 * DAY);
      // Only its owner completes it: anyone else could force it into an operator about to be slashed.
      expect(
        await revertName(() =>
          tx(chain, carol, { ...h.staking(), functionName: 'completeRedelegation', args: [requests[0].id] }),
        ),
      ).toBe('NotRequestOwner');
      await tx(chain, alice, { ...h.staking(), functionName: 'completeRedelegation', args: [requests[0].id] });
      [positions, requests] = await h.read('getStaker', [alice]);
      const byOperator = Object.fromEntries(positions.map((p: any) => [p.operator, p.stake]));
      expect(byOperator).toEqual({ [opA]: ALT(600), [opB]: ALT(400) });
      expect(requests).toHaveLength(0);
      expect(await h.votes('getVotes', [alice])).toBe(ALT(1_000));
    });

    it('ignores ALT sent to it by mistake: accounting is internal', async () => {
      const { alice, bob, opB } = acct();
      await h.stake(alice, opB, ALT(1));
      await tx(chain, alice, { ...h.token(), functionName: 'transfer', args: [h.staking().address, ALT(100_000)] });
      await h.stake(bob, opB, ALT(10));
      const [positions] = await h.read('getStaker', [bob]);
      expect(positions[0].stake).toBe(ALT(10));
    });
  });

  describe('rewards', () => {
    it('streams the funded rate, takes commission first, and claims across operators in one call', async () => {
      const { alice, opA, opB, deployer } = acct();
      await h.stake(alice, opA, ALT(1_000));
      await h.stake(alice, opB, ALT(1_000));
      await chain.fund(deployer, ALT(1_000_000));
      await tx(chain, deployer, { ...h.token(), functionName: 'approve', args: [h.staking().address, ALT(1_000_000)] });
      await tx(chain, deployer, { ...h.staking(), functionName: 'fundRewards', args: [ALT(1_000_000)] });
      await h.asGov('setRewardRate', [ALT(1)]);
      const started = await chain.now();
      await chain.advance(1_000);
      const elapsed = BigInt((await chain.now()) - started);
      const a = await h.read('pendingRewards', [alice, opA]);
      const b = await h.read('pendingRewards', [alice, opB]);
      // Half the stream each; opA keeps 10% commission, opB 5%.
      const half = (ALT(1) * elapsed) / 2n;
      expect(a).toBeGreaterThan((half * 90n) / 100n - ALT('0.01'));
      expect(a).toBeLessThanOrEqual((half * 90n) / 100n);
      expect(b).toBeGreaterThan((half * 95n) / 100n - ALT('0.01'));
      const before = await h.balance(alice);
      await tx(chain, alice, { ...h.staking(), functionName: 'claimRewards', args: [[opA, opB]] });
      expect((await h.balance(alice)) - before).toBeGreaterThanOrEqual(a + b);
      expect(
        await revertName(() => tx(chain, acct().bob, { ...h.staking(), functionName: 'claimRewards', args: [[opA]] })),
      ).toBe('NothingToClaim');
      const commission = (await h.read('getOperator', [opA])).commissionAccrued;
      expect(commission).toBeGreaterThan(0n);
      await tx(chain, opA, { ...h.staking(), functionName: 'claimCommission' });
    });

    it('compounds rewards into the same operator and stops when funding runs out', async () => {
      const { alice, opA, deployer } = acct();
      await h.stake(alice, opA, ALT(1_000));
      await chain.fund(deployer, ALT(100));
      await tx(chain, deployer, { ...h.token(), functionName: 'approve', args: [h.staking().address, ALT(100)] });
      await tx(chain, deployer, { ...h.staking(), functionName: 'fundRewards', args: [ALT(100)] });
      await h.asGov('setRewardRate', [ALT(1)]);
      await chain.advance(10_000);
      const pending = await h.read('pendingRewards', [alice, opA]);
      expect(pending).toBeLessThanOrEqual(ALT(90));
      expect(pending).toBeGreaterThan(ALT(89));
      await tx(chain, alice, { ...h.staking(), functionName: 'compound', args: [opA] });
      const [positions] = await h.read('getStaker', [alice]);
      expect(positions[0].stake).toBeGreaterThanOrEqual(ALT(1_000) + pending);
      expect(await h.votes('getVotes', [alice])).toBe(positions[0].stake);
      expect(await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'compound', args: [opA] }))).toBe(
        'NothingToClaim',
      );
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'fundRewards', args: [0n] })),
      ).toBe('ZeroAmount');
    });
  });

  describe('slashing', () => {
    it('takes a fraction of active and unbonding stake and of its votes, owed to the treasury, with the reason', async () => {
      const { alice, bob, opA, carol } = acct();
      await h.stake(alice, opA, ALT(1_000));
      await h.stake(bob, opA, ALT(3_000));
      await tx(chain, bob, { ...h.staking(), functionName: 'unstake', args: [opA, ALT(1_000)] });
      const treasury = await h.balance(chain.deployment.contracts.timelock);
      const receipt = await h.asGov('slash', [opA, 1_000n, 'double signing']);
      const [aliceAfter] = await h.read('getStaker', [alice]);
      const [bobAfter, bobRequests] = await h.read('getStaker', [bob]);
      expect(aliceAfter[0].stake).toBe(ALT(900));
      expect(aliceAfter[0].principal).toBe(ALT(1_000));
      expect(bobAfter[0].stake).toBe(ALT(1_800));
      expect(bobRequests[0].amount).toBe(ALT(900));
      expect(bobRequests[0].requestedAmount).toBe(ALT(1_000));
      expect(await h.votes('getVotes', [bob])).toBe(ALT(2_700));
      expect((await h.read('getParameters')).slashedPending).toBe(ALT(400));
      await tx(chain, carol, { ...h.staking(), functionName: 'sendSlashedToTreasury' });
      expect((await h.balance(chain.deployment.contracts.timelock)) - treasury).toBe(ALT(400));
      const info = await h.read('getOperator', [opA]);
      expect([info.slashCount, info.totalSlashed]).toEqual([1, ALT(400)]);
      expect(receipt.logs.length).toBeGreaterThan(0);
    });

    it('is only for the slasher and only within the allowed fraction', async () => {
      const { alice, opA, carol } = acct();
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'slash', args: [opA, 100n, 'x'] })),
      ).toBe('AccessControlUnauthorizedAccount');
      expect(await revertName(() => h.asGov('slash', [opA, 0n, 'x']))).toBe('InvalidSlashFraction');
      expect(await revertName(() => h.asGov('slash', [opA, 5_001n, 'x']))).toBe('InvalidSlashFraction');
      expect(await revertName(() => h.asGov('slash', [carol, 100n, 'x']))).toBe('UnknownOperator');
    });
  });

  describe('parameters', () => {
    it('are governance-only and range-checked', async () => {
      const { alice } = acct();
      expect(
        await revertName(() => tx(chain, alice, { ...h.staking(), functionName: 'setRewardRate', args: [1n] })),
      ).toBe('AccessControlUnauthorizedAccount');
      expect(await revertName(() => h.asGov('setUnbondingPeriod', [BigInt(61 * DAY)]))).toBe('ParameterOutOfRange');
      expect(await revertName(() => h.asGov('setUnbondingPeriod', [BigInt(3 * DAY)]))).toBe('ParameterOutOfRange');
      expect(await revertName(() => h.asGov('setCommissionDelay', [BigInt(61 * DAY)]))).toBe('ParameterOutOfRange');
      expect(await revertName(() => h.asGov('setMaxCommission', [10_001n]))).toBe('ParameterOutOfRange');
      expect(await revertName(() => h.asGov('setTreasury', ['0x0000000000000000000000000000000000000000']))).toBe(
        'InvalidAddress',
      );
      await h.asGov('setUnbondingPeriod', [BigInt(14 * DAY)]);
      await h.asGov('setMinStake', [ALT(5)]);
      const parameters = await h.read('getParameters');
      expect(parameters.unbondingPeriod).toBe(BigInt(14 * DAY));
      expect(parameters.minStake).toBe(ALT(5));
      expect(parameters.operatorCount).toBe(2n);
    });
  });
});
