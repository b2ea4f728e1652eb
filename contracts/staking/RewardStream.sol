// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/**
 * @title RewardStream
 * @notice Streams funded ALT at a fixed rate per second to all earning stake, through one global
 * reward-per-stake accumulator.
 * @dev A commission change must apply from the second it takes effect, not from the next transaction
 * that happens to touch its operator, so an operator's accrual needs the accumulator's value at that
 * second. Changes take effect only at the start of a day ({_EPOCH}), and the accumulator is linear
 * between two transactions (nothing it depends on changes without one). So the first accrual that
 * crosses one or more day boundaries while any change is pending records the segment it closes (its
 * start, accumulator, undistributed rewards, rate and earning stake): the value at every boundary in
 * it follows from that record, found by binary search. Bounds, whatever anyone did before:
 * - an accrual writes at most one record (three slots), whatever the number of pending changes;
 * - a look-up reads at most log2(records) + 3 slots, and records grow by at most one a day;
 * - there is no queue of due work: no account can make another's transaction longer.
 */
abstract contract RewardStream {
    /// @dev Fixed-point scale of the accumulators.
    uint256 internal constant _PRECISION = 1e36;
    /// @dev Commission changes take effect at multiples of this (the start of a UTC day).
    uint256 internal constant _EPOCH = 1 days;

    /// @dev The stream between two transactions that crossed a day boundary, as it was at its start.
    struct Segment {
        uint48 start;
        uint80 rate;
        uint128 undistributed;
        uint256 rewardPerStake;
        uint256 earning;
    }

    uint256 internal _rewardRate;
    uint256 internal _rewardPerStake;
    uint256 internal _lastRewardUpdate;
    uint256 internal _undistributedRewards;
    /// @dev ALT held for rewards: undistributed, streamed but unclaimed, and operators' commission.
    uint256 internal _rewardsReserve;
    uint256 internal _totalEarningStake;
    /// @dev Commission changes scheduled and not yet applied to their operator.
    uint256 internal _pendingChanges;

    Segment[] private _segments;

    /// @dev No record of the stream at `time` (cannot happen: see {_rewardPerStakeAtTime}).
    error NoStreamRecord(uint256 time);
    /// @dev Accumulator value at a parameter change, plus one (zero means not recorded).
    mapping(uint256 time => uint256) private _rewardPerStakeAt;

    constructor() {
        _lastRewardUpdate = block.timestamp;
    }

    /// @dev Streams rewards up to now, recording the segment it closes if a pending change needs it.
    function _accrueGlobal() internal {
        uint256 last = _lastRewardUpdate;
        if (block.timestamp <= last) return;
        if (_pendingChanges != 0 && block.timestamp / _EPOCH > last / _EPOCH) {
            _segments.push(
                Segment({
                    start: uint48(last),
                    rate: uint80(_rewardRate),
                    undistributed: uint128(_undistributedRewards),
                    rewardPerStake: _rewardPerStake,
                    earning: _totalEarningStake
                })
            );
        }
        (_rewardPerStake, _undistributedRewards) = _step(
            _rewardPerStake,
            _undistributedRewards,
            block.timestamp - last,
            _rewardRate,
            _totalEarningStake
        );
        _lastRewardUpdate = block.timestamp;
    }

    /// @dev Records the accumulator now (after {_accrueGlobal}), for a change that takes effect now.
    function _recordNow() internal {
        _rewardPerStakeAt[block.timestamp] = _rewardPerStake + 1;
    }

    /// @dev The first day boundary at or after `earliest`: when a change requested now takes effect.
    function _effectiveTime(uint256 earliest) internal pure returns (uint48) {
        return uint48(Math.ceilDiv(earliest, _EPOCH) * _EPOCH);
    }

    function _step(
        uint256 rewardPerStake,
        uint256 undistributed,
        uint256 elapsed,
        uint256 rate,
        uint256 earning
    ) private pure returns (uint256, uint256) {
        if (earning == 0 || elapsed == 0) return (rewardPerStake, undistributed);
        uint256 distributed = Math.min(rate * elapsed, undistributed);
        return (rewardPerStake + Math.mulDiv(distributed, _PRECISION, earning), undistributed - distributed);
    }

    /// @dev What the accumulator and the undistributed balance will be at `until` (not before the last update).
    function _previewGlobal(uint256 until) internal view returns (uint256 rewardPerStake, uint256 undistributed) {
        uint256 last = _lastRewardUpdate;
        if (until <= last) return (_rewardPerStake, _undistributedRewards);
        return _step(_rewardPerStake, _undistributedRewards, until - last, _rewardRate, _totalEarningStake);
    }

    /**
     * @dev The accumulator at `time`, a parameter change or a day boundary at which a change pending
     * then took effect: recorded, previewed from now, or computed from the segment that spans it.
     */
    function _rewardPerStakeAtTime(uint256 time) internal view returns (uint256) {
        uint256 recorded = _rewardPerStakeAt[time];
        if (recorded != 0) return recorded - 1;
        if (time >= _lastRewardUpdate) {
            (uint256 value, ) = _previewGlobal(time);
            return value;
        }
        // The last segment starting before `time`: the one whose closing accrual crossed it.
        uint256 low = 0;
        uint256 high = _segments.length;
        while (low < high) {
            uint256 mid = Math.average(low, high);
            if (_segments[mid].start < time) low = mid + 1;
            else high = mid;
        }
        // Every change takes effect after its request, so an accrual crossed its time with it pending.
        if (low == 0) revert NoStreamRecord(time);
        Segment storage s = _segments[low - 1];
        (uint256 atTime, ) = _step(s.rewardPerStake, s.undistributed, time - s.start, s.rate, s.earning);
        return atTime;
    }
}
