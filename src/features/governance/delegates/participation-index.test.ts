import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { byParticipation } from './participation-index.ts';
import {
  classify,
  participationFrom,
  votesAtSnapshot,
  type ParticipationLogs,
  type ProposalPoint,
} from './participation-logs.ts';

const A = '0x00000000000000000000000000000000000000aa' as Address;
const B = '0x00000000000000000000000000000000000000bb' as Address;
const C = '0x00000000000000000000000000000000000000cc' as Address;
// Created at block 100, first vote at block 120: changes up to 100 count, from 120 on do not.
const P: ProposalPoint = { id: 1n, snapshot: 5_000n, createdBlock: 100n, firstVoteBlock: 120n };

describe('votesAtSnapshot', () => {
  it('decides from changes up to the creation block, and ignores those from the first vote on', () => {
    expect(votesAtSnapshot([{ block: 90n, votes: 5n }], P)).toBe('some');
    expect(votesAtSnapshot([{ block: 100n, votes: 5n }], P)).toBe('some');
    expect(votesAtSnapshot([{ block: 120n, votes: 5n }], P)).toBe('none');
    expect(
      votesAtSnapshot(
        [
          { block: 90n, votes: 5n },
          { block: 130n, votes: 0n },
        ],
        P,
      ),
    ).toBe('some');
    expect(votesAtSnapshot(undefined, P)).toBe('none');
  });

  it('cannot tell only when a change between creation and the first vote crosses zero', () => {
    expect(
      votesAtSnapshot(
        [
          { block: 90n, votes: 5n },
          { block: 110n, votes: 9n },
        ],
        P,
      ),
    ).toBe('some');
    expect(
      votesAtSnapshot(
        [
          { block: 90n, votes: 5n },
          { block: 110n, votes: 0n },
        ],
        P,
      ),
    ).toBe('unknown');
    expect(votesAtSnapshot([{ block: 110n, votes: 3n }], P)).toBe('unknown');
    // No vote yet: every later change is in the window.
    expect(votesAtSnapshot([{ block: 500n, votes: 3n }], { ...P, firstVoteBlock: undefined })).toBe('unknown');
  });

  it('starts from the history snapshot standing when the index holds only what follows it', () => {
    expect(votesAtSnapshot([], P, 7n)).toBe('some');
    expect(votesAtSnapshot([{ block: 95n, votes: 0n }], P, 7n)).toBe('none');
  });
});

describe('classify and participationFrom', () => {
  const proposals: ProposalPoint[] = Array.from({ length: 12 }, (_, i) => ({
    id: BigInt(i + 1),
    snapshot: BigInt(1_000 * (i + 1)),
    createdBlock: BigInt(100 * (i + 1)),
    firstVoteBlock: BigInt(100 * (i + 1) + 50),
  }));
  const logs: ParticipationLogs = {
    proposals,
    // A votes on 1..6 with weight, and on 7 with weight 0 (no votes then: not eligible).
    votes: new Map([[A, new Map([...[1n, 2n, 3n, 4n, 5n, 6n].map((id) => [id, 10n] as [bigint, bigint]), [7n, 0n]])]]),
    changes: new Map([
      [
        A,
        [
          { block: 1n, votes: 10n },
          { block: 650n, votes: 0n },
          { block: 1_000n, votes: 10n },
        ],
      ],
      // B gets votes between proposal 3's creation (300) and its first vote (350): that one is read.
      [B, [{ block: 320n, votes: 4n }]],
    ]),
  };

  it("counts A's votes from its logs, and leaves only B's ambiguous proposal to read", () => {
    const a = classify(logs, A, () => true);
    expect(a.unknown).toEqual([]);
    const p = participationFrom(logs, a.known, new Map());
    // Eligible: 1-6 (voted), 10-12 (votes again from block 1000); 7-9 had none.
    expect(p).toEqual({ eligible: 9, voted: 6, eligibleLast10: 9, votedLast10: 6 });
    const b = classify(logs, B, () => true);
    expect(b.unknown.map((x) => x.id)).toEqual([3n]);
    expect(participationFrom(logs, b.known, new Map([[3n, 4n]]))).toMatchObject({ eligible: 10, voted: 0 });
    expect(participationFrom(logs, b.known, new Map([[3n, 0n]]))).toMatchObject({ eligible: 9, voted: 0 });
  });

  it('puts proposals older than the index (read as the delegate page reads them) first', () => {
    const a = classify(logs, A, () => true);
    const older = [
      { id: 100n, snapshot: 1n, settled: true, votes: 5n, voted: false },
      { id: 101n, snapshot: 2n, settled: true, votes: 0n, voted: false },
    ];
    // 10 eligible in all (1 older + 9); the last 10 are the older one and A's nine.
    expect(participationFrom(logs, a.known, new Map(), older)).toEqual({
      eligible: 10,
      voted: 6,
      eligibleLast10: 10,
      votedLast10: 6,
    });
  });

  it('leaves out proposals whose snapshot has not passed', () => {
    const a = classify(logs, A, (p) => p.id <= 3n);
    expect(participationFrom(logs, a.known, new Map())).toEqual({
      eligible: 3,
      voted: 3,
      eligibleLast10: 3,
      votedLast10: 3,
    });
  });
});

describe('byParticipation', () => {
  it('orders by rate, then by how many proposals count, then by voting power; none counted go last', () => {
    const rows = [
      { address: A, votes: 1n },
      { address: B, votes: 5n },
      { address: C, votes: 9n },
    ];
    const figures = new Map([
      [A, { eligible: 4, voted: 4, eligibleLast10: 4, votedLast10: 4 }],
      [B, { eligible: 8, voted: 8, eligibleLast10: 8, votedLast10: 8 }],
      [C, { eligible: 0, voted: 0, eligibleLast10: 0, votedLast10: 0 }],
    ]);
    expect(byParticipation(rows, figures, 'all').map((r) => r.address)).toEqual([B, A, C]);
    figures.set(B, { eligible: 8, voted: 4, eligibleLast10: 8, votedLast10: 4 });
    expect(byParticipation(rows, figures, 'last10').map((r) => r.address)).toEqual([A, B, C]);
  });
});
