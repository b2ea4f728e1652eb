// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {OperatorRewards} from "./OperatorRewards.sol";

/**
 * @title StakePositions
 * @notice Positions (a staker's active stake with one operator) and unbonding requests: entering,
 * leaving, and closing a request once it unlocks.
 * @dev Per staker at most {MAX_POSITIONS_PER_STAKER} positions and {MAX_REQUESTS_PER_STAKER} open
 * requests, and only the staker (or the stake agent acting for a claimant) adds a position: nobody's
 * deposit can fill another account's slots. An operator's positions and requests are unbounded in
 * number; only a slash walks them, in pages.
 */
abstract contract StakePositions is OperatorRewards {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.UintSet;

    function _stake(address operator, uint256 amount, address payer, address beneficiary) internal {
        if (beneficiary == address(0)) revert InvalidAddress();
        if (amount == 0) revert ZeroAmount();
        if (amount < _minStake) revert AmountBelowMinimum(amount, _minStake);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _notSlashing(operator);
        _updatePosition(beneficiary, operator);
        _addStake(beneficiary, operator, amount);
        emit Staked(beneficiary, operator, amount, payer);
        _votes.increaseStakedUnits(beneficiary, amount);
        _token.safeTransferFrom(payer, address(this), amount);
    }

    /// @dev Adds `amount` to a position whose rewards are already settled.
    function _addStake(address staker, address operator, uint256 amount) internal {
        Position storage position = _positions[staker][operator];
        if (position.amount == 0) _operatorStakers[operator].add(staker);
        if (_stakerOperators[staker].add(operator) && _stakerOperators[staker].length() > MAX_POSITIONS_PER_STAKER) {
            revert TooManyPositions(MAX_POSITIONS_PER_STAKER);
        }
        position.amount += amount;
        position.principal += amount;
        Operator storage op = _operators[operator];
        op.activeStake += amount;
        _totalActiveStake += amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake += amount;
    }

    /// @dev Checks and removes `amount` of the caller's active stake with `operator`.
    function _leave(address operator, uint256 amount) internal {
        if (amount == 0) revert ZeroAmount();
        _notSlashing(operator);
        _updatePosition(msg.sender, operator);
        Position storage position = _positions[msg.sender][operator];
        uint256 available = position.amount;
        if (amount > available) revert InsufficientStake(amount, available);
        uint256 remainder = available - amount;
        if (remainder != 0 && remainder < _minStake) revert RemainderBelowMinimum(remainder, _minStake);
        position.principal -= Math.mulDiv(position.principal, amount, available);
        position.amount = remainder;
        Operator storage op = _operators[operator];
        op.activeStake -= amount;
        _totalActiveStake -= amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= amount;
        if (remainder == 0) {
            _operatorStakers[operator].remove(msg.sender);
            _forgetIfEmpty(msg.sender, operator);
        }
    }

    function _createRequest(
        address staker,
        address operator,
        address redelegateTo,
        uint256 amount
    ) internal returns (uint256 requestId) {
        requestId = ++_nextRequestId;
        uint48 unlockTime = uint48(block.timestamp + _unbondingPeriod);
        _requests[requestId] = UnbondingRequest({
            staker: staker,
            unlockTime: unlockTime,
            operator: operator,
            redelegateTo: redelegateTo,
            amount: amount,
            requestedAmount: amount
        });
        _stakerRequests[staker].add(requestId);
        if (_stakerRequests[staker].length() > MAX_REQUESTS_PER_STAKER) revert TooManyRequests(MAX_REQUESTS_PER_STAKER);
        _operatorRequests[operator].add(requestId);
        _operators[operator].unbondingStake += amount;
        _totalUnbondingStake += amount;
        if (redelegateTo == address(0)) emit Unstaked(staker, operator, requestId, amount, unlockTime);
        else emit RedelegationRequested(staker, operator, redelegateTo, requestId, amount, unlockTime);
    }

    /**
     * @dev Removes an unlocked request and returns it; `ownerOnly` requires the caller to own it. The
     * caller settles the global unbonding total.
     */
    function _closeRequest(uint256 requestId, bool ownerOnly) internal returns (UnbondingRequest memory request) {
        request = _requests[requestId];
        if (request.staker == address(0)) revert UnknownRequest(requestId);
        if (ownerOnly && request.staker != msg.sender) revert NotRequestOwner(requestId, msg.sender);
        if (block.timestamp < request.unlockTime) revert RequestLocked(requestId, request.unlockTime);
        _notSlashing(request.operator);
        _operators[request.operator].unbondingStake -= request.amount;
        _operatorRequests[request.operator].remove(requestId);
        _stakerRequests[request.staker].remove(requestId);
        delete _requests[requestId];
    }
}
