import { describe, expect, it } from 'vitest';
import { parseWorstCaseGas } from './contract-gas.ts';

describe('parseWorstCaseGas', () => {
  it('reads every logged call and its gas, and nothing else', () => {
    const output = [
      '[PASS] test_largestOperator() (gas: 413)',
      '  worst-case gas: slash of an operator with 2,000 positions 1633968',
      '  worst-case gas: continueSlash, the largest full page 5801283',
      'Suite result: ok. 5 passed; 0 failed; 0 skipped',
    ].join('\n');
    expect(parseWorstCaseGas(output)).toEqual([
      { call: 'slash of an operator with 2,000 positions', gas: 1_633_968 },
      { call: 'continueSlash, the largest full page', gas: 5_801_283 },
    ]);
  });

  it('finds none in output without the lines', () => {
    expect(parseWorstCaseGas('Suite result: ok.')).toEqual([]);
  });
});
