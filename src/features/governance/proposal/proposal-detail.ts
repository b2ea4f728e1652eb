/** A proposal as its page shows it: the governor's figures, its actions and history, and the viewer's part. */
import type { Address, Hex } from 'viem';
import type { CreatedProposal } from '../../../lib/governance/proposal-description.ts';
import type { ProposalStatus } from '../../../lib/governance/proposal-status.ts';

export interface ProposalVote {
  support: 0 | 1 | 2;
  weight: bigint;
  reason: string;
  blockNumber?: bigint;
}

export interface ProposalDetail extends ProposalStatus {
  id: bigint;
  blockNumber: bigint;
  chainTime: bigint;
  clockMode: 'timestamp' | 'blocknumber';
  /** The governor's clock now: a timestamp or a block number. */
  clock: bigint;
  needsQueuing: boolean;
  /** Undefined until the snapshot is in the past (the quorum is fixed there). */
  quorum?: bigint;
  threshold: bigint;
  timelockDelay?: bigint;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  descriptionHash: Hex;
  created?: CreatedProposal;
  descriptionVerified: boolean;
  /** Read from the log index: empty until a page has read the chain's history. */
  events: { kind: 'queued' | 'executed' | 'canceled'; blockNumber: bigint; eta?: bigint }[];
  account?: {
    address: Address;
    /** Votes-token units the account holds itself (wrapped ALT, or the token's balance). */
    ownUnits: bigint;
    /** Plain ALT that does not vote, when the votes token wraps ALT. */
    plainAlt?: bigint;
    /** Whom its own votes go to; undefined if it never delegated. */
    delegate?: Address;
    currentVotes: bigint;
    /** Votes at the snapshot; undefined while the snapshot is in the future. */
    votesAtSnapshot?: bigint;
    hasVoted: boolean;
    vote?: ProposalVote;
    /**
     * How the account's delegate (when someone else) voted on this proposal: null when it has not,
     * undefined when this page has not read the history that would say.
     */
    delegateVote?: ProposalVote | null;
  };
}
