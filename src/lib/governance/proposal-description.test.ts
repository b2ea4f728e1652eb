import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, keccak256, stringToHex, toHex, type Hex } from 'viem';
import {
  decodeProposalCreated,
  decodeUtf8,
  descriptionMatches,
  proposalCreatedEvent,
  splitProposerSuffix,
} from './proposal-description.ts';

const target = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const proposer = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

function logData(description: Hex): Hex {
  const layout = proposalCreatedEvent.inputs.map((i) => (i.name === 'description' ? { ...i, type: 'bytes' } : i));
  return encodeAbiParameters(layout, [7n, proposer, [target], [0n], [''], ['0x1234'], 10n, 20n, description]);
}

describe('proposal descriptions', () => {
  it('decodes the log and verifies the description against the stored hash', () => {
    const text = '# Title\n\nBody ✓';
    const created = decodeProposalCreated(logData(stringToHex(text)));
    expect(created).toMatchObject({ proposalId: 7n, proposer, description: text, validUtf8: true });
    expect(descriptionMatches(created, keccak256(stringToHex(text)))).toBe(true);
    expect(descriptionMatches(created, keccak256(stringToHex(`${text} `)))).toBe(false);
  });

  it('keeps invalid UTF-8 verifiable and readable', () => {
    const bytes = toHex(new Uint8Array([0x23, 0x20, 0x41, 0xff, 0xfe, 0x42]));
    const created = decodeProposalCreated(logData(bytes));
    expect(created.validUtf8).toBe(false);
    expect(created.description).toBe('# A\uFFFD\uFFFDB');
    expect(descriptionMatches(created, keccak256(bytes))).toBe(true);
    expect(decodeUtf8('0x').text).toBe('');
  });

  it('splits the #proposer= suffix only at the end', () => {
    expect(splitProposerSuffix(`Hello#proposer=${proposer.toLowerCase()}`)).toEqual({ body: 'Hello', proposer });
    expect(splitProposerSuffix(`#proposer=${proposer} and more`)).toEqual({ body: `#proposer=${proposer} and more` });
  });
});
