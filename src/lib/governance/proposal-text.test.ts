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
    // Cut by characters, not UTF-16 units: an emoji at the cut is kept whole or left out, never halved.
    [`${'x'.repeat(138)}🗳️ vote`, `${'x'.repeat(138)}🗳…`],
    ['🚀'.repeat(150), `${'🚀'.repeat(139)}…`],
  ])('%j → %j', (description, title) => {
    expect(proposalTitle(description, 'Proposal 7')).toBe(title);
  });
});
