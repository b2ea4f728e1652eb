// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {StakingBase} from "./StakingBase.sol";

/**
 * @title OperatorRewards
 * @notice Each operator's share of the global stream (see {RewardStream}), less its commission, and
 * each position's share of its operator's.
 * @dev An operator's accrual is split at most twice, whatever happened since its last update: at its
 * one pending commission change, and at the latest ceiling change if it has not seen it (every
 * operator is brought up to a ceiling change before the next may be made).
 */
abstract contract OperatorRewards is StakingBase {
    /// @dev Moves an operator's part of the global stream into its own accumulator, less commission.
    function _updateOperator(address operator) internal {
        _accrueGlobal();
        Operator storage op = _operators[operator];
        (uint256 rewardPerUnit, uint256 commission, bool pendingDue) = _operatorAccrual(op, _rewardPerStake);
        op.rewardPerUnit = rewardPerUnit;
        op.commissionAccrued += commission;
        op.rewardPerStakePaid = _rewardPerStake;
        op.lastUpdate = uint48(block.timestamp);
        op.ceilingsSeen = uint32(_maxCommission.length - 1);
        if (pendingDue) {
            op.commissionBps = op.pendingCommissionBps;
            op.pendingCommissionBps = 0;
            op.commissionEffectiveAt = 0;
            --_pendingChanges;
            emit CommissionChanged(operator, op.commissionBps);
        }
    }

    /**
     * @dev An operator's accrual from its last update to `rewardPerStakeNow`, split at its own pending
     * commission's effective time and at the latest ceiling change if it has not seen it, each part at
     * the commission then in force (never above the ceiling then in force). At most two splits: a
     * ceiling change is applied to every operator before the next may be made (see {applyCeiling}).
     */
    function _operatorAccrual(
        Operator storage op,
        uint256 rewardPerStakeNow
    ) internal view returns (uint256 rewardPerUnit, uint256 commission, bool pendingDue) {
        rewardPerUnit = op.rewardPerUnit;
        uint256 paid = op.rewardPerStakePaid;
        uint256 stakeAmount = op.status == OperatorStatus.Active ? op.activeStake : 0;
        uint256 rate = op.commissionBps;
        uint256 effectiveAt = op.commissionEffectiveAt;
        pendingDue = effectiveAt != 0 && effectiveAt <= block.timestamp;
        if (!pendingDue) effectiveAt = type(uint256).max;
        if (stakeAmount == 0) return (rewardPerUnit, 0, pendingDue);

        uint256 latest = _maxCommission.length - 1;
        uint256 ceiling = _maxCommission[latest].bps;
        uint256 ceilingAt = type(uint256).max;
        if (op.ceilingsSeen < latest) {
            // Not updated since the latest change: the ceiling before it applies up to it.
            ceilingAt = _maxCommission[latest].time;
            ceiling = _maxCommission[latest - 1].bps;
        }
        while (true) {
            uint256 next = Math.min(ceilingAt, effectiveAt);
            if (next == type(uint256).max) break;
            uint256 atNext = _rewardPerStakeAtTime(next);
            (rewardPerUnit, commission) = _accrueSegment(
                rewardPerUnit,
                commission,
                stakeAmount,
                atNext - paid,
                Math.min(rate, ceiling)
            );
            paid = atNext;
            if (next == effectiveAt) {
                rate = op.pendingCommissionBps;
                effectiveAt = type(uint256).max;
            }
            if (next == ceilingAt) {
                ceiling = _maxCommission[latest].bps;
                ceilingAt = type(uint256).max;
            }
        }
        (rewardPerUnit, commission) = _accrueSegment(
            rewardPerUnit,
            commission,
            stakeAmount,
            rewardPerStakeNow - paid,
            Math.min(rate, ceiling)
        );
    }

    function _accrueSegment(
        uint256 rewardPerUnit,
        uint256 commission,
        uint256 stakeAmount,
        uint256 rewardPerStakeDelta,
        uint256 commissionBps
    ) internal pure returns (uint256, uint256) {
        if (stakeAmount == 0 || rewardPerStakeDelta == 0) return (rewardPerUnit, commission);
        uint256 earned = Math.mulDiv(stakeAmount, rewardPerStakeDelta, _PRECISION);
        uint256 cut = Math.mulDiv(earned, commissionBps, _BPS);
        return (rewardPerUnit + Math.mulDiv(earned - cut, _PRECISION, stakeAmount), commission + cut);
    }

    function _updatePosition(address staker, address operator) internal {
        _updateOperator(operator);
        _settlePosition(staker, operator);
    }

    /// @dev Moves a position's rewards up to its operator's accumulator (the operator already updated).
    function _settlePosition(address staker, address operator) internal {
        Position storage position = _positions[staker][operator];
        uint256 rewardPerUnit = _operators[operator].rewardPerUnit;
        position.rewards += Math.mulDiv(position.amount, rewardPerUnit - position.rewardPerUnitPaid, _PRECISION);
        position.rewardPerUnitPaid = rewardPerUnit;
    }

    function _pendingRewards(address staker, address operator) internal view returns (uint256) {
        (uint256 rewardPerStake, ) = _previewGlobal(block.timestamp);
        (uint256 rewardPerUnit, , ) = _operatorAccrual(_operators[operator], rewardPerStake);
        Position storage position = _positions[staker][operator];
        return position.rewards + Math.mulDiv(position.amount, rewardPerUnit - position.rewardPerUnitPaid, _PRECISION);
    }

    function _setStatus(address operator, OperatorStatus status) internal {
        _updateOperator(operator);
        Operator storage op = _operators[operator];
        if (op.status == OperatorStatus.Active) _totalEarningStake -= op.activeStake;
        if (status == OperatorStatus.Active) _totalEarningStake += op.activeStake;
        op.status = status;
        emit OperatorStatusChanged(operator, status);
    }
}
