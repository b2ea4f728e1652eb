/**
 * The three staking views the first page reads (a holder's positions, the protocol's parameters,
 * and the votes contract staking counts in), written out so the Overview carries these, not the
 * whole generated views ABI. A unit test keeps them equal to the generated entries.
 */
export const stakingInterfaceAbi = [
  {
    inputs: [{ type: 'address' }],
    name: 'getStaker',
    outputs: [
      {
        components: [
          { name: 'operator', type: 'address' },
          { name: 'stake', type: 'uint256' },
          { name: 'principal', type: 'uint256' },
          { name: 'pendingRewards', type: 'uint256' },
        ],
        name: 'positions',
        type: 'tuple[]',
      },
      {
        components: [
          { name: 'id', type: 'uint256' },
          { name: 'operator', type: 'address' },
          { name: 'redelegateTo', type: 'address' },
          { name: 'unlockTime', type: 'uint48' },
          { name: 'requestedAmount', type: 'uint256' },
          { name: 'amount', type: 'uint256' },
        ],
        name: 'requests',
        type: 'tuple[]',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'getParameters',
    outputs: [
      {
        components: [
          { name: 'unbondingPeriod', type: 'uint256' },
          { name: 'commissionDelay', type: 'uint256' },
          { name: 'maxCommissionBps', type: 'uint256' },
          { name: 'minStake', type: 'uint256' },
          { name: 'rewardRate', type: 'uint256' },
          { name: 'treasury', type: 'address' },
          { name: 'totalActiveStake', type: 'uint256' },
          { name: 'totalUnbondingStake', type: 'uint256' },
          { name: 'totalEarningStake', type: 'uint256' },
          { name: 'undistributedRewards', type: 'uint256' },
          { name: 'rewardsReserve', type: 'uint256' },
          { name: 'slashedPending', type: 'uint256' },
          { name: 'operatorCount', type: 'uint256' },
        ],
        name: '',
        type: 'tuple',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  { inputs: [], name: 'votes', outputs: [{ name: '', type: 'address' }], stateMutability: 'view', type: 'function' },
] as const;
