import { describe, expect, it } from 'vitest';
import { decodeFunctionData, parseAbi, size, type Hex } from 'viem';
import {
  MULTI_SEND,
  MULTI_SEND_CALL_ONLY,
  multiSendTx,
  safeTxCandidates,
  safeWaitingNote,
  serviceConfirmations,
} from './safe.ts';

const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';

describe('multiSendTx', () => {
  it('packs each call as operation, to, value, data length and data, delegatecalled to MultiSendCallOnly', () => {
    const tx = multiSendTx([
      { to: A, data: '0x12345678' },
      { to: B, value: 5n, data: '0x' },
    ]);
    expect(tx).toMatchObject({ to: MULTI_SEND_CALL_ONLY, operation: 1, value: 0n });
    const { args } = decodeFunctionData({ abi: parseAbi(['function multiSend(bytes)']), data: tx.data });
    const packed = args[0] as Hex;
    // 1 + 20 + 32 + 32 bytes of header per call, then its data.
    expect(size(packed)).toBe(85 + 4 + 85);
    const first = packed.slice(2, 2 + 85 * 2 + 8);
    expect(first.slice(0, 2)).toBe('00');
    expect(`0x${first.slice(2, 42)}`).toBe(A);
    expect(BigInt(`0x${first.slice(106, 170)}`)).toBe(4n);
    expect(first.slice(170)).toBe('12345678');
    const second = packed.slice(2 + 89 * 2);
    expect(`0x${second.slice(2, 42)}`).toBe(B);
    expect(BigInt(`0x${second.slice(42, 106)}`)).toBe(5n);
    expect(BigInt(`0x${second.slice(106, 170)}`)).toBe(0n);
  });

  it('offers one call as itself and several through either MultiSend contract', () => {
    expect(safeTxCandidates([{ to: A, data: '0x01' }])).toEqual([{ to: A, value: 0n, data: '0x01', operation: 0 }]);
    expect(
      safeTxCandidates([
        { to: A, data: '0x01' },
        { to: B, data: '0x02' },
      ]).map((t) => t.to),
    ).toEqual([MULTI_SEND_CALL_ONLY, MULTI_SEND]);
  });
});

describe('safeWaitingNote', () => {
  it('says how many confirmations there are, how many are missing, and when it can execute', () => {
    expect(safeWaitingNote(1, 2)).toBe(
      'Waiting for your Safe: 1 of 2 confirmations. 1 more owner must confirm it in the Safe app; this page follows it.',
    );
    expect(safeWaitingNote(0, 3)).toContain('3 more owners must confirm');
    expect(safeWaitingNote(2, 2)).toBe(
      'Waiting for your Safe: 2 of 2 confirmations. Ready to execute: any owner can execute it in the Safe app.',
    );
  });
});

describe('serviceConfirmations', () => {
  const owners = [A, B] as const;
  const hash = `0x${'ab'.repeat(32)}` as Hex;

  it("counts the service's confirmations that come from the Safe's owners, and asks for the hash it follows", async () => {
    const asked: string[] = [];
    const confirmed = await serviceConfirmations('https://safe.example', hash, [...owners], async (url) => {
      asked.push(url);
      return { confirmations: [{ owner: B.toUpperCase().replace('0X', '0x') }, { owner: `0x${'cc'.repeat(20)}` }] };
    });
    expect(asked).toEqual([`https://safe.example/api/v1/multisig-transactions/${hash}/`]);
    expect(confirmed).toEqual([B]);
  });

  it('knows nothing when the service fails or answers something else', async () => {
    const fails = async () => {
      throw new Error('HTTP 404');
    };
    expect(await serviceConfirmations('https://safe.example', hash, [...owners], fails)).toBeUndefined();
    expect(await serviceConfirmations('https://safe.example', hash, [...owners], async () => '<html>')).toBeUndefined();
    expect(
      await serviceConfirmations('https://safe.example', hash, [...owners], async () => ({ confirmations: 3 })),
    ).toBeUndefined();
  });
});
