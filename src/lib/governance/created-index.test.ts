import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeAbiParameters, stringToHex, toEventSelector, type Hex } from 'viem';
import type { ReadClient } from '../web3/chains.ts';
import { stubStorage } from '../storage/stub-storage.ts';
import { createdAtKnownBlock } from './created-index.ts';
import { proposalCreatedEvent } from './proposal-description.ts';

const governor = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const proposer = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const proposalCreatedTopic = toEventSelector(proposalCreatedEvent);
const key = `alt-gov:v1:created-at:31337:${governor.toLowerCase()}`;

const createdData = (id: bigint): Hex =>
  encodeAbiParameters(
    proposalCreatedEvent.inputs.map((i) => (i.name === 'description' ? { ...i, type: 'bytes' } : i)),
    [id, proposer, [governor], [0n], [''], ['0x'], 10n, 20n, stringToHex('# Title')],
  );

/** A client whose chain holds proposal `id`'s creation log at block `at`; it counts the blocks read. */
function chainWith(id: bigint, at: bigint) {
  const reads: bigint[] = [];
  const client = {
    request: async ({ params }: { params: [{ fromBlock: Hex }] }) => {
      const from = BigInt(params[0].fromBlock);
      reads.push(from);
      return from === at
        ? [
            // The log as a node answers it: every field (the app checks them where the answer enters).
            {
              address: governor,
              topics: [proposalCreatedTopic],
              data: createdData(id),
              blockNumber: `0x${at.toString(16)}`,
              blockHash: `0x${'cd'.repeat(32)}`,
              transactionHash: `0x${'ab'.repeat(32)}`,
              logIndex: '0x0',
            },
          ]
        : [];
    },
  } as unknown as ReadClient;
  return { client, reads };
}

afterEach(() => vi.unstubAllGlobals());

describe('createdAtKnownBlock', () => {
  it('reads nothing when no visit and no snapshot knows the block', () => {
    stubStorage();
    expect(createdAtKnownBlock(chainWith(5n, 100n).client, 31337, governor, 5n)).toBeUndefined();
  });

  it('remembers the block the snapshot listed, so the next visit reads there without the list', async () => {
    const items = stubStorage();
    const chain = chainWith(5n, 100n);
    expect((await createdAtKnownBlock(chain.client, 31337, governor, 5n, 100n))?.proposalId).toBe(5n);
    expect(JSON.parse(items.get(key)!)).toEqual({ '5': 100 });
    expect((await createdAtKnownBlock(chain.client, 31337, governor, 5n))?.blockNumber).toBe(100n);
    expect(chain.reads).toEqual([100n, 100n]);
  });

  it('forgets a remembered block that no longer holds the log, and never takes another proposal’s log', async () => {
    const items = stubStorage();
    items.set(key, JSON.stringify({ '5': 100, '6': 100 }));
    expect(await createdAtKnownBlock(chainWith(5n, 200n).client, 31337, governor, 5n)).toBeUndefined();
    expect(await createdAtKnownBlock(chainWith(7n, 100n).client, 31337, governor, 6n)).toBeUndefined();
    expect(JSON.parse(items.get(key)!)).toEqual({});
  });
});
