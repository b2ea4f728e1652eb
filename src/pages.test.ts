import { describe, expect, it } from 'vitest';
import { governancePages, messageSectionsOf, sectionOf, subpageOf } from './pages.ts';
import { SECTIONS } from '../scripts/i18n.ts';

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

describe('the messages a link opens with', () => {
  it("are the shell's and the page's own, loaded before the first paint", () => {
    expect(messageSectionsOf('/')).toEqual(['common', 'overview']);
    expect(messageSectionsOf('/staking/operators/0xabc')).toEqual(['common', 'errors', 'staking']);
    expect(messageSectionsOf('/governance')).toEqual(['common', 'errors', 'gov']);
    expect(messageSectionsOf('/governance/proposals/12')).toEqual(['common', 'errors', 'gov', 'proposal']);
    expect(messageSectionsOf('/governance/delegates/0xabc')).toEqual(['common', 'errors', 'gov', 'delegates']);
    expect(messageSectionsOf('/governance/new')).toEqual(['common', 'errors', 'gov', 'create']);
    expect(messageSectionsOf('/airdrop')).toEqual(['common', 'errors', 'airdrop']);
    expect(messageSectionsOf('/nowhere')).toEqual(['common', 'errors']);
  });

  it('name only sections the catalogue has', () => {
    for (const path of ['/', '/staking', '/governance/new', '/activity', '/network'])
      for (const section of messageSectionsOf(path)) expect(SECTIONS).toContain(section);
  });
});
