import { describe, expect, it } from 'vitest';
import { proposalVotesCsv } from './proposal-votes-csv.ts';

describe("a proposal's votes as CSV", () => {
  it('writes each voter in full with support, exact weight, its reason (quoted, kept from running) and time', () => {
    const hash = `0x${'ef'.repeat(32)}` as const;
    const voter = '0x52908400098527886E0F7030069857D2E4169EE7';
    const csv = proposalVotesCsv(
      [
        { voter, support: 2, weight: 5n, reason: '-1, not now', blockNumber: 3n, transactionHash: hash },
        { voter, support: 1, weight: 10n ** 24n, reason: '', blockNumber: 4n, transactionHash: hash },
      ],
      new Map([
        [3n, 0n],
        [4n, 12n],
      ]),
      'vALT',
    );
    expect(csv.split('\r\n')).toEqual([
      'voter,support,weight,symbol,reason,block_number,block_time_utc,transaction_hash',
      `${voter},Abstain,0.000000000000000005,vALT,"'-1, not now",3,1970-01-01T00:00:00.000Z,${hash}`,
      `${voter},For,1000000,vALT,,4,1970-01-01T00:00:12.000Z,${hash}`,
      '',
    ]);
  });
});
