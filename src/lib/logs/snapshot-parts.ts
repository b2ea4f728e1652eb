/**
 * What a history snapshot holds of each event, shared by the build that writes it and the pages
 * that read it: a voter's votes and a delegate's delegations are sharded by account, the slashes
 * (a few per operator) are kept whole.
 */
import { toEventSelector, type Abi, type AbiEvent } from 'viem';
import { altGovernorAbi, altStakingAbi, altVotesAbi } from '../contracts/generated.ts';
import type { SnapshotPart } from './snapshot-format.ts';

const selector = (abi: Abi | readonly unknown[], name: string) =>
  toEventSelector((abi as readonly AbiEvent[]).find((i) => i.type === 'event' && i.name === name)!);

export const SNAPSHOT_PARTS = {
  /** `VoteCast(voter indexed, …)` and `VoteCastWithParams(voter indexed, …)`, by voter. */
  votes: {
    topic0: [selector(altGovernorAbi, 'VoteCast'), selector(altGovernorAbi, 'VoteCastWithParams')],
    keyTopics: [1],
  },
  /** `DelegateChanged(delegator, fromDelegate, toDelegate)` by the delegates it names. */
  delegations: { topic0: selector(altVotesAbi, 'DelegateChanged'), keyTopics: [2, 3] },
  /** `Slashed(operator indexed, …)`, every one. */
  slashes: { topic0: selector(altStakingAbi, 'Slashed') },
} satisfies Record<string, SnapshotPart>;

export type SnapshotPartName = keyof typeof SNAPSHOT_PARTS;
