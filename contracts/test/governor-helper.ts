/** Drives proposals through the governor: propose, vote, queue, execute, as OpenZeppelin's GovernorHelper does. */
import { keccak256, toBytes, type Address, type Hex } from 'viem';
import { altGovernorAbi } from '../../src/lib/contracts/generated.ts';
import { send } from '../../devnet/client.ts';
import { tx, type Chain } from './fixture.ts';
import { STATES } from '../../src/lib/governance/proposal-text.ts';

export interface ProposalInput {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

export { STATES };

export function governorHelper(chain: Chain) {
  const gov = () => ({ address: chain.deployment.contracts.governor, abi: altGovernorAbi }) as const;
  const idOf = (p: ProposalInput) =>
    chain.client.readContract({
      ...gov(),
      functionName: 'hashProposal',
      args: [p.targets, p.values, p.calldatas, keccak256(toBytes(p.description))],
    });
  return {
    gov,
    idOf,
    async propose(from: Address, p: ProposalInput) {
      await tx(chain, from, {
        ...gov(),
        functionName: 'propose',
        args: [p.targets, p.values, p.calldatas, p.description],
      });
      return idOf(p);
    },
    vote: (from: Address, id: bigint, support: 0 | 1 | 2, reason = '') =>
      tx(chain, from, { ...gov(), functionName: 'castVoteWithReason', args: [id, support, reason] }),
    queue: (from: Address, id: bigint) => tx(chain, from, { ...gov(), functionName: 'queue', args: [id] }),
    execute: (from: Address, id: bigint) => tx(chain, from, { ...gov(), functionName: 'execute', args: [id] }),
    cancel: (from: Address, id: bigint) => send(chain.client, from, { ...gov(), functionName: 'cancel', args: [id] }),
    async state(id: bigint) {
      return STATES[await chain.client.readContract({ ...gov(), functionName: 'state', args: [id] })];
    },
    /** Moves chain time to just past the proposal's snapshot or deadline. */
    async waitFor(id: bigint, point: 'snapshot' | 'deadline' | 'eta', extra = 1) {
      const functionName =
        point === 'snapshot' ? 'proposalSnapshot' : point === 'deadline' ? 'proposalDeadline' : 'proposalEta';
      const timepoint = Number(await chain.client.readContract({ ...gov(), functionName, args: [id] }));
      const now = await chain.now();
      if (timepoint + extra > now) await chain.advance(timepoint + extra - now);
    },
  };
}
