import { describe, expect, it } from 'vitest';
import { proposalTitle } from './proposal-text.ts';

describe('proposalTitle', () => {
  it.each([
    ['# AIP-1: Fund grants\n\nBody', 'AIP-1: Fund grants'],
    ['\n\n  ### Spaced   \nx', 'Spaced'],
    ['Plain first line\nsecond', 'Plain first line'],
    ['', 'Proposal 7'],
    [undefined, 'Proposal 7'],
    ['#   \n', 'Proposal 7'],
    ['x'.repeat(200), `${'x'.repeat(139)}…`],
  ])('%j → %j', (description, title) => {
    expect(proposalTitle(description, 'Proposal 7')).toBe(title);
  });
});
