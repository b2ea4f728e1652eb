// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IStakeVotes
 * @notice What the staking contract tells the votes contract: how much ALT each account has staked,
 * active or unbonding, so that stake keeps voting for its owner.
 */
interface IStakeVotes {
    /// @notice Adds `amount` staked ALT to `account`'s voting units (stake, compound).
    function increaseStakedUnits(address account, uint256 amount) external;

    /// @notice Removes `amount` staked ALT from `account`'s voting units (withdrawal, slash).
    function decreaseStakedUnits(address account, uint256 amount) external;

    /// @notice The only contract allowed to report staked units.
    function staking() external view returns (address);
}
