/**
 * The app's Safe reading and following (src/lib/web3/safe.ts, src/lib/tx/follow-safe.ts) against
 * Safe v1.4.1's own contracts on anvil, at their canonical addresses.
 */
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, hashTypedData, type Address } from 'viem';
import { altLayerTokenAbi } from '../../src/lib/contracts/generated.ts';
import {
  findSafeTxNonce,
  multiSendTx,
  readSafe,
  readSafeProgress,
  safeAbi,
  safeTxHash,
  type SafeTx,
} from '../../src/lib/web3/safe.ts';
import { followSafeTransaction, type SafeTracking } from '../../src/lib/tx/follow-safe.ts';
import { confirmSafeTx, createSafe, executeSafeTx, installSafe, SAFE_CONTRACTS } from '../../devnet/safe.ts';
import { SafeWalletBackend } from '../../e2e/fixtures/safe-wallet.ts';
import { ALT, useChain } from './fixture.ts';

describe('Safe multisigs', () => {
  let safe: Address;
  const chain = useChain({
    setup: async (c) => {
      await installSafe(c.client, c.accounts[18]);
      safe = await createSafe(c.client, c.accounts[3], c.accounts.slice(3, 6), 2, 7n);
      await c.fund(safe, ALT(1_000));
    },
  });
  const owners = () => chain.accounts.slice(3, 6);
  const client = () => chain.client as never;
  const transfer = (amount: bigint): Omit<SafeTx, 'nonce'> => ({
    to: chain.deployment.contracts.alt,
    value: 0n,
    data: encodeFunctionData({
      abi: altLayerTokenAbi,
      functionName: 'transfer',
      args: [chain.accounts[10], amount],
    }),
    operation: 0,
  });
  const nonce = () => chain.client.readContract({ address: safe, abi: safeAbi, functionName: 'nonce' });
  const tracking = async (hash: `0x${string}`, calls?: Omit<SafeTx, 'nonce'>): Promise<SafeTracking> => {
    const info = (await readSafe(client(), safe))!;
    const found =
      calls && findSafeTxNonce(safe, chain.client.chain.id, [{ to: calls.to, data: calls.data }], hash, info.nonce);
    return {
      safe,
      owners: info.owners,
      nonce: info.nonce.toString(),
      txNonce: found?.toString(),
      block: (await chain.client.getBlockNumber()).toString(),
    };
  };

  it('places every v1.4.1 contract at its canonical address', async () => {
    for (const { address } of Object.values(SAFE_CONTRACTS))
      expect(await chain.client.getCode({ address })).toMatch(/^0x[0-9a-f]{100,}/);
  });

  it('reads a Safe (owners, threshold, nonce) and tells an EOA or another contract is none', async () => {
    expect(await readSafe(client(), safe)).toEqual({ address: safe, owners: owners(), threshold: 2, nonce: 0n });
    expect(await readSafe(client(), chain.accounts[1])).toBeUndefined();
    expect(await readSafe(client(), chain.deployment.contracts.alt)).toBeUndefined();
  });

  it('computes the hash the Safe itself gives a transaction, and finds its nonce from it', async () => {
    for (const tx of [
      { ...transfer(ALT(1)), nonce: 4n },
      { ...multiSendTx([{ to: safe, data: '0x' }]), nonce: 0n },
    ]) {
      const onChain = await chain.client.readContract({
        address: safe,
        abi: [
          {
            type: 'function',
            name: 'getTransactionHash',
            stateMutability: 'view',
            inputs: [
              { type: 'address' },
              { type: 'uint256' },
              { type: 'bytes' },
              { type: 'uint8' },
              { type: 'uint256' },
              { type: 'uint256' },
              { type: 'uint256' },
              { type: 'address' },
              { type: 'address' },
              { type: 'uint256' },
            ],
            outputs: [{ type: 'bytes32' }],
          },
        ] as const,
        functionName: 'getTransactionHash',
        args: [
          tx.to,
          tx.value,
          tx.data,
          tx.operation,
          0n,
          0n,
          0n,
          `0x${'00'.repeat(20)}`,
          `0x${'00'.repeat(20)}`,
          tx.nonce,
        ],
      });
      expect(safeTxHash(safe, chain.client.chain.id, tx)).toBe(onChain);
    }
    const call = transfer(ALT(1));
    const hash = safeTxHash(safe, chain.client.chain.id, { ...call, nonce: 3n });
    expect(findSafeTxNonce(safe, chain.client.chain.id, [{ to: call.to, data: call.data }], hash, 0n)).toBe(3n);
    // Built with gas fields the app cannot guess: no nonce, so it is never called replaced.
    const priced = safeTxHash(safe, chain.client.chain.id, { ...call, nonce: 0n, safeTxGas: 90_000n });
    expect(
      findSafeTxNonce(safe, chain.client.chain.id, [{ to: call.to, data: call.data }], priced, 0n),
    ).toBeUndefined();
  });

  it('follows a Safe transaction through its confirmations to the execution that carried it out', async () => {
    const tx = { ...transfer(ALT(10)), nonce: await nonce() };
    const hash = safeTxHash(safe, chain.client.chain.id, tx);
    const [a, b] = owners();
    await confirmSafeTx(chain.client, safe, a, hash);
    expect(await readSafeProgress(client(), safe, owners(), hash)).toMatchObject({ approvers: [a], threshold: 2 });
    const notes: string[] = [];
    const followed = followSafeTransaction(client(), hash, await tracking(hash, tx), {
      interval: 20,
      onProgress: (n) => notes.push(n),
    });
    await new Promise((r) => setTimeout(r, 100));
    // Another Safe transaction executes first: the nonce moves, but it is not this one.
    const other = { ...transfer(ALT(1)), nonce: tx.nonce };
    await confirmSafeTx(chain.client, safe, a, safeTxHash(safe, chain.client.chain.id, other));
    tx.nonce += 1n;
    const moved = safeTxHash(safe, chain.client.chain.id, tx);
    expect(moved).not.toBe(hash);
    // Re-proposed at the next nonce it is another Safe transaction; the one followed was replaced.
    await executeSafeTx(chain.client, safe, other, [a], b);
    await expect(followed).resolves.toEqual({ kind: 'replaced' });
    expect(notes[0]).toBe(
      'Waiting for your Safe: 1 of 2 confirmations. 1 more owner must confirm it in the Safe app; this page follows it.',
    );

    const next = followSafeTransaction(client(), moved, await tracking(moved, tx), { interval: 20 });
    await confirmSafeTx(chain.client, safe, a, moved);
    await chain.client.mine({ blocks: 3 });
    const receipt = await executeSafeTx(chain.client, safe, tx, [a], b);
    await chain.client.mine({ blocks: 5 });
    const result = await next;
    expect(result.kind).toBe('executed');
    expect('receipt' in result && result.receipt.transactionHash).toBe(receipt.transactionHash);
  });

  it('finds an execution long after it happened, from a tracking saved before it (a reload days later)', async () => {
    const tx = { ...transfer(ALT(5)), nonce: await nonce() };
    const hash = safeTxHash(safe, chain.client.chain.id, tx);
    const saved = await tracking(hash, tx);
    const [a, , c] = owners();
    await chain.client.mine({ blocks: 500 });
    await confirmSafeTx(chain.client, safe, a, hash);
    const receipt = await executeSafeTx(chain.client, safe, tx, [a], c);
    await chain.client.mine({ blocks: 700 });
    const result = await followSafeTransaction(client(), hash, saved, { interval: 20 });
    expect(result).toMatchObject({ kind: 'executed', receipt: { transactionHash: receipt.transactionHash } });
  });

  it("the test wallet's typed-data signature for a Safe is one the Safe accepts by EIP-1271", async () => {
    const typed = {
      domain: { name: 'Example', version: '1', chainId: chain.client.chain.id, verifyingContract: chain.accounts[11] },
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        Mail: [{ name: 'contents', type: 'string' }],
      },
      primaryType: 'Mail',
      message: { contents: 'Two of three' },
    } as const;
    const wallet = new SafeWalletBackend(chain.client, safe, owners()[0]);
    const signature = (await wallet.request('eth_signTypedData_v4', [safe, JSON.stringify(typed)])) as `0x${string}`;
    const { EIP712Domain: _, ...types } = typed.types;
    const digest = hashTypedData({ ...typed, types });
    const isValid = [
      {
        type: 'function',
        name: 'isValidSignature',
        stateMutability: 'view',
        inputs: [{ type: 'bytes32' }, { type: 'bytes' }],
        outputs: [{ type: 'bytes4' }],
      },
    ] as const;
    const read = (hash: `0x${string}`) =>
      chain.client.readContract({
        address: safe,
        abi: isValid,
        functionName: 'isValidSignature',
        args: [hash, signature],
      });
    expect(await read(digest)).toBe('0x1626ba7e');
    await expect(read(`0x${'00'.repeat(32)}`)).rejects.toThrow();
  });
});
