// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "./Base.sol";

/**
 * @dev What every invariant handler action shares: each contract call is sent as a transaction would
 * be (at most 2^24 gas, measured), with the outcome the handler predicted from the state before it:
 * success, or one named error. Anything else, or a call over the cap, reverts the handler, which fails
 * the run (`fail_on_revert`). Bookkeeping runs with gas metering paused, so only the sent calls count.
 */
abstract contract HandlerBase is Base {
    /// @dev The outcome a handler expects when it expects success.
    bytes4 internal constant SUCCEEDS = bytes4(0);

    error UnexpectedOutcome(string action, bytes4 expected, bytes returned);
    error OverTheGasCap(string action, uint256 gasUsed);

    /// @dev How many calls of each action were sent, and how many took effect.
    mapping(bytes32 action => uint256) public ghostSent;
    mapping(bytes32 action => uint256) public ghostEffective;
    /// @dev The most gas any single call needed, and which.
    uint256 public ghostMaxGas;
    string public ghostMaxGasAction;
    /// @dev Whether the last call sent took effect.
    bool internal effectiveNow;

    string[] private _actionNames;
    mapping(bytes32 action => bool) private _known;

    modifier unmetered() {
        vm.pauseGasMetering();
        _;
    }

    /**
     * @dev Sends `data` to `target` from `sender` and checks the outcome is `expected` (SUCCEEDS or an
     * error selector). Returns what the call returned.
     */
    function _send(
        string memory action,
        address sender,
        address target,
        bytes memory data,
        bytes4 expected
    ) internal returns (bytes memory returned) {
        bytes32 key = keccak256(bytes(action));
        if (!_known[key]) {
            _known[key] = true;
            _actionNames.push(action);
        }
        ghostSent[key] += 1;
        vm.cool(target);
        vm.resumeGasMetering();
        vm.resetGasMetering();
        vm.prank(sender);
        uint256 before = gasleft();
        (bool ok, bytes memory ret) = target.call{gas: TX_GAS_CAP - 21_000}(data);
        uint256 used = before - gasleft() + 21_000;
        vm.pauseGasMetering();
        if (used >= TX_GAS_CAP) revert OverTheGasCap(action, used);
        if (used > ghostMaxGas) {
            ghostMaxGas = used;
            ghostMaxGasAction = action;
        }
        effectiveNow = ok;
        if (ok) {
            if (expected != SUCCEEDS) revert UnexpectedOutcome(action, expected, ret);
            ghostEffective[key] += 1;
        } else if (expected == SUCCEEDS || _selector(ret) != expected) {
            revert UnexpectedOutcome(action, expected, ret);
        }
        return ret;
    }

    /// @dev Every action sent so far, with how often it was sent and took effect (printed with -vv).
    function logCoverage() external view {
        for (uint256 i = 0; i < _actionNames.length; ++i) {
            bytes32 key = keccak256(bytes(_actionNames[i]));
            _log(string.concat(_actionNames[i], " sent"), ghostSent[key]);
            _log(string.concat(_actionNames[i], " took effect"), ghostEffective[key]);
        }
    }

    function effective(string memory action) public view returns (uint256) {
        return ghostEffective[keccak256(bytes(action))];
    }

    function _selector(bytes memory ret) private pure returns (bytes4 selector) {
        if (ret.length < 4) return bytes4(0xffffffff);
        assembly {
            selector := mload(add(ret, 32))
        }
    }

    /// @dev The first of `conditions` that holds picks its error; none holding means success.
    function _first(bool[] memory conditions, bytes4[] memory errors) internal pure returns (bytes4) {
        for (uint256 i = 0; i < conditions.length; ++i) if (conditions[i]) return errors[i];
        return SUCCEEDS;
    }

    function _digest(bytes32 domainSeparator, bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }
}
