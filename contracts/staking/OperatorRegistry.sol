// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {OperatorRewards} from "./OperatorRewards.sol";

/**
 * @title OperatorRegistry
 * @notice Operators: the allowlist governance keeps, registration, metadata, services, the one pending
 * commission change each may have, and activation.
 * @dev Bounds: one pending commission change per operator (a request replaces it), requested only by an
 * allowlisted active operator, taking effect at the first day start after the notice, never the second
 * it is requested (see {RewardStream}); metadata of at most
 * {MAX_METADATA_LENGTH} bytes; a deactivation by governance sticks until governance reverses it.
 */
abstract contract OperatorRegistry is OperatorRewards {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Registers the caller as an operator; the caller must be allowlisted by governance.
    function registerOperator(string calldata metadataURI, uint8 services, uint16 commissionBps) external {
        if (!_allowlisted[msg.sender]) revert OperatorNotAllowlisted(msg.sender);
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.None) revert OperatorAlreadyRegistered(msg.sender);
        _checkServices(services);
        _checkMetadata(metadataURI);
        uint256 maximum = maxCommissionBps();
        if (commissionBps > maximum) revert CommissionTooHigh(commissionBps, maximum);
        _accrueGlobal();
        op.status = OperatorStatus.Active;
        op.services = services;
        op.commissionBps = commissionBps;
        op.metadataURI = metadataURI;
        op.rewardPerStakePaid = _rewardPerStake;
        op.lastUpdate = uint48(block.timestamp);
        op.ceilingsSeen = uint32(_maxCommission.length - 1);
        // Registered under the latest ceiling: nothing to bring it up to.
        if (_ceilingCursor == _operatorList.length) ++_ceilingCursor;
        _operatorList.push(msg.sender);
        emit OperatorRegistered(msg.sender, services, commissionBps, metadataURI);
    }

    /// @notice Updates the caller's metadata URI (JSON with name, website, description, logo).
    function setMetadataURI(string calldata metadataURI) external {
        Operator storage op = _registered(msg.sender);
        _checkMetadata(metadataURI);
        op.metadataURI = metadataURI;
        emit OperatorMetadataUpdated(msg.sender, metadataURI);
    }

    /// @notice Updates the set of services the caller runs.
    function setServices(uint8 services) external {
        Operator storage op = _registered(msg.sender);
        _checkServices(services);
        op.services = services;
        emit OperatorServicesUpdated(msg.sender, services);
    }

    /**
     * @notice Schedules a new commission for the caller, an allowlisted active operator, effective at
     * the start of the first day (UTC) after the commission delay.
     * @dev An operator has at most one pending change: a new request replaces it and restarts the
     * delay, so stakers always get the full delay to react to the rate that will apply, and no
     * operator can queue work for anyone else's transactions (see {RewardStream}).
     */
    function requestCommissionChange(uint16 commissionBps) external {
        if (!_allowlisted[msg.sender]) revert OperatorNotAllowlisted(msg.sender);
        if (_operators[msg.sender].status != OperatorStatus.Active) revert OperatorNotActive(msg.sender);
        uint256 maximum = maxCommissionBps();
        if (commissionBps > maximum) revert CommissionTooHigh(commissionBps, maximum);
        _updateOperator(msg.sender);
        Operator storage op = _operators[msg.sender];
        // Strictly after this second, even with no notice: the stream records the segment a change
        // needs only from the first accrual after its request.
        uint48 effectiveAt = _effectiveTime(block.timestamp + _commissionDelay + 1);
        if (op.commissionEffectiveAt == 0) ++_pendingChanges;
        op.pendingCommissionBps = commissionBps;
        op.commissionEffectiveAt = effectiveAt;
        emit CommissionChangeRequested(msg.sender, commissionBps, effectiveAt);
    }

    /**
     * @notice Stops an operator from taking stake and earning rewards; by the operator or governance.
     * A deactivation by governance sticks until governance reactivates the operator.
     */
    function deactivateOperator(address operator) external {
        bool byGovernance = hasRole(DEFAULT_ADMIN_ROLE, msg.sender);
        if (msg.sender != operator && !byGovernance) revert NotOperatorOrAdmin(msg.sender);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _operators[operator].deactivatedByGovernance = byGovernance;
        _setStatus(operator, OperatorStatus.Deactivated);
    }

    /**
     * @notice Reactivates a deactivated operator that is still allowlisted: by governance, or by the
     * operator itself if it deactivated itself.
     */
    function activateOperator(address operator) external {
        bool byGovernance = hasRole(DEFAULT_ADMIN_ROLE, msg.sender);
        if (msg.sender != operator && !byGovernance) revert NotOperatorOrAdmin(msg.sender);
        Operator storage op = _registered(operator);
        if (op.status == OperatorStatus.Active) revert OperatorAlreadyActive(operator);
        if (!_allowlisted[operator]) revert OperatorNotAllowlisted(operator);
        if (op.deactivatedByGovernance && !byGovernance) revert DeactivatedByGovernance(operator);
        op.deactivatedByGovernance = false;
        _setStatus(operator, OperatorStatus.Active);
    }

    /// @notice Adds or removes `operator` from the registration allowlist; removal deactivates it.
    function setOperatorAllowlisted(address operator, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (operator == address(0)) revert InvalidAddress();
        _allowlisted[operator] = allowed;
        emit OperatorAllowlistUpdated(operator, allowed);
        if (!allowed && _operators[operator].status == OperatorStatus.Active) {
            _operators[operator].deactivatedByGovernance = true;
            _setStatus(operator, OperatorStatus.Deactivated);
        }
    }

    /**
     * @notice Sets the commission ceiling. It caps every commission from now on, including those already
     * in force and those pending; raising it again restores the operators' own rates. Each operator
     * is brought up to it at once ({CEILING_FIRST_PAGE} of them) or by {applyCeiling}, which anyone may
     * call; until every one is, the ceiling cannot change again.
     * @dev So an operator's accrual crosses at most one ceiling change, however long it was left alone.
     */
    function setMaxCommission(uint256 maxCommissionBps_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(maxCommissionBps_, 0, _BPS);
        uint256 left = _operatorList.length - _ceilingCursor;
        if (left != 0) revert CeilingBeingApplied(left);
        _accrueGlobal();
        _recordNow();
        uint256 last = _maxCommission.length - 1;
        if (_maxCommission[last].time == block.timestamp) {
            // Every operator was brought up to the change made this second: it applies from now, as this.
            _maxCommission[last].bps = uint16(maxCommissionBps_);
        } else {
            _maxCommission.push(MaxCommissionChange(uint48(block.timestamp), uint16(maxCommissionBps_)));
            _ceilingCursor = 0;
        }
        emit MaxCommissionUpdated(maxCommissionBps_);
        _applyCeiling(CEILING_FIRST_PAGE);
    }

    /// @notice Brings up to `maxOperators` (at most {MAX_CEILING_PAGE}) more operators up to the latest ceiling.
    function applyCeiling(uint256 maxOperators) external {
        _applyCeiling(Math.min(maxOperators, MAX_CEILING_PAGE));
    }

    function _applyCeiling(uint256 maxOperators) private {
        uint256 cursor = _ceilingCursor;
        uint256 end = Math.min(_operatorList.length, cursor + maxOperators);
        for (; cursor < end; ++cursor) _updateOperator(_operatorList[cursor]);
        _ceilingCursor = cursor;
    }

    function _checkServices(uint8 services) internal pure {
        if (services == 0 || services & ~_ALL_SERVICES != 0) revert InvalidServices(services);
    }

    function _checkMetadata(string calldata metadataURI) internal pure {
        if (bytes(metadataURI).length > MAX_METADATA_LENGTH) {
            revert MetadataTooLong(bytes(metadataURI).length, MAX_METADATA_LENGTH);
        }
    }

    function _operatorInfo(address operator) internal view returns (OperatorInfo memory info) {
        Operator storage op = _operators[operator];
        (uint256 rewardPerStake, ) = _previewGlobal(block.timestamp);
        (, uint256 commission, bool pendingDue) = _operatorAccrual(op, rewardPerStake);
        uint256 ceiling = maxCommissionBps();
        info = OperatorInfo({
            operator: operator,
            status: op.status,
            services: op.services,
            commissionBps: uint16(Math.min(pendingDue ? op.pendingCommissionBps : op.commissionBps, ceiling)),
            pendingCommissionBps: pendingDue ? 0 : uint16(Math.min(op.pendingCommissionBps, ceiling)),
            commissionEffectiveAt: pendingDue ? 0 : op.commissionEffectiveAt,
            slashCount: op.slashCount,
            stakerCount: uint32(_operatorStakers[operator].length()),
            slashing: _slashes[operator].fractionBps != 0,
            totalStake: op.activeStake,
            unbondingStake: op.unbondingStake,
            selfStake: _positions[operator][operator].amount,
            totalSlashed: op.totalSlashed,
            commissionAccrued: op.commissionAccrued + commission,
            metadataURI: op.metadataURI
        });
    }
}
