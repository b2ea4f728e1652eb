import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, encodeEventTopics, getAddress, type Address, type Hex } from 'viem';
import { altStakingAbi } from '../contracts/generated.ts';
import { selectLogs, bucket } from '../logs/log-select.ts';
import type { IndexedLog } from '../logs/log-store.ts';
import { changesSinceStaked } from './since-staked.ts';

const staking = getAddress('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
const me = getAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const opA = getAddress('0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9');
const opB = getAddress('0x5FC8d32690cc91D4c39d9d3abcBD16989F875707');
const opC = getAddress('0x0165878A594ca255338adfa4d48449f69242Eb8F');

let n = 0;
function log(block: number, eventName: string, args: Record<string, unknown>): IndexedLog {
  const event = (altStakingAbi as readonly any[]).find((e) => e.type === 'event' && e.name === eventName);
  const topics = encodeEventTopics({ abi: [event], eventName, args } as never) as Hex[];
  const unindexed = event.inputs.filter((i: any) => !i.indexed);
  const data = encodeAbiParameters(
    unindexed,
    unindexed.map((i: any) => args[i.name]),
  );
  return {
    address: staking.toLowerCase() as Hex,
    topics,
    data,
    blockNumber: BigInt(block),
    blockHash: `0x${'00'.repeat(32)}`,
    transactionHash: `0x${(++n).toString(16).padStart(64, '0')}`,
    logIndex: n,
  };
}

const logs = [
  log(10, 'CommissionChanged', { operator: opA, commissionBps: 500 }), // before the stake: not counted
  log(12, 'Staked', { staker: me, operator: opA, amount: 5n, payer: me }),
  log(13, 'Staked', { staker: me, operator: opA, amount: 5n, payer: me }), // a second stake: the first counts
  log(14, 'CommissionChangeRequested', { operator: opA, commissionBps: 900, effectiveAt: 1_000_000 }),
  log(15, 'Staked', { staker: opB, operator: opA, amount: 5n, payer: opB }), // someone else's stake
  log(16, 'Slashed', { operator: opA, fractionBps: 1_000n, amount: 77n, reason: 'double signing' }),
  log(17, 'CommissionChanged', { operator: opA, commissionBps: 900 }),
  log(18, 'OperatorStatusChanged', { operator: opA, status: 2 }),
  log(19, 'OperatorAllowlistUpdated', { operator: opA, allowed: false }),
  log(20, 'OperatorStatusChanged', { operator: opB, status: 2 }),
  log(21, 'OperatorStatusChanged', { operator: opB, status: 1 }),
  log(22, 'Redelegated', { staker: me, from: opA, to: opC, requestId: 1n, amount: 5n }),
  log(23, 'CommissionChanged', { operator: opC, commissionBps: 700 }),
];
const select = (filter: { topic0: Hex | readonly Hex[]; topics: readonly (Hex | null)[] }) =>
  selectLogs(logs, () => bucket(logs), { address: staking, ...filter });

describe('changesSinceStaked', () => {
  it('lists what happened to the operator after the first stake, in chain order', () => {
    const [a] = changesSinceStaked(select, me, [opA], 1n);
    expect(a.firstStake).toBe(12n);
    expect(a.from).toBe(12n);
    expect(a.changes.map((c) => c.change)).toEqual([
      { kind: 'commission-announced', bps: 900, effectiveAt: 1_000_000n },
      { kind: 'slashed', fractionBps: 1_000n, amount: 77n },
      { kind: 'commission', bps: 900 },
      { kind: 'deactivated' },
      { kind: 'removed-from-allowlist' },
    ]);
    expect(a.changes.map((c) => c.blockNumber)).toEqual([14n, 16n, 17n, 18n, 19n]);
  });

  it('counts from the start of the history held when the first stake is older than it', () => {
    const [b] = changesSinceStaked(select, me, [opB], 20n);
    expect(b.firstStake).toBeUndefined();
    expect(b.from).toBe(20n);
    expect(b.changes.map((c) => c.change.kind)).toEqual(['deactivated', 'reactivated']);
  });

  it('has nothing to say of an operator nothing happened to', () => {
    const quiet = getAddress('0x0000000000000000000000000000000000000001') as Address;
    expect(changesSinceStaked(select, me, [quiet], 0n)[0].changes).toEqual([]);
  });

  it('starts a position reached by a completed redelegation at that redelegation', () => {
    const [c] = changesSinceStaked(select, me, [opC], 1n);
    expect(c.firstStake).toBe(22n);
    expect(c.changes.map((x) => x.change)).toEqual([{ kind: 'commission', bps: 700 }]);
  });
});
