// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {Base, bound} from "./Base.sol";

/**
 * @dev Random actors driving the whole protocol: stake, unstake, redelegate, withdraw, complete
 * redelegations, claim, compound, commission changes and ceilings, slashes, reward funding and rate,
 * ALT pause and unpause, wrap, unwrap, delegate, operator status and time. Ghost variables record what
 * went in and out, and every slash is checked against the stakes it should have taken from.
 */
contract ProtocolHandler is Base {
    uint256 private constant _BPS = 10_000;
    uint256 private constant _TRACKED_TIMEPOINTS = 24;

    AltLayerToken public immutable alt;
    AltVotes public immutable votes;
    AltStaking public immutable staking;

    address[] private _actors;
    address[] private _operators;

    uint256 public ghostFunded;
    uint256 public ghostRewardsPaid;
    mapping(address account => uint256) public ghostPutIn;
    mapping(address account => uint256) public ghostTakenOut;
    /// @dev Set with a message when a slash took anything but its exact amount from a slashable stake.
    string public ghostSlashError;
    /// @dev Set when a call that moves ALT succeeded while ALT was paused.
    string public ghostPauseError;

    /// @dev How many calls of each action took effect (the rest were refused, as they should be).
    mapping(bytes32 action => uint256) public ghostEffective;

    uint48[] private _timepoints;
    mapping(uint48 time => uint256) public ghostVotableAt;

    constructor(AltLayerToken alt_, AltVotes votes_, AltStaking staking_, address[] memory actors_, address[] memory operators_) {
        alt = alt_;
        votes = votes_;
        staking = staking_;
        _actors = actors_;
        _operators = operators_;
    }

    modifier recorded() {
        _;
        _recordTimepoint();
    }

    // ---------------------------------------------------------------- actions

    function stake(uint256 actorSeed, uint256 operatorSeed, uint256 amount) external recorded {
        address actor = _actor(actorSeed);
        address operator = _operator(operatorSeed);
        amount = _amount(amount, 1 ether, 2_000_000 ether);
        if (alt.balanceOf(actor) < amount) return;
        bool paused = alt.paused();
        vm.startPrank(actor);
        alt.approve(address(staking), amount);
        try staking.stake(operator, amount) {
            ghostEffective["stake"] += 1;
            ghostPutIn[actor] += amount;
            _noteMovedWhilePaused(paused, "stake");
        } catch {}
        vm.stopPrank();
    }

    function unstake(uint256 actorSeed, uint256 operatorSeed, uint256 percent) external recorded {
        address actor = _actor(actorSeed);
        address operator = _heldOperator(actor, operatorSeed);
        uint256 amount = (_positionOf(actor, operator) * bound(percent, 1, 100)) / 100;
        vm.prank(actor);
        try staking.unstake(operator, amount) {
            ghostEffective["unstake"] += 1;
        } catch {
            vm.prank(actor);
            try staking.unstakeAll(operator) {
                ghostEffective["unstakeAll"] += 1;
            } catch {}
        }
    }

    function redelegate(uint256 actorSeed, uint256 fromSeed, uint256 toSeed, uint256 percent) external recorded {
        address actor = _actor(actorSeed);
        address from = _heldOperator(actor, fromSeed);
        address to = _operator(toSeed);
        uint256 available = _positionOf(actor, from);
        uint256 amount = bound(percent, 0, 1) == 0 ? available : (available * bound(percent, 1, 100)) / 100;
        vm.prank(actor);
        try staking.redelegate(from, to, amount) {
            ghostEffective["redelegate"] += 1;
        } catch {}
    }

    /// @dev Withdraws every ready request of the first actor (from the seed on) that has one.
    function withdrawReady(uint256 actorSeed) external recorded {
        for (uint256 k = 0; k < _actors.length; ++k) {
            address actor = _actor((actorSeed % _actors.length) + k);
            uint256[] memory ready = _readyRequests(actor, false);
            if (ready.length == 0) continue;
            bool paused = alt.paused();
            vm.prank(actor);
            try staking.withdraw(ready) returns (uint256 total) {
                ghostEffective["withdraw"] += 1;
                ghostTakenOut[actor] += total;
                _noteMovedWhilePaused(paused, "withdraw");
            } catch {}
            return;
        }
    }

    /// @dev Completes the first ready redelegation of the first actor (from the seed on) that has one, as its owner.
    function completeRedelegation(uint256 actorSeed) external recorded {
        for (uint256 k = 0; k < _actors.length; ++k) {
            address actor = _actor((actorSeed % _actors.length) + k);
            uint256[] memory ready = _readyRequests(actor, true);
            if (ready.length == 0) continue;
            vm.prank(actor);
            try staking.completeRedelegation(ready[0]) {
                ghostEffective["completeRedelegation"] += 1;
            } catch {}
            return;
        }
    }

    function claimRewards(uint256 actorSeed) external recorded {
        address actor = _actor(actorSeed);
        bool paused = alt.paused();
        vm.prank(actor);
        try staking.claimRewards(_operators) returns (uint256 total) {
            ghostEffective["claimRewards"] += 1;
            ghostRewardsPaid += total;
            _noteMovedWhilePaused(paused, "claimRewards");
        } catch {}
    }

    function compound(uint256 actorSeed, uint256 operatorSeed) external recorded {
        address actor = _actor(actorSeed);
        address operator = _heldOperator(actor, operatorSeed);
        vm.prank(actor);
        try staking.compound(operator) returns (uint256 amount) {
            ghostEffective["compound"] += 1;
            ghostRewardsPaid += amount;
            ghostPutIn[actor] += amount;
        } catch {}
    }

    function claimCommission(uint256 operatorSeed) external recorded {
        address operator = _operator(operatorSeed);
        bool paused = alt.paused();
        vm.prank(operator);
        try staking.claimCommission() returns (uint256 amount) {
            ghostEffective["claimCommission"] += 1;
            ghostRewardsPaid += amount;
            _noteMovedWhilePaused(paused, "claimCommission");
        } catch {}
    }

    function requestCommission(uint256 operatorSeed, uint256 bps) external recorded {
        address operator = _operator(operatorSeed);
        uint16 commission = uint16(bound(bps, 0, staking.maxCommissionBps()));
        vm.prank(operator);
        try staking.requestCommissionChange(commission) {
            ghostEffective["requestCommission"] += 1;
        } catch {}
    }

    function setMaxCommission(uint256 bps) external recorded {
        staking.setMaxCommission(bound(bps, 0, 3_000));
    }

    function setRewardRate(uint256 rate) external recorded {
        staking.setRewardRate(rate % 8 == 0 ? 0 : _amount(rate, 1, 5 ether));
    }

    function fundRewards(uint256 amount) external recorded {
        amount = _amount(amount, 1 ether, 1_000_000 ether);
        bool paused = alt.paused();
        alt.approve(address(staking), amount);
        try staking.fundRewards(amount) {
            ghostEffective["fundRewards"] += 1;
            ghostFunded += amount;
            _noteMovedWhilePaused(paused, "fundRewards");
        } catch {}
    }

    /// @dev Reactivates at once; deactivates one time in four, so operators are mostly active.
    function toggleOperator(uint256 operatorSeed) external recorded {
        address operator = _operator(operatorSeed);
        if (staking.getOperator(operator).status == AltStaking.OperatorStatus.Active) {
            if ((operatorSeed >> 8) % 4 == 0) staking.deactivateOperator(operator);
        } else {
            staking.activateOperator(operator);
        }
    }

    /// @dev Unpauses at once; pauses one time in four, so ALT is paused for short spells.
    function togglePause(uint256 seed) external recorded {
        if (alt.paused()) alt.unpause();
        else if (seed % 4 == 0) alt.pause();
    }

    function sendSlashedToTreasury() external recorded {
        bool paused = alt.paused();
        try staking.sendSlashedToTreasury() {
            ghostEffective["sendSlashedToTreasury"] += 1;
            _noteMovedWhilePaused(paused, "sendSlashedToTreasury");
        } catch {}
    }

    function wrap(uint256 actorSeed, uint256 amount, uint256 delegateeSeed) external recorded {
        address actor = _actor(actorSeed);
        amount = _amount(amount, 1, 1_000_000 ether);
        if (alt.balanceOf(actor) < amount) return;
        bool paused = alt.paused();
        vm.startPrank(actor);
        alt.approve(address(votes), amount);
        try votes.depositAndDelegate(amount, _anyone(delegateeSeed)) {
            ghostEffective["wrap"] += 1;
            _noteMovedWhilePaused(paused, "wrap");
        } catch {}
        vm.stopPrank();
    }

    function unwrap(uint256 actorSeed, uint256 percent) external recorded {
        address actor = _actor(actorSeed);
        uint256 amount = (votes.balanceOf(actor) * bound(percent, 1, 100)) / 100;
        if (amount == 0) return;
        bool paused = alt.paused();
        vm.prank(actor);
        try votes.withdrawTo(actor, amount) {
            ghostEffective["unwrap"] += 1;
            _noteMovedWhilePaused(paused, "unwrap");
        } catch {}
    }

    function delegate(uint256 actorSeed, uint256 delegateeSeed) external recorded {
        vm.prank(_actor(actorSeed));
        votes.delegate(_anyone(delegateeSeed));
    }

    /// @dev Steps of a few seconds to a month, so commission delays, unbonding and windows all pass.
    function warp(uint256 seed) external recorded {
        uint256[6] memory steps = [uint256(12), 1 hours, 1 days, 7 days, 21 days, 30 days];
        vm.warp(block.timestamp + steps[seed % 6] + ((seed >> 8) % 1 days));
        // A pause spans some time, then ends: the owner unpauses after the warp two times in three.
        if (alt.paused() && (seed >> 40) % 3 != 0) alt.unpause();
        vm.roll(block.number + 1);
    }

    /// @dev Slashes and checks every slashable stake lost exactly its pro-rata, rounded-up share.
    function slash(uint256 operatorSeed, uint256 bps) external recorded {
        address operator = _operator(operatorSeed);
        bps = bound(bps, 1, 5_000);
        address[] memory everyone = _everyone();
        uint256[] memory positionsBefore = new uint256[](everyone.length);
        uint256[] memory unitsBefore = new uint256[](everyone.length);
        uint256[][] memory requestsBefore = new uint256[][](everyone.length);
        for (uint256 i = 0; i < everyone.length; ++i) {
            positionsBefore[i] = _positionOf(everyone[i], operator);
            unitsBefore[i] = votes.stakedUnitsOf(everyone[i]);
            requestsBefore[i] = _requestAmounts(everyone[i], operator);
        }
        uint256 recordedAt = block.timestamp;
        staking.slash(operator, bps, "invariant slash");
        // Anyone finishes it in pages; time may pass between them, and nothing recorded escapes.
        for (uint256 page = 0; ; ++page) {
            (uint256 left, , , ) = staking.slashInProgress(operator);
            if (left == 0) break;
            if (page % 2 == 1) vm.warp(block.timestamp + 1 days);
            staking.continueSlash(operator, 1 + (page % 3));
        }
        ghostEffective["slash"] += 1;
        for (uint256 i = 0; i < everyone.length; ++i) {
            _checkSlashed(everyone[i], operator, bps, recordedAt, positionsBefore[i], unitsBefore[i], requestsBefore[i]);
        }
    }

    /// @dev Records an error unless `account` lost exactly its share of what was slashable at `recordedAt`.
    function _checkSlashed(
        address account,
        address operator,
        uint256 bps,
        uint256 recordedAt,
        uint256 positionBefore,
        uint256 unitsBefore,
        uint256[] memory requestsBefore
    ) private {
        uint256 expectedCut = _cut(positionBefore, bps);
        if (_positionOf(account, operator) != positionBefore - expectedCut) {
            ghostSlashError = "a position lost other than its share";
        }
        (, AltStaking.UnbondingInfo[] memory requests) = staking.getStaker(account);
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

    // ---------------------------------------------------------------- views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function operators() external view returns (address[] memory) {
        return _operators;
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
    }

    // ---------------------------------------------------------------- helpers

    function _recordTimepoint() private {
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

    function _noteMovedWhilePaused(bool paused, string memory what) private {
        if (paused) ghostPauseError = what;
    }

    /// @dev One of the operators `account` holds a position with, else any operator.
    function _heldOperator(address account, uint256 seed) private view returns (address) {
        (AltStaking.PositionInfo[] memory positions, ) = staking.getStaker(account);
        return positions.length == 0 ? _operator(seed) : positions[seed % positions.length].operator;
    }

    function _readyRequests(address account, bool redelegationsOnly) private view returns (uint256[] memory ready) {
        (, AltStaking.UnbondingInfo[] memory requests) = staking.getStaker(account);
        ready = new uint256[](requests.length);
        uint256 count;
        for (uint256 i = 0; i < requests.length; ++i) {
            if (requests[i].unlockTime > block.timestamp) continue;
            if (redelegationsOnly && requests[i].redelegateTo == address(0)) continue;
            ready[count++] = requests[i].id;
        }
        assembly {
            mstore(ready, count)
        }
    }

    /// @dev A fuzzed amount spread over orders of magnitude within [min, max].
    function _amount(uint256 seed, uint256 min, uint256 max) private pure returns (uint256) {
        uint256 magnitude = 10 ** (seed % 25);
        return bound((1 + ((seed >> 8) % 999)) * magnitude, min, max);
    }

    function _cut(uint256 amount, uint256 bps) private pure returns (uint256) {
        return (amount * bps + _BPS - 1) / _BPS;
    }

    function _positionOf(address account, address operator) private view returns (uint256) {
        (AltStaking.PositionInfo[] memory positions, ) = staking.getStaker(account);
        for (uint256 i = 0; i < positions.length; ++i) {
            if (positions[i].operator == operator) return positions[i].stake;
        }
        return 0;
    }

    function _requestAmounts(address account, address operator) private view returns (uint256[] memory amounts) {
        (, AltStaking.UnbondingInfo[] memory requests) = staking.getStaker(account);
        amounts = new uint256[](requests.length);
        uint256 k;
        for (uint256 i = 0; i < requests.length; ++i) {
            if (requests[i].operator == operator) amounts[k++] = requests[i].amount;
        }
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _operator(uint256 seed) private view returns (address) {
        return _operators[seed % _operators.length];
    }

    function _anyone(uint256 seed) private view returns (address) {
        uint256 i = seed % (_actors.length + _operators.length);
        return i < _actors.length ? _actors[i] : _operators[i - _actors.length];
    }

    function _everyone() private view returns (address[] memory all) {
        all = new address[](_actors.length + _operators.length);
        for (uint256 i = 0; i < _actors.length; ++i) all[i] = _actors[i];
        for (uint256 i = 0; i < _operators.length; ++i) all[_actors.length + i] = _operators[i];
    }
}
