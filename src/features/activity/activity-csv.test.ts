import { describe, expect, it } from 'vitest';
import { activityCsv } from './activity-csv.ts';
import type { ActivityItem } from './read-activity.ts';

const OPERATOR = '0x52908400098527886E0F7030069857D2E4169EE7';
const item = (over: Partial<ActivityItem>): ActivityItem => ({
  kind: 'stake',
  label: '',
  parts: [],
  blockNumber: 7n,
  logIndex: 0,
  transactionHash: `0x${'ab'.repeat(32)}`,
  count: 1,
  ...over,
});

describe('the activity as CSV', () => {
  it('writes each row with its exact amount, full counterpart, UTC time, and outside text kept from running', () => {
    const csv = activityCsv(
      [
        item({ parts: ['Staked with ', { operator: OPERATOR }], amount: 1n }),
        item({ kind: 'vote', parts: ['Voted For on ', { proposal: 42n, title: '=cmd|calc' }], amount: 10n ** 18n }),
        item({ kind: 'slashed', parts: ['Slashed by ', { operator: OPERATOR }], amount: 3n * 10n ** 17n, count: 2 }),
        item({ kind: 'delegate', parts: ['Delegated votes to itself'], blockNumber: 8n }),
      ],
      new Map([
        [7n, 1_700_000_000n],
        [8n, 1_700_000_012n],
      ]),
      (kind) => (kind === 'vote' ? 'vALT' : 'ALT'),
    );
    const hash = `0x${'ab'.repeat(32)}`;
    expect(csv.split('\r\n')).toEqual([
      'block_number,block_time_utc,transaction_hash,kind,description,counterpart,amount,symbol',
      `7,2023-11-14T22:13:20.000Z,${hash},stake,Staked with ${OPERATOR},${OPERATOR},0.000000000000000001,ALT`,
      `7,2023-11-14T22:13:20.000Z,${hash},vote,Voted For on proposal 42 “=cmd|calc”,42,1,vALT`,
      `7,2023-11-14T22:13:20.000Z,${hash},slashed,"Slashed by ${OPERATOR} (2 parts, one transaction)",${OPERATOR},0.3,ALT`,
      `8,2023-11-14T22:13:32.000Z,${hash},delegate,Delegated votes to itself,,,`,
      '',
    ]);
  });

  it('guards a description that starts like a formula', () => {
    const csv = activityCsv([item({ parts: ['=HYPERLINK("x")'] })], new Map([[7n, 0n]]), () => 'ALT');
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('guards a token symbol from the chain that starts like a formula', () => {
    const csv = activityCsv([item({ parts: ['Staked'], amount: 1n })], new Map([[7n, 0n]]), () => '=cmd');
    expect(csv.split('\r\n')[1].endsWith(",0.000000000000000001,'=cmd")).toBe(true);
  });
});
