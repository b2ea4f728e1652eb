// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/**
 * @title AltTimelock
 * @notice The ALT treasury and owner of every governance-controlled parameter: OpenZeppelin's
 * TimelockController, with its delay bounded.
 * @dev The delay is part of the governance path to a slash, which {AltGovernor} keeps shorter than the
 * staking contract's unbonding period after every execution; the bound keeps any single setting sane.
 */
contract AltTimelock is TimelockController {
    /// @notice Longest delay between queueing and execution.
    uint256 public constant MAX_DELAY = 14 days;

    /// @dev A delay above {MAX_DELAY}.
    error DelayOutOfRange(uint256 delay, uint256 maximum);

    /// @param minDelay Minimum seconds between queueing and execution, at most {MAX_DELAY}.
    /// @param proposers Accounts allowed to schedule and cancel (the governor).
    /// @param executors Accounts allowed to execute (the governor).
    /// @param admin Optional bootstrap admin, renounced once roles are set; zero for none.
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {
        _checkDelay(minDelay);
    }

    /// @inheritdoc TimelockController
    function updateDelay(uint256 newDelay) public override {
        _checkDelay(newDelay);
        super.updateDelay(newDelay);
    }

    function _checkDelay(uint256 delay) private pure {
        if (delay > MAX_DELAY) revert DelayOutOfRange(delay, MAX_DELAY);
    }
}
