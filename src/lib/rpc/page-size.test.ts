import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubStorage } from '../storage/stub-storage.ts';
import { PageSize, tooBig } from './page-size.ts';

let storage: Map<string, string>;
beforeEach(() => (storage = stubStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('PageSize', () => {
  it('halves a refused page, remembers it, and grows back after a run of full pages', () => {
    const page = new PageSize('k', 100);
    expect(page.size).toBe(100);
    page.refused(100);
    expect(page.size).toBe(50);
    expect(storage.get('k')).toBe('50');
    expect(new PageSize('k', 100).size).toBe(50);
    for (let i = 0; i < 8; i++) page.accepted(50);
    expect(page.size).toBeGreaterThan(50);
    expect(page.size).toBeLessThan(100);
  });
});

describe('tooBig', () => {
  const rpc = (code: number, message: string) => Object.assign(new Error(message), { code });
  it.each([
    [rpc(-32000, 'out of gas (gas capped at: 10000000)'), true],
    [rpc(-32003, 'Out of gas: gas required exceeds allowance: 10000000'), true],
    [rpc(-32000, 'response size should not greater than 2097152 bytes'), true],
    [rpc(-32000, 'execution aborted (timeout = 5s)'), true],
    [
      { shortMessage: 'getOperators reverted', cause: Object.assign(new Error('reverted'), { emptyRevert: true }) },
      true,
    ],
    [rpc(3, 'execution reverted: UnknownOperator()'), false],
    [{ cause: Object.assign(new Error('reverted'), { emptyRevert: true, functionName: 'getOperators' }) }, true],
    [rpc(-32000, 'header not found'), false],
  ])('%s → %s', (error, big) => {
    expect(tooBig(error)).toBe(big);
  });

  it("takes a read failing without a word for too big only when it is the page's read", () => {
    const other = { cause: Object.assign(new Error('reverted'), { emptyRevert: true, functionName: 'paused' }) };
    const page = { cause: Object.assign(new Error('reverted'), { emptyRevert: true, functionName: 'getOperators' }) };
    expect(tooBig(other, 'getOperators')).toBe(false);
    expect(tooBig(page, 'getOperators')).toBe(true);
  });
});
