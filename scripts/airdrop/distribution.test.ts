import { describe, expect, it } from 'vitest';
import { InvalidDistributionError, parseCsv, parseJson } from './distribution.ts';

const HEADER = 'address,altitude,celestia';
const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidDistributionError) return error.problems;
    throw error;
  }
  throw new Error('expected the distribution to be rejected');
};

describe('parseCsv', () => {
  it('reads lowercase and checksummed addresses with per-category amounts', () => {
    const d = parseCsv(
      `${HEADER}\n0x70997970c51812dc3a010c7d01b50e0d17dc79c8,10,5\n0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,0,7\n`,
    );
    expect(d.categories).toEqual(['altitude', 'celestia']);
    expect(d.recipients.map((r) => [r.address, r.total])).toEqual([
      ['0x70997970c51812dc3a010c7d01b50e0d17dc79c8', 15n],
      ['0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc', 7n],
    ]);
  });

  it('reports every bad row with its line number', () => {
    const csv = [
      HEADER,
      '0x70997970c51812dc3a010c7d01b50e0d17dc79c8,10,5',
      '0x70997970C51812dc3A010C7d01b50e0d17dc79C9,1,1',
      '0x1234,1,1',
      '0x70997970c51812dc3a010c7d01b50e0d17dc79c8,1,1',
      '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc,1.5,1',
      '0x90f79bf6eb2c4f870365e785982e1f101e93b906,-1,1',
      '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65,0,0',
      '0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc,1',
      '0x976ea74026e726554db657fa54763abd0c3a0aa9,1e18,0',
    ].join('\n');
    expect(problems(() => parseCsv(csv)).map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [3, 'mixed-case address with a wrong EIP-55 checksum'],
      [4, 'not a 20-byte hex address'],
      [5, 'duplicate of line 2'],
      [6, 'altitude'],
      [7, 'altitude'],
      [8, 'every amount is zero'],
      [9, 'expected 2 amounts, found 1'],
      [10, 'altitude'],
    ]);
  });

  it('rejects a missing header and an empty file', () => {
    expect(problems(() => parseCsv('0xabc,1'))[0].message).toMatch(/header/);
    expect(problems(() => parseCsv(`${HEADER}\n\n`))[0].message).toMatch(/no recipients/);
  });
});

describe('parseJson', () => {
  it('reads categories and sparse amounts', () => {
    const d = parseJson(
      JSON.stringify({
        categories: ['a', 'b'],
        recipients: [{ address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', amounts: { b: '9' } }],
      }),
    );
    expect(d.recipients[0].amounts).toEqual([0n, 9n]);
  });

  it('rejects non-JSON and the wrong shape, and numbers that are not integer strings', () => {
    expect(problems(() => parseJson('{'))[0].message).toMatch(/not JSON/);
    expect(problems(() => parseJson('{"recipients": []}'))[0].message).toMatch(/expected/);
    const bad = JSON.stringify({
      categories: ['a'],
      recipients: [{ address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', amounts: { a: 1.5 } }],
    });
    expect(problems(() => parseJson(bad))).toEqual([{ line: 2, message: 'a: "1.5" is not an integer string' }]);
  });
});
