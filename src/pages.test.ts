import { describe, expect, it } from 'vitest';
import { governancePages, sectionOf, subpageOf } from './pages.ts';

describe('the page a link opens', () => {
  it('names the section and, where it has one, the page within it', () => {
    expect(sectionOf('/governance/proposals/12')).toBe('/governance');
    expect(subpageOf('/governance/proposals/12')).toBe(governancePages.proposal);
    expect(subpageOf('/governance/delegates')).toBe(governancePages.delegates);
    expect(subpageOf('/governance/delegates/0xabc')).toBe(governancePages.delegate);
    expect(subpageOf('/governance/new')).toBe(governancePages.create);
  });

  it('names no page within a section for its first screen or elsewhere', () => {
    expect(subpageOf('/governance')).toBeUndefined();
    expect(subpageOf('/staking')).toBeUndefined();
    expect(subpageOf('/')).toBeUndefined();
    expect(subpageOf('/governancex/proposals/1')).toBeUndefined();
    expect(sectionOf('/governancex')).toBeUndefined();
  });
});
