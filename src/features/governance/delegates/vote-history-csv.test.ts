import { describe, expect, it } from 'vitest';
import { voteHistoryCsv } from './vote-history-csv.ts';

describe("a delegate's vote history as CSV", () => {
  it('writes each vote with its exact weight and its reason, quoted where it must be and kept from running', () => {
    const hash = `0x${'cd'.repeat(32)}` as const;
    const csv = voteHistoryCsv(
      [
        {
          proposalId: 7n,
          title: '@Grant, phase 2',
          support: 1,
          weight: 1234567890123456789n,
          reason: 'Yes, "finally"\nsecond line',
          blockNumber: 9n,
          transactionHash: hash,
        },
        {
          proposalId: 3n,
          title: 'Fee',
          support: 0,
          weight: 10n ** 18n,
          reason: '',
          blockNumber: 5n,
          transactionHash: hash,
        },
      ],
      new Map([
        [9n, 1_700_000_000n],
        [5n, 1_699_999_940n],
      ]),
      'vALT',
    );
    expect(csv).toBe(
      'proposal_id,proposal_title,support,weight,symbol,reason,block_number,block_time_utc,transaction_hash\r\n' +
        `7,"'@Grant, phase 2",For,1.234567890123456789,vALT,"Yes, ""finally""\nsecond line",9,2023-11-14T22:13:20.000Z,${hash}\r\n` +
        `3,Fee,Against,1,vALT,,5,2023-11-14T22:12:20.000Z,${hash}\r\n`,
    );
  });
});
