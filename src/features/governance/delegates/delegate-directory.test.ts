import { describe, expect, it } from 'vitest';
import { applyDirectory } from './delegate-directory.ts';
import { rankDelegates, type DelegateRow } from './read-delegates.ts';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const C = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;

describe('the delegates directory over a snapshot', () => {
  const base: DelegateRow[] = [
    { address: A, votes: 100n, delegators: 2 },
    { address: B, votes: 500n, delegators: 1 },
  ];

  it('keeps what did not change, takes the figures now of what did, and adds newcomers', () => {
    const rows = rankDelegates(
      applyDirectory(
        TOKEN,
        // Reported in any case: the directory's entries are checksummed by the app either way.
        [
          { delegate: A.toLowerCase() as `0x${string}`, votes: 700n, delegators: 3n },
          { delegate: C, votes: 50n, delegators: 1n },
        ],
        base,
      ),
    );
    expect(rows).toEqual([
      { address: A, votes: 700n, delegators: 3 },
      { address: B, votes: 500n, delegators: 1 },
      { address: C, votes: 50n, delegators: 1 },
    ]);
  });

  it('drops a delegate whose power fell to zero, and its count when nobody chooses it', () => {
    const index = applyDirectory(TOKEN, [{ delegate: B, votes: 0n, delegators: 0n }], base);
    expect(rankDelegates(index)).toEqual([{ address: A, votes: 100n, delegators: 2 }]);
    expect(index.delegators.has(B)).toBe(false);
  });

  it('without a snapshot, the directory alone is the list', () => {
    const rows = rankDelegates(
      applyDirectory(TOKEN, [
        { delegate: A, votes: 1n, delegators: 1n },
        { delegate: B, votes: 2n, delegators: 0n },
      ]),
    );
    expect(rows).toEqual([
      { address: B, votes: 2n, delegators: 0 },
      { address: A, votes: 1n, delegators: 1 },
    ]);
  });
});
