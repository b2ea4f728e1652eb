/** The devnet's governance proposals: realistic texts and real actions against the deployment. */
import { encodeFunctionData, parseEther, type Address, type Hex } from 'viem';
import { altStakingAbi, altLayerTokenAbi } from '../src/lib/contracts/generated.ts';
import type { Deployment } from './deploy.ts';

export interface ProposalSeed {
  key: string;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

const transfer = (alt: Address, to: Address, amount: string) => ({
  target: alt,
  calldata: encodeFunctionData({ abi: altLayerTokenAbi, functionName: 'transfer', args: [to, parseEther(amount)] }),
});

function proposal(key: string, actions: { target: Address; calldata: Hex }[], description: string): ProposalSeed {
  return {
    key,
    targets: actions.map((a) => a.target),
    values: actions.map(() => 0n),
    calldatas: actions.map((a) => a.calldata),
    description,
  };
}

/** Builds the seeded proposals; `recipients` receive the treasury grants. */
export function seededProposals(
  { contracts }: Deployment,
  recipients: { grants: Address; research: Address; candidate: Address },
) {
  const staking = (functionName: string, args: readonly unknown[]) => ({
    target: contracts.staking,
    calldata: encodeFunctionData({ abi: altStakingAbi, functionName: functionName as any, args: args as any }),
  });
  return {
    grants: proposal(
      'grants',
      [transfer(contracts.alt, recipients.grants, '5000000')],
      `# AIP-1: Fund the VITAL verifier grants programme

## Summary
Transfer **5,000,000 ALT** from the treasury to the VITAL grants multisig to fund open-source verifier
clients and fraud-proof tooling for the next two quarters.

## Motivation
VITAL's security depends on client diversity. Today more than 70% of verifiers run the reference client.
Grants will fund two independent implementations and a challenge-game fuzzer.

## Specification
- Recipient: the grants multisig (3-of-5, signers listed on the forum).
- Milestones reported monthly; unspent funds return to the treasury after 12 months.

| Track | Budget |
|---|---|
| Independent verifier clients | 3,000,000 ALT |
| Challenge-game fuzzing | 1,250,000 ALT |
| Audits | 750,000 ALT |
`,
    ),
    rewardRate: proposal(
      'rewardRate',
      [staking('setRewardRate', [parseEther('0.5')])],
      `# AIP-2: Double the staking reward rate

Raise the staking reward stream from 0.25 to **0.5 ALT per second** to attract more operators ahead of the
SQUAD launch.

_Withdrawn by the author after feedback that the reward budget would run out twice as fast._
`,
    ),
    unbonding: proposal(
      'unbonding',
      [staking('setUnbondingPeriod', [BigInt(14 * 86_400)])],
      `# AIP-3: Shorten the unbonding period to 14 days

Stakers have asked for faster exits. This proposal sets the unbonding period to **14 days**, the shortest
the staking contract allows.

### Risks
A shorter period leaves less time to detect misbehaviour and slash stake before it leaves. Several
operators argued on the forum that 21 days is the minimum once a slash has to pass a governance vote
(1-day delay, 5-day vote, 2-day timelock) and the fraud-proof window before it.
`,
    ),
    allowlistExpired: proposal(
      'allowlistExpired',
      [staking('setOperatorAllowlisted', [recipients.candidate, true])],
      `# AIP-4: Allowlist Nebula Nodes as an operator

Nebula Nodes applied to run VITAL verification. This proposal adds their address to the operator
allowlist so they can register.

Their application, hardware specification and key-management policy are on the forum.
`,
    ),
    maxCommission: proposal(
      'maxCommission',
      [staking('setMaxCommission', [1_500n])],
      `# AIP-5: Lower the commission ceiling to 15%

Operators may currently charge up to 20% commission. This proposal lowers the ceiling to **15%** for new
registrations and future commission changes. Existing rates above 15% are unaffected until changed.
`,
    ),
    research: proposal(
      'research',
      [transfer(contracts.alt, recipients.research, '2500000')],
      `# AIP-6: MACH fast-finality research fund

Transfer **2,500,000 ALT** to the research fund for MACH's BLS aggregation work:

1. Aggregated attestations for 1,000+ operators per rollup.
2. A formal model of the finality gadget.
3. Public benchmarks on Ethereum and BNB Smart Chain.
`,
    ),
    allowlist: proposal(
      'allowlist',
      [staking('setOperatorAllowlisted', [recipients.candidate, true])],
      `# AIP-7: Allowlist Nebula Nodes (resubmission)

AIP-4 passed but was never executed within its grace period. Nebula Nodes asked us to resubmit it
unchanged. See [the original discussion](https://forum.altlayer.example/t/nebula-nodes).
`,
    ),
    fundRewards: proposal(
      'fundRewards',
      [
        {
          target: contracts.alt,
          calldata: encodeFunctionData({
            abi: altLayerTokenAbi,
            functionName: 'approve',
            args: [contracts.staking, parseEther('10000000')],
          }),
        },
        staking('fundRewards', [parseEther('10000000')]),
      ],
      `# AIP-8: Top up staking rewards with 10,000,000 ALT

The reward reserve is being drawn down by the SQUAD launch incentives. This proposal approves exactly
**10,000,000 ALT** to the staking contract and funds the reward stream with it, in one proposal.
`,
    ),
    // Asks for more than the treasury holds (4,000,000,000 ALT): its execution would revert today.
    ecosystemFund: proposal(
      'ecosystemFund',
      [transfer(contracts.alt, recipients.grants, '5000000000')],
      `# AIP-9: Ecosystem fund of 5,000,000,000 ALT

Move **5,000,000,000 ALT** to the grants multisig as a five-year ecosystem fund, paid out quarterly
against public milestones. The amount counts the tokens the treasury expects from the next unlock.
`,
    ),
    rewardRateDown: proposal(
      'rewardRateDown',
      [staking('setRewardRate', [parseEther('0.2')])],
      `# AIP-10: Set the staking reward rate to 0.2 ALT per second

Align emissions with the treasury's two-year budget.
`,
    ),
  };
}
