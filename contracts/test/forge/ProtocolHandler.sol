// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {OperatorRegistry} from "../../staking/OperatorRegistry.sol";
import {Slashing} from "../../staking/Slashing.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {AltAirdrop} from "../../AltAirdrop.sol";
import {bound} from "./Base.sol";
import {HandlerState} from "./HandlerState.sol";

/**
 * @dev Random actors driving the whole protocol. Every action predicts its outcome from the state
 * before it (success or one named error) and {_send}s the call as a transaction; any other outcome,
 * or a call over 2^24 gas, fails the run. Ghost state records what went in and out, the commission
 * rate in force per operator, and every slash is checked against what was slashable when recorded.
 */
contract ProtocolHandler is HandlerState {
    constructor(
        AltLayerToken alt_,
        AltVotes votes_,
        AltStaking staking_,
        AltAirdrop airdrop_,
        uint256[] memory actorKeys,
        address[] memory operators_,
        address[] memory crowd_,
        address crowdDelegate_
    ) HandlerState(alt_, votes_, staking_, airdrop_, actorKeys, operators_, crowd_, crowdDelegate_) {}

    // ---------------------------------------------------------------- staking

    function stake(uint256 actorSeed, uint256 operatorSeed, uint256 amount) external unmetered recorded {
        address actor = _actor(actorSeed);
        address operator = _operator(operatorSeed);
        amount = _affordable(actor, amount);
        if (amount == 0) return;
        vm.prank(actor);
        alt.approve(address(staking), amount);
        _send("stake", actor, address(staking), abi.encodeCall(AltStaking.stake, (operator, amount)), _stakeOutcome(actor, operator, amount));
        if (effectiveNow) ghostPutIn[actor] += amount;
    }

    function stakeWithPermit(uint256 actorSeed, uint256 operatorSeed, uint256 amount) external unmetered recorded {
        uint256 index = actorSeed % _actors.length;
        address actor = _actors[index];
        address operator = _operator(operatorSeed);
        amount = _affordable(actor, amount);
        if (amount == 0) return;
        bytes memory data = _stakeWithPermitCall(index, operator, amount);
        _send("stakeWithPermit", actor, address(staking), data, _stakeOutcome(actor, operator, amount));
        if (effectiveNow) ghostPutIn[actor] += amount;
    }

    /// @dev A stranger tries to fill someone's position slots with dust: refused, whatever the state.
    function stakeForAsStranger(uint256 actorSeed, uint256 victimSeed, uint256 operatorSeed) external unmetered recorded {
        address stranger = _actor(actorSeed);
        bytes memory data = abi.encodeCall(AltStaking.stakeFor, (_operator(operatorSeed), 1 ether, _actor(victimSeed)));
        _send("stakeForAsStranger", stranger, address(staking), data, StakingBase.NotStakeAgent.selector);
    }

    function unstake(uint256 actorSeed, uint256 operatorSeed, uint256 percent) external unmetered recorded {
        address actor = _actor(actorSeed);
        address operator = _heldOperator(actor, operatorSeed);
        uint256 position = _positionOf(actor, operator);
        percent = bound(percent, 0, 110);
        if (percent > 100) {
            bytes4 outcome = _leaveOutcome(actor, operator, position);
            _send("unstakeAll", actor, address(staking), abi.encodeCall(AltStaking.unstakeAll, (operator)), outcome);
            if (effectiveNow) ghostEffective[keccak256("unstake")] += 1;
            return;
        }
        uint256 amount = (position * percent) / 100;
        _send(
            "unstake",
            actor,
            address(staking),
            abi.encodeCall(AltStaking.unstake, (operator, amount)),
            _leaveOutcome(actor, operator, amount)
        );
    }

    function redelegate(uint256 actorSeed, uint256 fromSeed, uint256 toSeed, uint256 percent) external unmetered recorded {
        address actor = _actor(actorSeed);
        address from = _heldOperator(actor, fromSeed);
        address to = _operator(toSeed);
        uint256 available = _positionOf(actor, from);
        uint256 amount = percent % 2 == 0 ? available : (available * bound(percent, 1, 100)) / 100;
        bytes4 outcome = from == to
            ? StakingBase.SameOperator.selector
            : _status(to) != StakingBase.OperatorStatus.Active
                ? StakingBase.OperatorNotActive.selector
                : _leaveOutcome(actor, from, amount);
        _send("redelegate", actor, address(staking), abi.encodeCall(AltStaking.redelegate, (from, to, amount)), outcome);
    }

    /// @dev Withdraws every ready request of an actor; with none ready, the empty list is refused.
    function withdrawReady(uint256 actorSeed) external unmetered recorded {
        address actor = _actor(actorSeed);
        (uint256[] memory ready, uint256 total) = _readyRequests(actor, false);
        bytes4 outcome = ready.length == 0
            ? StakingBase.EmptyRequestList.selector
            : alt.paused()
                ? Pausable.EnforcedPause.selector
                : SUCCEEDS;
        _send("withdraw", actor, address(staking), abi.encodeCall(AltStaking.withdraw, (ready)), outcome);
        if (effectiveNow) ghostTakenOut[actor] += total;
    }

    /// @dev A stranger's attempt to complete someone's ready redelegation is refused; its owner's is not.
    function completeRedelegation(uint256 actorSeed, uint256 strangerSeed) external unmetered recorded {
        for (uint256 k = 0; k < _actors.length; ++k) {
            address actor = _actor((actorSeed % _actors.length) + k);
            (uint256[] memory ready, ) = _readyRequests(actor, true);
            if (ready.length == 0) continue;
            address stranger = _actor(strangerSeed);
            bytes memory data = abi.encodeCall(AltStaking.completeRedelegation, (ready[0]));
            if (stranger != actor) {
                _send("completeRedelegationAsStranger", stranger, address(staking), data, StakingBase.NotRequestOwner.selector);
            }
            _send("completeRedelegation", actor, address(staking), data, _completeOutcome(actor, ready[0]));
            return;
        }
    }

    function claimRewards(uint256 actorSeed) external unmetered recorded {
        address actor = _actor(actorSeed);
        uint256 total;
        for (uint256 i = 0; i < _operators.length; ++i) total += staking.pendingRewards(actor, _operators[i]);
        bytes4 outcome = total == 0
            ? StakingBase.NothingToClaim.selector
            : alt.paused()
                ? Pausable.EnforcedPause.selector
                : SUCCEEDS;
        _send("claimRewards", actor, address(staking), abi.encodeCall(AltStaking.claimRewards, (_operators)), outcome);
        if (effectiveNow) ghostRewardsPaid += total;
    }

    function compound(uint256 actorSeed, uint256 operatorSeed) external unmetered recorded {
        address actor = _actor(actorSeed);
        address operator = _heldOperator(actor, operatorSeed);
        uint256 pending = staking.pendingRewards(actor, operator);
        bytes4 outcome = _status(operator) != StakingBase.OperatorStatus.Active
            ? StakingBase.OperatorNotActive.selector
            : pending == 0
                ? StakingBase.NothingToClaim.selector
                : SUCCEEDS;
        _send("compound", actor, address(staking), abi.encodeCall(AltStaking.compound, (operator)), outcome);
        if (effectiveNow) {
            ghostRewardsPaid += pending;
            ghostPutIn[actor] += pending;
        }
    }

    function claimCommission(uint256 operatorSeed) external unmetered recorded {
        address operator = _operator(operatorSeed);
        uint256 accrued = staking.getOperator(operator).commissionAccrued;
        bytes4 outcome = accrued == 0
            ? StakingBase.NothingToClaim.selector
            : alt.paused()
                ? Pausable.EnforcedPause.selector
                : SUCCEEDS;
        _send("claimCommission", operator, address(staking), abi.encodeCall(AltStaking.claimCommission, ()), outcome);
        if (effectiveNow) ghostRewardsPaid += accrued;
    }

    /// @dev `stakeWithPermit` with actor `index`'s permit for exactly `amount`.
    function _stakeWithPermitCall(uint256 index, address operator, uint256 amount) private view returns (bytes memory) {
        address actor = _actors[index];
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(_PERMIT_TYPEHASH, actor, address(staking), amount, alt.nonces(actor), deadline)
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[index], _digest(alt.DOMAIN_SEPARATOR(), structHash));
        return abi.encodeCall(AltStaking.stakeWithPermit, (operator, amount, deadline, v, r, s));
    }

    // ---------------------------------------------------------------- operators and governance

    function requestCommission(uint256 operatorSeed, uint256 bps) external unmetered recorded {
        _requestCommission(_operator(operatorSeed), bps);
    }

    /// @dev The attack of the review: one operator requests a change every block, up to 20 in a row.
    function spamCommission(uint256 operatorSeed, uint256 count) external unmetered recorded {
        address operator = _operator(operatorSeed);
        count = bound(count, 2, 20);
        for (uint256 i = 0; i < count; ++i) {
            _requestCommission(operator, uint256(keccak256(abi.encode(operatorSeed, i))));
            _recordTimepoint();
            vm.warp(block.timestamp + 12);
            vm.roll(block.number + 1);
        }
    }

    function setMaxCommission(uint256 bps) external unmetered recorded {
        bps = bound(bps, 0, 3_100);
        bytes4 outcome = bps > 3_000
            ? StakingBase.ParameterOutOfRange.selector
            : staking.ceilingOperatorsLeft() != 0
                ? StakingBase.CeilingBeingApplied.selector
                : SUCCEEDS;
        if (bps > 3_000) bps = 10_001;
        _send("setMaxCommission", address(this), address(staking), abi.encodeCall(OperatorRegistry.setMaxCommission, (bps)), outcome);
        if (effectiveNow) ghostCeiling = bps;
    }

    function setRewardRate(uint256 rate) external unmetered recorded {
        rate = rate % 8 == 0 ? 0 : _spread(rate, 1, 5 ether);
        _send("setRewardRate", address(this), address(staking), abi.encodeCall(AltStaking.setRewardRate, (rate)), SUCCEEDS);
    }

    function fundRewards(uint256 amount) external unmetered recorded {
        amount = _spread(amount, 1 ether, 1_000_000 ether);
        alt.approve(address(staking), amount);
        bytes4 outcome = alt.paused() ? Pausable.EnforcedPause.selector : SUCCEEDS;
        _send("fundRewards", address(this), address(staking), abi.encodeCall(AltStaking.fundRewards, (amount)), outcome);
        if (effectiveNow) ghostFunded += amount;
    }

    /// @dev Governance sets the unbonding period, the commission delay or the minimum, in range or not.
    function setParameter(uint256 which, uint256 value) external unmetered recorded {
        which %= 3;
        bool outOfRange = value % 10 == 0;
        if (which == 0) {
            uint256 period = outOfRange ? 13 days : bound(value, 14 days, 60 days);
            _send("setUnbondingPeriod", address(this), address(staking), abi.encodeCall(AltStaking.setUnbondingPeriod, (period)), outOfRange ? StakingBase.ParameterOutOfRange.selector : SUCCEEDS);
        } else if (which == 1) {
            uint256 delay = outOfRange ? 61 days : bound(value, 0, 14 days);
            _send("setCommissionDelay", address(this), address(staking), abi.encodeCall(AltStaking.setCommissionDelay, (delay)), outOfRange ? StakingBase.ParameterOutOfRange.selector : SUCCEEDS);
            if (effectiveNow) ghostCommissionDelay = delay;
        } else {
            uint256 minimum = outOfRange ? 0 : _spread(value, 1, 100 ether);
            _send("setMinStake", address(this), address(staking), abi.encodeCall(AltStaking.setMinStake, (minimum)), outOfRange ? StakingBase.ParameterOutOfRange.selector : SUCCEEDS);
        }
    }

    function setAllowlisted(uint256 operatorSeed, bool allowed) external unmetered recorded {
        address operator = _operator(operatorSeed);
        bool wasActive = _status(operator) == StakingBase.OperatorStatus.Active;
        _send("setOperatorAllowlisted", address(this), address(staking), abi.encodeCall(OperatorRegistry.setOperatorAllowlisted, (operator, allowed)), SUCCEEDS);
        if (!allowed && wasActive) ghostDeactivatedByGovernance[operator] = true;
    }

    /// @dev Deactivates one time in three, by the operator or by governance.
    function deactivate(uint256 operatorSeed, bool byGovernance) external unmetered recorded {
        if (operatorSeed % 3 != 0) return;
        address operator = _operator(operatorSeed);
        bytes4 outcome = _status(operator) != StakingBase.OperatorStatus.Active ? StakingBase.OperatorNotActive.selector : SUCCEEDS;
        _send("deactivateOperator", byGovernance ? address(this) : operator, address(staking), abi.encodeCall(OperatorRegistry.deactivateOperator, (operator)), outcome);
        if (effectiveNow) ghostDeactivatedByGovernance[operator] = byGovernance;
    }

    function activate(uint256 operatorSeed, bool byGovernance) external unmetered recorded {
        address operator = _operator(operatorSeed);
        bytes4 outcome = _status(operator) == StakingBase.OperatorStatus.Active
            ? StakingBase.OperatorAlreadyActive.selector
            : !staking.isAllowlisted(operator)
                ? StakingBase.OperatorNotAllowlisted.selector
                : ghostDeactivatedByGovernance[operator] && !byGovernance
                    ? StakingBase.DeactivatedByGovernance.selector
                    : SUCCEEDS;
        _send("activateOperator", byGovernance ? address(this) : operator, address(staking), abi.encodeCall(OperatorRegistry.activateOperator, (operator)), outcome);
        if (effectiveNow) ghostDeactivatedByGovernance[operator] = false;
    }

    /// @dev Unpauses at once; pauses one time in four, so ALT is paused for short spells.
    function togglePause(uint256 seed) external unmetered recorded {
        if (alt.paused()) alt.unpause();
        else if (seed % 4 == 0) alt.pause();
    }

    function sendSlashedToTreasury() external unmetered recorded {
        bytes4 outcome = staking.getParameters().slashedPending == 0
            ? StakingBase.NothingToClaim.selector
            : alt.paused()
                ? Pausable.EnforcedPause.selector
                : SUCCEEDS;
        _send("sendSlashedToTreasury", address(this), address(staking), abi.encodeCall(Slashing.sendSlashedToTreasury, ()), outcome);
    }

    // ---------------------------------------------------------------- votes

    function wrap(uint256 actorSeed, uint256 amount, uint256 delegateeSeed) external unmetered recorded {
        address actor = _actor(actorSeed);
        amount = _affordable(actor, amount);
        if (amount == 0) return;
        vm.prank(actor);
        alt.approve(address(votes), amount);
        bytes memory data = abi.encodeCall(AltVotes.depositAndDelegate, (amount, _anyone(delegateeSeed)));
        _send("wrap", actor, address(votes), data, alt.paused() ? Pausable.EnforcedPause.selector : SUCCEEDS);
    }

    /// @dev A deposit for someone else: it never picks a delegate for them but their own self.
    function depositFor(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external unmetered recorded {
        address actor = _actor(actorSeed);
        amount = _affordable(actor, amount);
        if (amount == 0) return;
        vm.prank(actor);
        alt.approve(address(votes), amount);
        bytes memory data = abi.encodeWithSignature("depositFor(address,uint256)", _actor(receiverSeed), amount);
        _send("depositFor", actor, address(votes), data, alt.paused() ? Pausable.EnforcedPause.selector : SUCCEEDS);
    }

    function unwrap(uint256 actorSeed, uint256 percent) external unmetered recorded {
        address actor = _actor(actorSeed);
        uint256 amount = (votes.balanceOf(actor) * bound(percent, 1, 100)) / 100;
        if (amount == 0) return;
        bytes memory data = abi.encodeWithSignature("withdrawTo(address,uint256)", actor, amount);
        _send("unwrap", actor, address(votes), data, alt.paused() ? Pausable.EnforcedPause.selector : SUCCEEDS);
    }

    /// @dev vALT changes hands, sometimes into a contract that never votes.
    function transferVotes(uint256 actorSeed, uint256 toSeed, uint256 percent) external unmetered recorded {
        address actor = _actor(actorSeed);
        uint256 amount = (votes.balanceOf(actor) * bound(percent, 1, 100)) / 100;
        if (amount == 0) return;
        address to = toSeed % 4 == 0 ? address(sink) : _actor(toSeed);
        bytes memory data = abi.encodeWithSignature("transfer(address,uint256)", to, amount);
        _send("transferVotes", actor, address(votes), data, SUCCEEDS);
    }

    /// @dev Now and then a member of the crowd moves, or someone joins the crowd's delegate: its set
    /// of 250 churns (a removal from a set larger than a page of the invariant's reads).
    function delegate(uint256 actorSeed, uint256 delegateeSeed) external unmetered recorded {
        address actor = actorSeed % 8 == 0 ? _crowd[(actorSeed >> 8) % _crowd.length] : _actor(actorSeed);
        address delegatee = delegateeSeed % 8 == 0 ? crowdDelegate : _anyone(delegateeSeed);
        bytes memory data = abi.encodeWithSignature("delegate(address)", delegatee);
        _send("delegate", actor, address(votes), data, SUCCEEDS);
    }

    /// @dev A signed delegation, sent by anyone; sent twice, the second is a replay and is refused.
    function delegateBySig(uint256 actorSeed, uint256 delegateeSeed, bool replay) external unmetered recorded {
        uint256 index = actorSeed % _actors.length;
        address actor = _actors[index];
        address delegatee = _anyone(delegateeSeed);
        uint256 nonce = votes.nonces(actor);
        uint256 expiry = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(_DELEGATION_TYPEHASH, delegatee, nonce, expiry));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[index], _digest(votes.DOMAIN_SEPARATOR(), structHash));
        bytes memory data = abi.encodeWithSignature(
            "delegateBySig(address,uint256,uint256,uint8,bytes32,bytes32)",
            delegatee,
            nonce,
            expiry,
            v,
            r,
            s
        );
        _send("delegateBySig", _actor(delegateeSeed), address(votes), data, SUCCEEDS);
        if (replay) _send("delegateBySigReplay", actor, address(votes), data, Nonces.InvalidAccountNonce.selector);
    }

    // ---------------------------------------------------------------- airdrop

    /// @dev An actor claims as plain ALT, as votes for itself, or staked; the last four are not eligible.
    function claimAirdrop(uint256 actorSeed, uint256 mode, uint256 operatorSeed) external unmetered recorded {
        uint256 index = actorSeed % _actors.length;
        address actor = _actors[index];
        (uint256 amount, bytes32[] memory proof) = _claimOf(index);
        mode %= 3;
        bytes4 outcome = _claimOutcome(actor, index, mode, _operator(operatorSeed));
        if (mode == 0) {
            _send("claimPlain", actor, address(airdrop), abi.encodeCall(AltAirdrop.claim, (amount, proof)), outcome);
        } else if (mode == 1) {
            AltAirdrop.Delegation memory none;
            bytes memory data = abi.encodeCall(AltAirdrop.claimToVotes, (amount, proof, actor, none));
            _send("claimToVotes", actor, address(airdrop), data, outcome);
        } else {
            bytes memory data = abi.encodeCall(AltAirdrop.claimAndStake, (amount, proof, _operator(operatorSeed)));
            _send("claimAndStake", actor, address(airdrop), data, outcome);
            if (effectiveNow) ghostPutIn[actor] += amount;
        }
        if (effectiveNow) ghostEffective[keccak256("claimAirdrop")] += 1;
    }

    // ---------------------------------------------------------------- slashing and time

    /**
     * @dev Records a slash, then anyone finishes it in pages of varied size, a day passing between
     * some of them; every page is a transaction under the cap, and every stake slashable when the
     * slash was recorded lost exactly its share.
     */
    function slash(uint256 operatorSeed, uint256 bps, uint256 pageSeed) external unmetered recorded {
        _slashToCompletion(_operator(operatorSeed), bound(bps, 1, 5_000), pageSeed);
    }

    /// @dev The block the directory's standings were marked at (0: never), and each candidate's then.
    uint256 public directoryMark;
    uint256[] private _markedVotes;
    uint256[] private _markedDelegators;

    /**
     * @dev Marks every possible delegate's votes and delegators at the end of this block, as a build's
     * snapshot records them, then moves to the next block: the invariant checks that the directory's
     * changes since the mark are exactly what a client needs to have them now.
     */
    function markDirectory() external unmetered recorded {
        directoryMark = block.number;
        address[] memory candidates = directoryCandidates();
        delete _markedVotes;
        delete _markedDelegators;
        for (uint256 i = 0; i < candidates.length; ++i) {
            _markedVotes.push(votes.getVotes(candidates[i]));
            _markedDelegators.push(votes.delegatorCount(candidates[i]));
        }
        vm.roll(block.number + 1);
    }

    /// @dev Each candidate's votes and delegators at the mark, in {directoryCandidates}' order.
    function markedFigures() external view returns (uint256[] memory, uint256[] memory) {
        return (_markedVotes, _markedDelegators);
    }

    /// @dev Every account that can hold votes or choose a delegate: everyone, the crowd and the sink.
    function directoryCandidates() public view returns (address[] memory all) {
        address[] memory people = _everyone();
        all = new address[](people.length + _crowd.length + 1);
        for (uint256 i = 0; i < people.length; ++i) all[i] = people[i];
        for (uint256 i = 0; i < _crowd.length; ++i) all[people.length + i] = _crowd[i];
        all[all.length - 1] = address(sink);
    }

    /// @dev Steps of a few seconds to a month, checking the commission charged in each stretch.
    function warp(uint256 seed) external unmetered recorded {
        uint256[6] memory steps = [uint256(12), 1 hours, 1 days, 7 days, 21 days, 30 days];
        uint256 target = block.timestamp + steps[seed % 6] + ((seed >> 8) % 1 days);
        _warpChecked(target);
        // A pause spans some time, then ends: the owner unpauses after the warp two times in three.
        if (alt.paused() && (seed >> 40) % 3 != 0) alt.unpause();
    }
}
