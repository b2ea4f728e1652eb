// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/**
 * @title AltTimelock
 * @notice The ALT treasury and owner of every governance-controlled parameter: OpenZeppelin's
 * TimelockController, unchanged, named for this protocol.
 */
contract AltTimelock is TimelockController {
    /// @param minDelay Minimum seconds between queueing and execution.
    /// @param proposers Accounts allowed to schedule and cancel (the governor).
    /// @param executors Accounts allowed to execute (the governor).
    /// @param admin Optional bootstrap admin, renounced once roles are set; zero for none.
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}
}
