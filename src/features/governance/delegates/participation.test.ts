import { describe, expect, it } from 'vitest';
import { participationOf, participationText, type ProposalVoting } from './participation.ts';

const proposal = (id: number, votes: bigint, voted: boolean, settled = true): ProposalVoting => ({
  id: BigInt(id),
  snapshot: BigInt(id * 100),
  settled,
  votes,
  voted,
});

describe('participationOf', () => {
  it('counts only proposals whose snapshot passed while the delegate held voting power', () => {
    const p = participationOf([
      proposal(1, 0n, false),
      proposal(2, 5n, true),
      proposal(3, 5n, false),
      proposal(4, 0n, true), // voted with no power at the snapshot (a zero-weight vote): not counted
      proposal(5, 5n, false, false), // snapshot still ahead
    ]);
    expect(p).toEqual({ eligible: 2, voted: 1, eligibleLast10: 2, votedLast10: 1 });
  });

  it('takes the last 10 eligible proposals, newest last', () => {
    const list = Array.from({ length: 14 }, (_, i) => proposal(i + 1, 1n, i < 4));
    expect(participationOf(list)).toEqual({ eligible: 14, voted: 4, eligibleLast10: 10, votedLast10: 0 });
  });
});

describe('participationText', () => {
  it('says the share, or that there is nothing to count', () => {
    expect(participationText(7, 9)).toBe('7 of 9 (78%)');
    expect(participationText(0, 0)).toBe('No proposal yet');
  });
});
