// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {OperatorRegistry} from "../../staking/OperatorRegistry.sol";
import {Slashing} from "../../staking/Slashing.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {AltAirdrop} from "../../AltAirdrop.sol";
import {bound} from "./Base.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @dev Holds vALT and never votes: a pool, a vault.
contract VotesSink {}

/**
 * @dev The protocol handler's state and shared steps: who acts, the ghost model (what went in and
 * out, the commission rate in force, who governance deactivated), each action's predicted outcome,
 * slashes taken to completion in pages, time that moves with the commission charged checked, and
 * the liveness phase that ends every run.
 */
abstract contract HandlerState is HandlerBase {
    uint256 internal constant _BPS = 10_000;
    uint256 private constant _TRACKED_TIMEPOINTS = 24;
    uint256 private constant _EPOCH = 1 days;
    bytes32 internal constant _PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant _DELEGATION_TYPEHASH = keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");
    /// @dev Actors below this index are in the airdrop's tree.
    uint256 internal constant _ELIGIBLE = 16;

    AltLayerToken public immutable alt;
    AltVotes public immutable votes;
    AltStaking public immutable staking;
    AltAirdrop public immutable airdrop;
    VotesSink public immutable sink;
    address public immutable crowdDelegate;

    address[] internal _actors;
    uint256[] internal _keys;
    address[] internal _operators;
    address[] internal _crowd;

    uint256 public ghostFunded;
    uint256 public ghostRewardsPaid;
    mapping(address account => uint256) public ghostPutIn;
    mapping(address account => uint256) public ghostTakenOut;
    /// @dev Set with a message when a slash took anything but its exact share of what was slashable.
    string public ghostSlashError;
    /// @dev Set with a message when an operator was charged other than the rate the ghost holds in force.
    string public ghostCommissionError;
    uint256 public ghostCommissionChecks;

    /// @dev Commission as requested (the ceiling applies on top), the pending change and when it applies.
    mapping(address operator => uint256) public ghostRate;
    mapping(address operator => uint256) public ghostPendingBps;
    mapping(address operator => uint256) public ghostPendingAt;
    uint256 public ghostCeiling;
    uint256 public ghostCommissionDelay;
    mapping(address operator => bool) public ghostDeactivatedByGovernance;

    uint48[] private _timepoints;
    mapping(uint48 time => uint256) public ghostVotableAt;

    constructor(
        AltLayerToken alt_,
        AltVotes votes_,
        AltStaking staking_,
        AltAirdrop airdrop_,
        uint256[] memory actorKeys,
        address[] memory operators_,
        address[] memory crowd_,
        address crowdDelegate_
    ) {
        alt = alt_;
        votes = votes_;
        staking = staking_;
        airdrop = airdrop_;
        sink = new VotesSink();
        crowdDelegate = crowdDelegate_;
        _keys = actorKeys;
        for (uint256 i = 0; i < actorKeys.length; ++i) _actors.push(vm.addr(actorKeys[i]));
        _operators = operators_;
        _crowd = crowd_;
        StakingBase.Parameters memory p = staking_.getParameters();
        ghostCeiling = p.maxCommissionBps;
        ghostCommissionDelay = p.commissionDelay;
        for (uint256 i = 0; i < operators_.length; ++i) ghostRate[operators_[i]] = 300 * (i + 1);
    }

    /// @dev Actions run so far (a check that runs after every few reads it).
    uint256 public calls;

    modifier recorded() {
        _;
        _recordTimepoint();
        ++calls;
    }

    // ---------------------------------------------------------------- predicted outcomes

    function _stakeOutcome(address actor, address operator, uint256 amount) internal view returns (bytes4) {
        StakingBase.OperatorInfo memory info = staking.getOperator(operator);
        if (amount < staking.getParameters().minStake) return StakingBase.AmountBelowMinimum.selector;
        if (info.status != StakingBase.OperatorStatus.Active) return StakingBase.OperatorNotActive.selector;
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(actor);
        if (positions.length >= staking.MAX_POSITIONS_PER_STAKER() && !_holds(positions, operator)) {
            return StakingBase.TooManyPositions.selector;
        }
        if (alt.paused()) return Pausable.EnforcedPause.selector;
        return SUCCEEDS;
    }

    /// @dev Leaving `amount` of `actor`'s stake with `operator` (unstake, unstakeAll, redelegate).
    function _leaveOutcome(address actor, address operator, uint256 amount) internal view returns (bytes4) {
        if (amount == 0) return StakingBase.ZeroAmount.selector;
        uint256 position = _positionOf(actor, operator);
        uint256 remainder = position - amount;
        if (remainder != 0 && remainder < staking.getParameters().minStake) {
            return StakingBase.RemainderBelowMinimum.selector;
        }
        (, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(actor);
        if (requests.length >= staking.MAX_REQUESTS_PER_STAKER()) return StakingBase.TooManyRequests.selector;
        return SUCCEEDS;
    }

    function _completeOutcome(address actor, uint256 id) internal view returns (bytes4) {
        (, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(actor);
        for (uint256 i = 0; i < requests.length; ++i) {
            if (requests[i].id != id) continue;
            if (requests[i].amount > 0 && _status(requests[i].redelegateTo) != StakingBase.OperatorStatus.Active) {
                return StakingBase.OperatorNotActive.selector;
            }
        }
        return SUCCEEDS;
    }

    function _claimOutcome(address actor, uint256 index, uint256 mode, address operator) internal view returns (bytes4) {
        if (block.timestamp >= _claimEnd()) return AltAirdrop.ClaimWindowClosed.selector;
        if (airdrop.isClaimed(actor)) return AltAirdrop.AlreadyClaimed.selector;
        if (index >= _ELIGIBLE) return AltAirdrop.InvalidProof.selector;
        if (mode == 2 && _status(operator) != StakingBase.OperatorStatus.Active) return StakingBase.OperatorNotActive.selector;
        if (alt.paused()) return Pausable.EnforcedPause.selector;
        address current = votes.delegates(actor);
        if (mode == 1 && current != address(0) && current != actor) return AltAirdrop.DelegationFailed.selector;
        return SUCCEEDS;
    }

    // ---------------------------------------------------------------- shared steps

    function _requestCommission(address operator, uint256 seed) internal {
        _rollGhostCommission();
        uint256 bps = bound(seed, 0, ghostCeiling + 100);
        bytes4 outcome = !staking.isAllowlisted(operator)
            ? StakingBase.OperatorNotAllowlisted.selector
            : _status(operator) != StakingBase.OperatorStatus.Active
                ? StakingBase.OperatorNotActive.selector
                : bps > ghostCeiling
                    ? StakingBase.CommissionTooHigh.selector
                    : SUCCEEDS;
        bytes memory data = abi.encodeCall(OperatorRegistry.requestCommissionChange, (uint16(bps)));
        _send("requestCommission", operator, address(staking), data, outcome);
        if (!effectiveNow) return;
        uint256 at = ((block.timestamp + ghostCommissionDelay + _EPOCH) / _EPOCH) * _EPOCH;
        ghostPendingBps[operator] = bps;
        ghostPendingAt[operator] = at;
        if (at > block.timestamp) {
            assertEq(staking.getOperator(operator).commissionEffectiveAt, at, "a change takes effect at the first day start after the delay");
        }
    }

    /// @dev What was slashable with an operator when a slash was recorded.
    struct SlashSnapshot {
        address[] everyone;
        uint256[] positions;
        uint256[] units;
        uint256[][] requests;
        uint256 crowdPosition;
        uint256 slashedBefore;
        uint256 recordedAt;
    }

    function _slashToCompletion(address operator, uint256 bps, uint256 pageSeed) internal {
        SlashSnapshot memory snapshot = _snapshot(operator);
        _send("slash", address(this), address(staking), abi.encodeCall(Slashing.slash, (operator, bps, "invariant slash")), SUCCEEDS);
        _pagesToCompletion(operator, pageSeed);
        _checkSlash(snapshot, operator, bps);
    }

    function _snapshot(address operator) private view returns (SlashSnapshot memory snapshot) {
        snapshot.everyone = _everyone();
        uint256 n = snapshot.everyone.length;
        snapshot.positions = new uint256[](n);
        snapshot.units = new uint256[](n);
        snapshot.requests = new uint256[][](n);
        for (uint256 i = 0; i < n; ++i) {
            snapshot.positions[i] = _positionOf(snapshot.everyone[i], operator);
            snapshot.units[i] = votes.stakedUnitsOf(snapshot.everyone[i]);
            snapshot.requests[i] = _requestAmounts(snapshot.everyone[i], operator);
        }
        if (operator == _operators[0]) snapshot.crowdPosition = _positionOf(_crowd[0], operator);
        snapshot.slashedBefore = staking.getOperator(operator).totalSlashed;
        snapshot.recordedAt = block.timestamp;
    }

    /// @dev Anyone finishes the slash in pages of varied size, a day passing between some of them.
    function _pagesToCompletion(address operator, uint256 pageSeed) private {
        for (uint256 page = 0; ; ++page) {
            (uint256 fraction, , , ) = staking.slashInProgress(operator);
            if (fraction == 0) break;
            if (page % 3 == 1) {
                _recordTimepoint();
                vm.warp(block.timestamp + 1 days);
                vm.roll(block.number + 1);
            }
            uint256 size = page % 2 == 0 ? 64 : 1 + (uint256(keccak256(abi.encode(pageSeed, page))) % 64);
            bytes memory data = abi.encodeCall(Slashing.continueSlash, (operator, size));
            _send("continueSlash", _actor((pageSeed % _actors.length) + page), address(staking), data, SUCCEEDS);
        }
        ghostEffective[keccak256("slashCompleted")] += 1;
        bytes memory again = abi.encodeCall(Slashing.continueSlash, (operator, 1));
        _send("continueSlashWhenDone", _actor(pageSeed), address(staking), again, StakingBase.NoSlashInProgress.selector);
    }

    function _checkSlash(SlashSnapshot memory snapshot, address operator, uint256 bps) private {
        uint256 expectedTotal;
        for (uint256 i = 0; i < snapshot.everyone.length; ++i) {
            expectedTotal += _checkSlashed(
                snapshot.everyone[i],
                operator,
                bps,
                snapshot.recordedAt,
                snapshot.positions[i],
                snapshot.units[i],
                snapshot.requests[i]
            );
        }
        if (snapshot.crowdPosition != 0) {
            uint256 cut = _cut(snapshot.crowdPosition, bps);
            for (uint256 i = 0; i < _crowd.length; i += 25) {
                if (_positionOf(_crowd[i], operator) != snapshot.crowdPosition - cut) {
                    ghostSlashError = "a crowd position lost other than its share";
                }
            }
            expectedTotal += cut * _crowd.length;
        }
        if (staking.getOperator(operator).totalSlashed - snapshot.slashedBefore != expectedTotal) {
            ghostSlashError = "the slash's total is not the sum of its shares";
        }
    }

    /// @dev The cut `account` should have taken; records an error unless it lost exactly that.
    function _checkSlashed(
        address account,
        address operator,
        uint256 bps,
        uint256 recordedAt,
        uint256 positionBefore,
        uint256 unitsBefore,
        uint256[] memory requestsBefore
    ) private returns (uint256 expectedCut) {
        expectedCut = _cut(positionBefore, bps);
        if (_positionOf(account, operator) != positionBefore - expectedCut) {
            ghostSlashError = "a position lost other than its share";
        }
        (, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(account);
        uint256 k;
        for (uint256 j = 0; j < requests.length; ++j) {
            if (requests[j].operator != operator) continue;
            uint256 before = requestsBefore[k++];
            uint256 cut = requests[j].unlockTime > recordedAt ? _cut(before, bps) : 0;
            if (requests[j].amount != before - cut) ghostSlashError = "a request lost other than its share";
            expectedCut += cut;
        }
        if (votes.stakedUnitsOf(account) != unitsBefore - expectedCut) {
            ghostSlashError = "voting units did not fall by the slash";
        }
    }

    /// @dev Moves time to `target`, stopping at every pending commission change on the way.
    function _warpChecked(uint256 target) internal {
        while (true) {
            uint256 next = target;
            for (uint256 i = 0; i < _operators.length; ++i) {
                uint256 at = ghostPendingAt[_operators[i]];
                if (at > block.timestamp && at < next) next = at;
            }
            _warpAndCheckCommission(next);
            if (next == target) return;
        }
    }

    /**
     * @dev Over a stretch with nothing but time passing, each operator's commission is the rate the
     * ghost holds in force (as requested, under the ceiling) of all its stake earned. Not for the
     * crowd's operator, whose stakers are too many to sum here; its code path is the same.
     */
    function _warpAndCheckCommission(uint256 to) private {
        _rollGhostCommission();
        _recordTimepoint();
        uint256 n = _operators.length;
        uint256[] memory commissionBefore = new uint256[](n);
        uint256[] memory rewardsBefore = new uint256[](n);
        for (uint256 i = 1; i < n; ++i) {
            commissionBefore[i] = staking.getOperator(_operators[i]).commissionAccrued;
            rewardsBefore[i] = _stakersRewards(_operators[i]);
        }
        vm.warp(to);
        vm.roll(block.number + 1);
        for (uint256 i = 1; i < n; ++i) {
            address operator = _operators[i];
            uint256 commission = staking.getOperator(operator).commissionAccrued - commissionBefore[i];
            uint256 earned = commission + _stakersRewards(operator) - rewardsBefore[i];
            uint256 rate = ghostRate[operator] < ghostCeiling ? ghostRate[operator] : ghostCeiling;
            uint256 charged = commission * _BPS;
            uint256 due = earned * rate;
            uint256 tolerance = _BPS * (_actors.length + _operators.length + 2);
            if (charged > due + tolerance || due > charged + tolerance) {
                ghostCommissionError = "an operator was charged other than the rate in force";
            }
            if (earned > 0) ++ghostCommissionChecks;
        }
    }

    /// @dev Changes that took effect by now become the rate in force.
    function _rollGhostCommission() internal {
        for (uint256 i = 0; i < _operators.length; ++i) {
            address operator = _operators[i];
            uint256 at = ghostPendingAt[operator];
            if (at != 0 && at <= block.timestamp) {
                ghostRate[operator] = ghostPendingBps[operator];
                ghostPendingAt[operator] = 0;
            }
        }
    }

    function _stakersRewards(address operator) private view returns (uint256 total) {
        address[] memory all = _everyone();
        for (uint256 i = 0; i < all.length; ++i) total += staking.pendingRewards(all[i], operator);
    }

    // ---------------------------------------------------------------- the end of every run

    /**
     * @dev Makes sure every core action took effect at least once in the run, whatever the random
     * sequence did: a slash of the crowd's operator finished in pages, and an actor that stakes with an
     * active operator, moves it to another and completes the move as its owner (so it has rewards to
     * claim in the liveness phase even if every other position sits with a deactivated operator).
     */
    function ensureCoreActions() external unmetered {
        if (alt.paused()) alt.unpause();
        // The crowd's operator has more positions than a page: its slash must take several.
        if (effective("continueSlash") == 0) _slashToCompletion(_operators[0], 1_000, 7);
        // Rewards stream, so the liveness phase has some to claim.
        if (staking.getParameters().rewardRate == 0) {
            _send("setRewardRate", address(this), address(staking), abi.encodeCall(AltStaking.setRewardRate, (1 ether)), SUCCEEDS);
        }
        address actor = _actors[0];
        address from = _operators[1];
        address to = _operators[2];
        _makeActive(from);
        _makeActive(to);
        uint256 amount = staking.getParameters().minStake + 1 ether;
        if (alt.balanceOf(actor) < amount) alt.mint(actor, amount);
        vm.prank(actor);
        alt.approve(address(staking), amount);
        _send("stake", actor, address(staking), abi.encodeCall(AltStaking.stake, (from, amount)), _stakeOutcome(actor, from, amount));
        ghostPutIn[actor] += amount;
        uint256 position = _positionOf(actor, from);
        bytes4 outcome = _leaveOutcome(actor, from, position);
        if (outcome == StakingBase.TooManyRequests.selector) {
            _warpChecked(block.timestamp + staking.MAX_UNBONDING_PERIOD() + 1);
            _withdrawAll(actor);
            outcome = SUCCEEDS;
        }
        bytes memory returned = _send("redelegate", actor, address(staking), abi.encodeCall(AltStaking.redelegate, (from, to, position)), outcome);
        uint256 id = abi.decode(returned, (uint256));
        _warpChecked(block.timestamp + staking.MAX_UNBONDING_PERIOD() + 1);
        _send("completeRedelegation", actor, address(staking), abi.encodeCall(AltStaking.completeRedelegation, (id)), SUCCEEDS);
    }

    /**
     * @dev Liveness: after the longest unbonding period, every actor and operator (and a sample of the
     * crowd) claims what it earned, unstakes everything and withdraws it, each call as a transaction
     * that must succeed. Returns the accounts that hold stake after it (there must be none).
     */
    function drainEveryone() external unmetered returns (uint256 stillStaked) {
        if (alt.paused()) alt.unpause();
        // Enough rewards to stream through the wait, so every staker has some to claim.
        StakingBase.Parameters memory p = staking.getParameters();
        uint256 needed = p.rewardRate * (staking.MAX_UNBONDING_PERIOD() + 1) + 1 ether;
        if (p.undistributedRewards < needed) {
            alt.mint(address(this), needed);
            alt.approve(address(staking), needed);
            _send("fundRewards", address(this), address(staking), abi.encodeCall(AltStaking.fundRewards, (needed)), SUCCEEDS);
            ghostFunded += needed;
        }
        _warpChecked(block.timestamp + staking.MAX_UNBONDING_PERIOD() + 1);
        address[] memory all = _everyone();
        for (uint256 i = 0; i < all.length; ++i) {
            _withdrawAll(all[i]);
            _claimAll(all[i]);
            _unstakeAll(all[i]);
        }
        for (uint256 i = 0; i < _crowd.length; i += 25) _unstakeAll(_crowd[i]);
        for (uint256 i = 0; i < _operators.length; ++i) {
            uint256 accrued = staking.getOperator(_operators[i]).commissionAccrued;
            if (accrued == 0) continue;
            _send("claimCommission", _operators[i], address(staking), abi.encodeCall(AltStaking.claimCommission, ()), SUCCEEDS);
            ghostRewardsPaid += accrued;
        }
        _warpChecked(block.timestamp + staking.MAX_UNBONDING_PERIOD() + 1);
        for (uint256 i = 0; i < all.length; ++i) {
            _withdrawAll(all[i]);
            if (votes.stakedUnitsOf(all[i]) != 0) ++stillStaked;
        }
        for (uint256 i = 0; i < _crowd.length; i += 25) {
            _withdrawAll(_crowd[i]);
            if (votes.stakedUnitsOf(_crowd[i]) != 0) ++stillStaked;
        }
    }

    function _withdrawAll(address account) private {
        (uint256[] memory ready, uint256 total) = _readyRequests(account, false);
        if (ready.length == 0) return;
        _send("withdraw", account, address(staking), abi.encodeCall(AltStaking.withdraw, (ready)), SUCCEEDS);
        ghostTakenOut[account] += total;
    }

    function _claimAll(address account) private {
        uint256 total;
        for (uint256 i = 0; i < _operators.length; ++i) total += staking.pendingRewards(account, _operators[i]);
        if (total == 0) return;
        _send("claimRewards", account, address(staking), abi.encodeCall(AltStaking.claimRewards, (_operators)), SUCCEEDS);
        ghostRewardsPaid += total;
    }

    function _unstakeAll(address account) private {
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(account);
        for (uint256 j = 0; j < positions.length; ++j) {
            if (positions[j].stake == 0) continue;
            _send("unstake", account, address(staking), abi.encodeCall(AltStaking.unstakeAll, (positions[j].operator)), SUCCEEDS);
        }
    }

    function _makeActive(address operator) private {
        if (!staking.isAllowlisted(operator)) {
            _send("setOperatorAllowlisted", address(this), address(staking), abi.encodeCall(OperatorRegistry.setOperatorAllowlisted, (operator, true)), SUCCEEDS);
        }
        if (_status(operator) != StakingBase.OperatorStatus.Active) {
            _send("activateOperator", address(this), address(staking), abi.encodeCall(OperatorRegistry.activateOperator, (operator)), SUCCEEDS);
            ghostDeactivatedByGovernance[operator] = false;
        }
    }

    // ---------------------------------------------------------------- views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function operators() external view returns (address[] memory) {
        return _operators;
    }

    function crowd() external view returns (address[] memory) {
        return _crowd;
    }

    function everyone() external view returns (address[] memory) {
        return _everyone();
    }

    function timepoints() external view returns (uint48[] memory) {
        return _timepoints;
    }

    /// @dev Wrapped supply plus every account's staked units: what can vote now.
    function votableNow() public view returns (uint256 total) {
        total = votes.totalSupply();
        address[] memory all = _everyone();
        for (uint256 i = 0; i < all.length; ++i) total += votes.stakedUnitsOf(all[i]);
        // The crowd holds positions with the first operator only, and no requests until the end.
        (address[] memory stakers, uint256[] memory stakes) = staking.getOperatorStakers(_operators[0], 0, 1_000);
        for (uint256 i = 0; i < stakers.length; ++i) if (_inCrowd(stakers[i])) total += stakes[i];
    }

    function _inCrowd(address account) internal view returns (bool) {
        return uint160(account) >= uint160(_crowd[0]) && uint160(account) <= uint160(_crowd[_crowd.length - 1]);
    }

    // ---------------------------------------------------------------- helpers

    function _recordTimepoint() internal {
        uint48 time = uint48(block.timestamp);
        uint256 length = _timepoints.length;
        if (length == 0 || _timepoints[length - 1] != time) {
            if (length == _TRACKED_TIMEPOINTS) {
                for (uint256 i = 1; i < length; ++i) _timepoints[i - 1] = _timepoints[i];
                _timepoints.pop();
            }
            _timepoints.push(time);
        }
        ghostVotableAt[time] = votableNow();
    }

    /// @dev The airdrop's leaf amount for actor `index`, and its proof (a bogus one for the ineligible).
    function _claimOf(uint256 index) internal view returns (uint256 amount, bytes32[] memory proof) {
        bytes32[] memory layer = new bytes32[](_ELIGIBLE);
        for (uint256 i = 0; i < _ELIGIBLE; ++i) layer[i] = _leaf(_actors[i], _claimAmount(i));
        amount = _claimAmount(index);
        proof = new bytes32[](4);
        if (index >= _ELIGIBLE) return (amount, proof);
        uint256 position = index;
        for (uint256 level = 0; level < 4; ++level) {
            proof[level] = layer[position ^ 1];
            bytes32[] memory next = new bytes32[](layer.length / 2);
            for (uint256 i = 0; i < next.length; ++i) next[i] = _hashPair(layer[2 * i], layer[2 * i + 1]);
            layer = next;
            position /= 2;
        }
    }

    function _claimAmount(uint256 index) internal pure returns (uint256) {
        return 1_000 ether * (index + 1);
    }

    function _leaf(address account, uint256 amount) private pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    function _claimEnd() private view returns (uint64) {
        return airdrop.info().claimEnd;
    }

    function _holds(StakingBase.PositionInfo[] memory positions, address operator) private pure returns (bool) {
        for (uint256 i = 0; i < positions.length; ++i) if (positions[i].operator == operator) return true;
        return false;
    }

    function _status(address operator) internal view returns (StakingBase.OperatorStatus) {
        return staking.getOperator(operator).status;
    }

    /// @dev One of the operators `account` holds a position with, else any operator.
    function _heldOperator(address account, uint256 seed) internal view returns (address) {
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(account);
        return positions.length == 0 ? _operator(seed) : positions[seed % positions.length].operator;
    }

    function _readyRequests(address account, bool redelegationsOnly) internal view returns (uint256[] memory ready, uint256 total) {
        (, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(account);
        ready = new uint256[](requests.length);
        uint256 count;
        for (uint256 i = 0; i < requests.length; ++i) {
            if (requests[i].unlockTime > block.timestamp) continue;
            if (redelegationsOnly && requests[i].redelegateTo == address(0)) continue;
            ready[count++] = requests[i].id;
            total += requests[i].amount;
        }
        assembly {
            mstore(ready, count)
        }
    }

    /// @dev A fuzzed amount spread over orders of magnitude within [min, max].
    function _spread(uint256 seed, uint256 min, uint256 max) internal pure returns (uint256) {
        uint256 magnitude = 10 ** (seed % 25);
        return bound((1 + ((seed >> 8) % 999)) * magnitude, min, max);
    }

    /// @dev A spread amount the actor holds in ALT, at least the minimum stake when it can; zero if broke.
    function _affordable(address actor, uint256 seed) internal view returns (uint256) {
        uint256 balance = alt.balanceOf(actor);
        if (balance == 0) return 0;
        return _spread(seed, 1, balance);
    }

    function _cut(uint256 amount, uint256 bps) private pure returns (uint256) {
        return (amount * bps + _BPS - 1) / _BPS;
    }

    function _positionOf(address account, address operator) internal view returns (uint256) {
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(account);
        for (uint256 i = 0; i < positions.length; ++i) {
            if (positions[i].operator == operator) return positions[i].stake;
        }
        return 0;
    }

    function _requestAmounts(address account, address operator) private view returns (uint256[] memory amounts) {
        (, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(account);
        amounts = new uint256[](requests.length);
        uint256 k;
        for (uint256 i = 0; i < requests.length; ++i) {
            if (requests[i].operator == operator) amounts[k++] = requests[i].amount;
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _operator(uint256 seed) internal view returns (address) {
        return _operators[seed % _operators.length];
    }

    function _anyone(uint256 seed) internal view returns (address) {
        uint256 i = seed % (_actors.length + _operators.length);
        return i < _actors.length ? _actors[i] : _operators[i - _actors.length];
    }

    /// @dev Actors, operators and the crowd's delegate: every account that can hold votes.
    function _everyone() internal view returns (address[] memory all) {
        all = new address[](_actors.length + _operators.length + 1);
        for (uint256 i = 0; i < _actors.length; ++i) all[i] = _actors[i];
        for (uint256 i = 0; i < _operators.length; ++i) all[_actors.length + i] = _operators[i];
        all[all.length - 1] = crowdDelegate;
    }
}
