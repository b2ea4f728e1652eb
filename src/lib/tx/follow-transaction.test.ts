import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { blockUsingNonce, followTransaction, isStateUnavailable, replacementReason } from './follow-transaction.ts';

const me = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const governor = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' as Address;
const sent = { from: me, nonce: 7, to: governor, value: 0n, input: '0x56781388aa' as Hex };

describe('replacementReason', () => {
  it('calls the same call at a higher fee a speed-up', () => {
    expect(
      replacementReason(sent, { from: me, to: governor.toLowerCase() as Address, value: 0n, input: sent.input }),
    ).toBe('repriced');
  });
  it('calls an empty self-transfer a cancellation', () => {
    expect(replacementReason(sent, { from: me, to: me, value: 0n, input: '0x' })).toBe('cancelled');
  });
  it('calls anything else a replacement', () => {
    expect(replacementReason(sent, { from: me, to: governor, value: 0n, input: '0x1234' })).toBe('replaced');
    expect(replacementReason(sent, { from: me, to: me, value: 1n, input: '0x' })).toBe('replaced');
  });
});

describe('blockUsingNonce', () => {
  /** An account whose count reaches `nonce + 1` at block `minedAt`. */
  const countsMinedAt = (minedAt: bigint, nonce: number) => {
    const asked: bigint[] = [];
    const countAt = async (block: bigint) => {
      asked.push(block);
      return block >= minedAt ? nonce + 1 : nonce;
    };
    return { countAt, asked };
  };

  it.each([101n, 102n, 130n, 163n, 164n])('finds block %s among 64 in a few batched rounds', async (minedAt) => {
    const { countAt, asked } = countsMinedAt(minedAt, 7);
    expect(await blockUsingNonce(countAt, 7, 100n, 164n)).toBe(minedAt);
    expect(asked.length).toBeLessThanOrEqual(1 + 8 * 3);
  });

  it('says nothing when the nonce was used before the range', async () => {
    const { countAt } = countsMinedAt(50n, 7);
    expect(await blockUsingNonce(countAt, 7, 100n, 164n)).toBeUndefined();
  });
});

describe('followTransaction, for a transaction the network does not show', () => {
  /** A node that never shows the transaction and on which the sender's nonce stays unused. */
  const silentNode = () =>
    ({
      uid: 'silent',
      pollingInterval: 1,
      request: async ({ method }: { method: string }) =>
        method === 'eth_blockNumber' ? '0x64' : method === 'eth_getTransactionCount' ? '0x7' : null,
    }) as never;

  it('calls it dropped only when the wallet no longer counts it either', async () => {
    const result = await followTransaction(silentNode(), '0xaa', {
      expected: sent,
      interval: 1,
      walletNonce: async () => 7,
    });
    expect(result).toEqual({ kind: 'dropped' });
  });

  it('waits for one the wallet still holds (sent privately), saying so once, and never calls it dropped', async () => {
    const controller = new AbortController();
    let unseen = 0;
    let asked = 0;
    const following = followTransaction(silentNode(), '0xaa', {
      expected: sent,
      interval: 1,
      signal: controller.signal,
      walletNonce: async () => (++asked, 8),
      onUnseen: () => unseen++,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(following).rejects.toThrow();
    expect(unseen).toBe(1);
    expect(asked).toBeGreaterThan(1);
  });

  it('without a wallet to ask, or when asking fails, it waits', async () => {
    for (const walletNonce of [undefined, async () => Promise.reject(new Error('locked'))]) {
      const controller = new AbortController();
      let unseen = 0;
      const following = followTransaction(silentNode(), '0xaa', {
        expected: sent,
        interval: 1,
        signal: controller.signal,
        walletNonce,
        onUnseen: () => unseen++,
      });
      await new Promise((resolve) => setTimeout(resolve, 60));
      controller.abort();
      await expect(following).rejects.toThrow();
      expect(unseen).toBe(1);
    }
  });
});

describe('followTransaction, on a node without the state of past blocks', () => {
  const cancel = '0x' + 'cc'.repeat(32);
  /**
   * The sender's nonce 7 was used at block 0x66 by a cancellation; the node answers nonce reads only
   * at the head (as anvil after loading a dump, or a pruned node past its window, refuses older ones).
   */
  const prunedNode = (asked: string[]) =>
    ({
      uid: 'pruned',
      pollingInterval: 1,
      request: async ({ method, params }: { method: string; params: unknown[] }) => {
        asked.push(method);
        switch (method) {
          case 'eth_blockNumber':
            return '0x66';
          case 'eth_getTransactionCount':
            if (params[1] !== 'latest') throw Object.assign(new Error('BlockOutOfRangeError'), { code: -32602 });
            return '0x8';
          case 'eth_getBlockByNumber': {
            const number = params[0] as string;
            const transactions =
              number === '0x66'
                ? [{ hash: cancel, from: me, to: me, nonce: '0x7', value: '0x0', input: '0x', blockNumber: number }]
                : [];
            return { number, hash: '0x' + number.slice(2).padStart(64, '0'), transactions, logsBloom: null };
          }
          case 'eth_getTransactionReceipt':
            return params[0] === cancel
              ? { transactionHash: cancel, blockNumber: '0x66', status: '0x1', logs: [], from: me, to: me }
              : null;
          default:
            return null;
        }
      },
    }) as never;

  it('finds the replacement in the blocks themselves and says what it was', async () => {
    const asked: string[] = [];
    const result = await followTransaction(prunedNode(asked), '0xaa', { expected: sent, interval: 1 });
    expect(result.kind).toBe('replaced');
    expect(result).toMatchObject({ reason: 'cancelled', receipt: { transactionHash: cancel } });
    expect(asked).toContain('eth_getBlockByNumber');
  });
});

describe('isStateUnavailable', () => {
  it('knows the nodes’ ways of saying a past block’s state is gone, down the cause chain', () => {
    expect(isStateUnavailable(new Error('BlockOutOfRangeError: block height is 750 but requested was 748'))).toBe(true);
    expect(isStateUnavailable({ message: 'RPC failed', cause: { details: 'missing trie node abc (path )' } })).toBe(
      true,
    );
    expect(isStateUnavailable(new Error('header not found'))).toBe(true);
  });
  it('does not take a rate limit or an outage for one', () => {
    expect(isStateUnavailable(new Error('429 Too Many Requests'))).toBe(false);
    expect(isStateUnavailable(new Error('fetch failed'))).toBe(false);
  });
});
