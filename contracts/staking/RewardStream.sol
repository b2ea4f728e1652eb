// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/**
 * @title RewardStream
 * @notice Streams funded ALT at a fixed rate per second to all earning stake, through one global
 * reward-per-stake accumulator.
 * @dev Breakpoints: a commission change must apply from the second it takes effect, not from the next
 * transaction that happens to touch its operator. Each scheduled effective time is queued here (the
 * queue is kept sorted, so a time is never moved earlier), and every accrual first advances the
 * accumulator exactly to each due breakpoint and records its value, as a transaction at that second
 * would have. Operators then split their earnings at those recorded values. Views simulate the same
 * stepping, so a preview equals what the next transaction will write.
 */
abstract contract RewardStream {
    /// @dev Fixed-point scale of the accumulators.
    uint256 internal constant _PRECISION = 1e36;

    uint256 internal _rewardRate;
    uint256 internal _rewardPerStake;
    uint256 internal _lastRewardUpdate;
    uint256 internal _undistributedRewards;
    /// @dev ALT held for rewards: undistributed, streamed but unclaimed, and operators' commission.
    uint256 internal _rewardsReserve;
    uint256 internal _totalEarningStake;

    uint48[] private _breakpoints;
    uint256 private _breakpointHead;
    /// @dev Accumulator value at a breakpoint or parameter change, plus one (zero means not recorded).
    mapping(uint256 time => uint256) private _rewardPerStakeAt;

    constructor() {
        _lastRewardUpdate = block.timestamp;
    }

    /// @dev Streams rewards up to now, stopping at (and recording) every due breakpoint on the way.
    function _accrueGlobal() internal {
        uint256 head = _breakpointHead;
        uint256 length = _breakpoints.length;
        if (head < length) {
            while (head < length) {
                uint256 time = _breakpoints[head];
                if (time > block.timestamp) break;
                _accrueTo(time);
                _rewardPerStakeAt[time] = _rewardPerStake + 1;
                ++head;
            }
            _breakpointHead = head;
        }
        _accrueTo(block.timestamp);
    }

    /// @dev Records the accumulator now (after {_accrueGlobal}), for a change that takes effect now.
    function _recordNow() internal {
        _rewardPerStakeAt[block.timestamp] = _rewardPerStake + 1;
    }

    /**
     * @dev Queues a breakpoint at `time` or, to keep the queue sorted, at the last queued time if that
     * is later. Returns the time actually scheduled.
     */
    function _scheduleBreakpoint(uint256 time) internal returns (uint48 scheduled) {
        uint256 length = _breakpoints.length;
        uint256 last = length == 0 ? 0 : _breakpoints[length - 1];
        if (time < last) time = last;
        if (time != last) _breakpoints.push(uint48(time));
        return uint48(time);
    }

    function _accrueTo(uint256 time) private {
        uint256 last = _lastRewardUpdate;
        if (time <= last) return;
        (_rewardPerStake, _undistributedRewards) = _step(
            _rewardPerStake,
            _undistributedRewards,
            time - last
        );
        _lastRewardUpdate = time;
    }

    function _step(
        uint256 rewardPerStake,
        uint256 undistributed,
        uint256 elapsed
    ) private view returns (uint256, uint256) {
        uint256 earning = _totalEarningStake;
        if (earning == 0 || elapsed == 0) return (rewardPerStake, undistributed);
        uint256 distributed = Math.min(_rewardRate * elapsed, undistributed);
        return (rewardPerStake + Math.mulDiv(distributed, _PRECISION, earning), undistributed - distributed);
    }

    /**
     * @dev What the accumulator and the undistributed balance will be at `until` (not before the last
     * update), stepping through due breakpoints exactly as {_accrueGlobal} does.
     */
    function _previewGlobal(uint256 until) internal view returns (uint256 rewardPerStake, uint256 undistributed) {
        rewardPerStake = _rewardPerStake;
        undistributed = _undistributedRewards;
        uint256 last = _lastRewardUpdate;
        uint256 length = _breakpoints.length;
        for (uint256 i = _breakpointHead; i < length; ++i) {
            uint256 time = _breakpoints[i];
            if (time > until) break;
            if (time > last) {
                (rewardPerStake, undistributed) = _step(rewardPerStake, undistributed, time - last);
                last = time;
            }
        }
        if (until > last) (rewardPerStake, undistributed) = _step(rewardPerStake, undistributed, until - last);
    }

    /// @dev The accumulator at a past or present breakpoint `time`: recorded, or previewed.
    function _rewardPerStakeAtTime(uint256 time) internal view returns (uint256) {
        uint256 recorded = _rewardPerStakeAt[time];
        if (recorded != 0) return recorded - 1;
        (uint256 value, ) = _previewGlobal(time);
        return value;
    }
}
