import { describe, expect, it } from 'vitest';
import { joinVotes } from './delegate-at-head.ts';
import type { VoteRecord } from '../read-vote-history.ts';

const stored = (proposalId: bigint, blockNumber: bigint): VoteRecord => ({
  proposalId,
  title: `Proposal ${proposalId}`,
  support: 1,
  weight: 5n,
  reason: `why ${proposalId}`,
  blockNumber,
  transactionHash: '0xaa',
});
const recorded = (proposalId: bigint, blockNumber: bigint) => ({ proposalId, support: 1, weight: 5n, blockNumber });

describe('joinVotes', () => {
  it('keeps what the stored history knows, newest first, and returns the rest to read, oldest first', () => {
    const { history, missing } = joinVotes(
      [recorded(1n, 10n), recorded(2n, 20n), recorded(3n, 30n), recorded(4n, 40n)],
      [stored(2n, 20n), stored(1n, 10n)],
    );
    expect(history.map((v) => v?.proposalId)).toEqual([undefined, undefined, 2n, 1n]);
    expect(missing.map((r) => r.proposalId)).toEqual([3n, 4n]);
  });

  it('reads again a vote the stored history places in another block (a history from another chain)', () => {
    const { history, missing } = joinVotes([recorded(1n, 11n)], [stored(1n, 10n)]);
    expect(history).toEqual([undefined]);
    expect(missing).toEqual([recorded(1n, 11n)]);
  });

  it('leaves out a stored vote the contract does not record', () => {
    const { history, missing } = joinVotes([], [stored(1n, 10n)]);
    expect(history).toEqual([]);
    expect(missing).toEqual([]);
  });
});
