/**
 * Proposal descriptions from `ProposalCreated` logs. GovernorStorage keeps only the description's
 * hash, so the text comes from the log and is trusted only when its bytes hash to the stored value.
 * The bytes are decoded here rather than by the ABI decoder so that a description that is not valid
 * UTF-8 still verifies (the decoder would replace bad bytes and change the hash) and still shows.
 */
import { decodeAbiParameters, getAddress, keccak256, type Address, type Hex } from 'viem';
import { altGovernorAbi } from '../contracts/generated.ts';

export const proposalCreatedEvent = altGovernorAbi.find(
  (i): i is Extract<typeof i, { type: 'event'; name: 'ProposalCreated' }> =>
    i.type === 'event' && i.name === 'ProposalCreated',
)!;

// The event's data with the description read as raw bytes (none of its inputs is indexed).
const rawLayout = proposalCreatedEvent.inputs.map((input) =>
  input.name === 'description' ? { ...input, type: 'bytes' as const } : input,
);

export interface CreatedProposal {
  proposalId: bigint;
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  voteStart: bigint;
  voteEnd: bigint;
  description: string;
  descriptionBytes: Hex;
  /** False when the bytes are not valid UTF-8 (shown with replacement characters). */
  validUtf8: boolean;
  blockNumber?: bigint;
  transactionHash?: Hex;
}

/** Decodes a `ProposalCreated` log's data; throws if it does not have the event's layout. */
export function decodeProposalCreated(data: Hex): CreatedProposal {
  const [proposalId, proposer, targets, values, , calldatas, voteStart, voteEnd, bytes] = decodeAbiParameters(
    rawLayout,
    data,
  ) as unknown as [bigint, Address, Address[], bigint[], string[], Hex[], bigint, bigint, Hex];
  const { text, valid } = decodeUtf8(bytes);
  return {
    proposalId,
    proposer: getAddress(proposer),
    targets,
    values,
    calldatas,
    voteStart,
    voteEnd,
    description: text,
    descriptionBytes: bytes,
    validUtf8: valid,
  };
}

export function decodeUtf8(bytes: Hex): { text: string; valid: boolean } {
  const raw = new Uint8Array((bytes.length - 2) / 2);
  for (let i = 0; i < raw.length; i++) raw[i] = parseInt(bytes.slice(2 + i * 2, 4 + i * 2), 16);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(raw), valid: true };
  } catch {
    return { text: new TextDecoder('utf-8').decode(raw), valid: false };
  }
}

/** Whether the log's description is the one the governor stored for the proposal. */
export const descriptionMatches = (created: CreatedProposal, descriptionHash: Hex): boolean =>
  keccak256(created.descriptionBytes).toLowerCase() === descriptionHash.toLowerCase();

/**
 * OpenZeppelin's front-running guard: a description ending in `#proposer=0x…` can only be proposed
 * by that address. Returns the body without the suffix, and the address it names.
 */
export function splitProposerSuffix(description: string): { body: string; proposer?: Address } {
  const match = /#proposer=(0x[0-9a-fA-F]{40})$/.exec(description);
  if (!match) return { body: description };
  return { body: description.slice(0, match.index), proposer: getAddress(match[1]) };
}
