import { encodeAbiParameters, encodeEventTopics, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { altGovernorAbi } from '../../lib/contracts/generated.ts';
import type { LogFilter } from '../../lib/logs/log-select.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import { VOTE_CAST_TOPICS, votesCastOn } from './votes-cast.ts';

const GOVERNOR = '0x00000000000000000000000000000000000000a1';
const VOTER = '0x52908400098527886E0F7030069857D2E4169EE7';

function voteLog(withParams: boolean, proposalId: bigint, block: bigint, reason: string): IndexedLog {
  const topics = encodeEventTopics({
    abi: altGovernorAbi,
    eventName: withParams ? 'VoteCastWithParams' : 'VoteCast',
    args: { voter: VOTER },
  }) as Hex[];
  const fields = [{ type: 'uint256' }, { type: 'uint8' }, { type: 'uint256' }, { type: 'string' }] as const;
  const data = withParams
    ? encodeAbiParameters([...fields, { type: 'bytes' }], [proposalId, 1, 7n, reason, '0x1234'])
    : encodeAbiParameters(fields, [proposalId, 0, 5n, reason]);
  return {
    address: GOVERNOR,
    topics,
    data,
    blockNumber: block,
    blockHash: `0x${'00'.repeat(32)}`,
    transactionHash: `0x${block.toString(16).padStart(64, '0')}`,
    logIndex: 0,
  };
}

describe('votes from the governor logs', () => {
  it('reads a vote cast with parameters as a vote, in chain order with the others', () => {
    const logs = [voteLog(false, 9n, 10n, 'plain'), voteLog(true, 9n, 11n, 'with params'), voteLog(false, 8n, 12n, '')];
    const select = (filter: LogFilter) => logs.filter((l) => (filter.topic0 as readonly Hex[]).includes(l.topics[0]));
    expect(VOTE_CAST_TOPICS).toHaveLength(2);
    expect(votesCastOn(select, GOVERNOR, 9n)).toEqual([
      {
        voter: VOTER,
        support: 0,
        weight: 5n,
        reason: 'plain',
        blockNumber: 10n,
        transactionHash: logs[0].transactionHash,
      },
      {
        voter: VOTER,
        support: 1,
        weight: 7n,
        reason: 'with params',
        blockNumber: 11n,
        transactionHash: logs[1].transactionHash,
      },
    ]);
  });
});
