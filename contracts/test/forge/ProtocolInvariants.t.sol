// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {AltAirdrop} from "../../AltAirdrop.sol";
import {IStakeVotes} from "../../interfaces/IStakeVotes.sol";
import {Base} from "./Base.sol";
import {ProtocolHandler} from "./ProtocolHandler.sol";

/**
 * @dev The protocol's invariants under random sequences of every action (see {ProtocolHandler}): 20
 * actors, 4 operators, and a crowd of 250 stakers on the first operator, so its slashes take pages.
 * The handler is ALT's owner, the staking admin and the airdrop's admin. Every run ends with the
 * liveness phase: everyone can leave with everything after the unbonding period.
 */
contract ProtocolInvariants is Base {
    uint256 private constant _ACTORS = 20;
    uint256 private constant _OPERATORS = 4;
    uint256 private constant _CROWD = 250;
    uint256 private constant _CROWD_STAKE = 1_000 ether;
    uint256 private constant _FUNDED = 10_000_000 ether;

    AltLayerToken internal alt;
    AltVotes internal votes;
    AltStaking internal staking;
    AltAirdrop internal airdrop;
    ProtocolHandler internal handler;

    function setUp() public {
        vm.pauseGasMetering();
        uint256[] memory keys = new uint256[](_ACTORS);
        address[] memory actors = new address[](_ACTORS);
        for (uint256 i = 0; i < _ACTORS; ++i) {
            keys[i] = 0xA000 + i;
            actors[i] = vm.addr(keys[i]);
        }
        address[] memory operators = new address[](_OPERATORS);
        for (uint256 i = 0; i < _OPERATORS; ++i) operators[i] = address(uint160(0x0B000 + i));
        address[] memory crowd = new address[](_CROWD);
        for (uint256 i = 0; i < _CROWD; ++i) crowd[i] = address(uint160(0xC0000 + i));
        address crowdDelegate = address(0xC0DE);

        // Everything the handler administers names it, and staking names the airdrop: both are
        // known before they exist (this contract's nonces).
        uint256 nonce = vm.getNonce(address(this));
        address predictedAirdrop = _createAddress(address(this), nonce + 3);
        address handlerAddress = _createAddress(address(this), nonce + 4);
        alt = new AltLayerToken(address(this));
        votes = new AltVotes(alt, _createAddress(address(this), nonce + 2));
        // Deployed from their artifacts: their creation code would not fit in this contract's own.
        staking = AltStaking(
            vm.deployCode(
                "AltStaking.sol:AltStaking",
                abi.encode(alt, IStakeVotes(address(votes)), handlerAddress, handlerAddress, 21 days, 7 days, 2_000, 1 ether, predictedAirdrop)
            )
        );
        airdrop = AltAirdrop(
            vm.deployCode(
                "AltAirdrop.sol:AltAirdrop",
                abi.encode(alt, staking, votes, handlerAddress, handlerAddress, _root(actors), uint64(block.timestamp), uint64(block.timestamp + 365 days), uint64(14 days))
            )
        );
        assertTrue(address(airdrop) == predictedAirdrop, "airdrop address predicted");
        handler = ProtocolHandler(
            vm.deployCode(
                "ProtocolHandler.sol:ProtocolHandler",
                abi.encode(alt, votes, staking, airdrop, keys, operators, crowd, crowdDelegate)
            )
        );
        assertTrue(address(handler) == handlerAddress, "handler address predicted");

        for (uint256 i = 0; i < _ACTORS; ++i) alt.mint(actors[i], 50_000_000 ether);
        for (uint256 i = 0; i < _OPERATORS; ++i) alt.mint(operators[i], 1_000_000 ether);
        alt.mint(address(handler), 100_000_000 ether);
        alt.mint(address(airdrop), 1_000_000 ether);

        vm.startPrank(address(handler));
        for (uint256 i = 0; i < _OPERATORS; ++i) staking.setOperatorAllowlisted(operators[i], true);
        staking.setRewardRate(1 ether);
        vm.stopPrank();
        for (uint256 i = 0; i < _OPERATORS; ++i) {
            vm.prank(operators[i]);
            staking.registerOperator("", 1, uint16(300 * (i + 1)));
        }
        for (uint256 i = 0; i < _CROWD; ++i) {
            alt.mint(crowd[i], _CROWD_STAKE);
            vm.startPrank(crowd[i]);
            votes.delegate(crowdDelegate);
            alt.approve(address(staking), _CROWD_STAKE);
            staking.stake(operators[0], _CROWD_STAKE);
            vm.stopPrank();
        }
        alt.transferOwnership(address(handler));
        vm.startPrank(address(handler));
        alt.approve(address(staking), _FUNDED);
        staking.fundRewards(_FUNDED);
        vm.stopPrank();

        _targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](37);
        selectors[0] = ProtocolHandler.stake.selector;
        selectors[1] = ProtocolHandler.stake.selector;
        selectors[2] = ProtocolHandler.stakeWithPermit.selector;
        selectors[3] = ProtocolHandler.stakeForAsStranger.selector;
        selectors[4] = ProtocolHandler.unstake.selector;
        selectors[5] = ProtocolHandler.unstake.selector;
        selectors[6] = ProtocolHandler.redelegate.selector;
        selectors[7] = ProtocolHandler.redelegate.selector;
        selectors[8] = ProtocolHandler.withdrawReady.selector;
        selectors[9] = ProtocolHandler.withdrawReady.selector;
        selectors[10] = ProtocolHandler.completeRedelegation.selector;
        selectors[11] = ProtocolHandler.completeRedelegation.selector;
        selectors[12] = ProtocolHandler.claimRewards.selector;
        selectors[13] = ProtocolHandler.compound.selector;
        selectors[14] = ProtocolHandler.claimCommission.selector;
        selectors[15] = ProtocolHandler.requestCommission.selector;
        selectors[16] = ProtocolHandler.spamCommission.selector;
        selectors[17] = ProtocolHandler.setMaxCommission.selector;
        selectors[18] = ProtocolHandler.setRewardRate.selector;
        selectors[19] = ProtocolHandler.fundRewards.selector;
        selectors[20] = ProtocolHandler.setParameter.selector;
        selectors[21] = ProtocolHandler.setAllowlisted.selector;
        selectors[22] = ProtocolHandler.deactivate.selector;
        selectors[23] = ProtocolHandler.activate.selector;
        selectors[24] = ProtocolHandler.togglePause.selector;
        selectors[25] = ProtocolHandler.sendSlashedToTreasury.selector;
        selectors[26] = ProtocolHandler.wrap.selector;
        selectors[27] = ProtocolHandler.depositFor.selector;
        selectors[28] = ProtocolHandler.unwrap.selector;
        selectors[29] = ProtocolHandler.transferVotes.selector;
        selectors[30] = ProtocolHandler.delegate.selector;
        selectors[31] = ProtocolHandler.delegateBySig.selector;
        selectors[32] = ProtocolHandler.claimAirdrop.selector;
        selectors[33] = ProtocolHandler.slash.selector;
        selectors[34] = ProtocolHandler.warp.selector;
        selectors[35] = ProtocolHandler.warp.selector;
        selectors[36] = ProtocolHandler.markDirectory.selector;
        _targetSelector(address(handler), selectors);
        vm.resumeGasMetering();
    }

    /**
     * @dev Every invariant after every call, in one campaign (forge runs a campaign per invariant
     * function: eight would replay the same sequences eight times).
     */
    function invariant_protocol() public {
        vm.pauseGasMetering();
        address[] memory everyone = handler.everyone();
        uint256[] memory withdrawable = new uint256[](everyone.length);
        for (uint256 i = 0; i < everyone.length; ++i) withdrawable[i] = _withdrawable(everyone[i]);
        _checkAltCoversEveryClaim(withdrawable);
        _checkVotesSumToDelegatedSupply();
        _checkUnitsEqualWithdrawable(everyone, withdrawable);
        _checkSlashTakesExactlyItsShare();
        _checkCommissionIsTheRateInForce();
        _checkRewardsPaidWithinFunded();
        _checkCommissionWithinCap();
        _checkStakeCycleNeverGains();
        _checkDirectory();
    }

    /// @dev ALT held by staking covers every withdrawable claim, the reward reserve and slashed ALT, exactly.
    function _checkAltCoversEveryClaim(uint256[] memory withdrawable) private view {
        StakingBase.Parameters memory p = staking.getParameters();
        uint256 owed;
        for (uint256 i = 0; i < withdrawable.length; ++i) owed += withdrawable[i];
        address[] memory crowd = handler.crowd();
        (address[] memory stakers, uint256[] memory crowdStakes) = staking.getOperatorStakers(handler.operators()[0], 0, 1_000);
        for (uint256 i = 0; i < stakers.length; ++i) if (_isCrowd(stakers[i], crowd)) owed += crowdStakes[i];
        assertEq(owed, p.totalActiveStake + p.totalUnbondingStake, "stakes sum to the totals");
        assertEq(
            alt.balanceOf(address(staking)),
            p.totalActiveStake + p.totalUnbondingStake + p.rewardsReserve + p.slashedPending,
            "staking's ALT equals stakes, reward reserve and slashed ALT"
        );
        assertLe(p.undistributedRewards, p.rewardsReserve, "undistributed rewards are held");
        assertEq(alt.balanceOf(address(votes)), votes.totalSupply(), "every vALT is backed 1:1");
    }

    /**
     * @dev At every recorded timepoint the delegates' votes sum to the delegated supply, which never
     * exceeds the votable supply (wrapped plus staked, as recorded), and the quorum's base is it.
     */
    function _checkVotesSumToDelegatedSupply() private {
        address[] memory everyone = handler.everyone();
        uint48[] memory timepoints = handler.timepoints();
        // A timepoint's past is fixed once it is past: the newest few are the ones a call can break.
        uint256 first = timepoints.length > 6 ? timepoints.length - 6 : 0;
        for (uint256 t = first; t < timepoints.length; ++t) {
            if (timepoints[t] >= block.timestamp) continue;
            uint256 sum;
            for (uint256 i = 0; i < everyone.length; ++i) sum += votes.getPastVotes(everyone[i], timepoints[t]);
            assertEq(sum, votes.getPastDelegatedSupply(timepoints[t]), "past votes sum to the past delegated supply");
            uint256 supply = votes.getPastTotalSupply(timepoints[t]);
            assertLe(sum, supply, "the delegated supply is within the votable supply");
            assertEq(supply, handler.ghostVotableAt(timepoints[t]), "past votable supply is wrapped plus staked");
        }
        uint256 now_;
        for (uint256 i = 0; i < everyone.length; ++i) now_ += votes.getVotes(everyone[i]);
        assertEq(now_, votes.delegatedSupply(), "votes sum to the delegated supply now");
        assertEq(votes.getVotes(address(handler.sink())), 0, "vALT in a contract that never delegated has no votes");
    }

    /**
     * @dev The directory of delegates: every chosen delegate listed once, each one's delegators exactly
     * the accounts that chose it, and since the last mark (paged as a client reads it), every delegate
     * whose votes or delegators moved reported with its figures now, and every other one as it was at
     * the mark.
     */
    function _checkDirectory() private view {
        // After every fourth call: a record left wrong stays wrong (a count, a change the mark misses),
        // and the full check costs as much as all the others together.
        if (handler.calls() % 4 != 0) return;
        address[] memory candidates = handler.directoryCandidates();
        (AltVotes.DelegateEntry[] memory all, uint256 total) = votes.delegatesChangedSince(0, 0, type(uint256).max);
        assertEq(all.length, total, "every listed delegate has changed since block 0");
        uint256[] memory entryOf = _entriesOf(candidates, all);
        uint256 mark = handler.directoryMark();
        bool[] memory reported = _reportedSince(candidates, total, mark);
        uint256[] memory choosers = new uint256[](candidates.length);
        for (uint256 j = 0; j < candidates.length; ++j) {
            address chosen = votes.delegates(candidates[j]);
            if (chosen != address(0)) ++choosers[_candidate(candidates, chosen)];
        }
        (uint256[] memory markedVotes, uint256[] memory markedDelegators) = handler.markedFigures();
        _checkDelegatorSets(candidates, choosers);
        for (uint256 c = 0; c < candidates.length; ++c) {
            AltVotes.DelegateEntry memory entry;
            if (entryOf[c] != 0) entry = all[entryOf[c] - 1];
            else assertEq(votes.delegateChangedAt(candidates[c]), 0, "an unlisted address never changed");
            assertEq(entry.delegators, choosers[c], "delegators are the accounts that chose it");
            if (mark == 0 || reported[c]) continue;
            assertEq(entry.votes, markedVotes[c], "unreported since the mark: votes as they were");
            assertEq(entry.delegators, markedDelegators[c], "unreported since the mark: delegators as they were");
        }
    }

    /**
     * @dev Each delegate's set of delegators is exactly the accounts that chose it: as many as chose
     * it, each one having chosen it, no account in two sets (so none twice); and read in pages of 45
     * (which do not divide the crowd delegate's 250), the same accounts in the same order.
     */
    function _checkDelegatorSets(address[] memory candidates, uint256[] memory choosers) private view {
        bool[] memory seen = new bool[](candidates.length);
        for (uint256 c = 0; c < candidates.length; ++c) {
            (address[] memory set, uint256 total) = votes.delegatorsOf(candidates[c], 0, type(uint256).max);
            assertEq(total, choosers[c], "a delegate's set holds as many as chose it");
            assertEq(set.length, total, "the whole set in one page");
            for (uint256 k = 0; k < set.length; ++k) {
                assertEq(votes.delegates(set[k]), candidates[c], "each in the set chose it");
                uint256 index = _candidate(candidates, set[k]);
                assertTrue(!seen[index], "no account in a set twice, nor in two sets");
                seen[index] = true;
            }
            if (total <= 45) continue;
            for (uint256 start = 0; start < total; start += 45) {
                (address[] memory page, ) = votes.delegatorsOf(candidates[c], start, 45);
                for (uint256 k = 0; k < page.length; ++k) assertEq(page[k], set[start + k], "pages read as the whole");
            }
        }
    }

    /// @dev Each candidate's entry in the directory's full answer (index + 1, 0 if unlisted): each listed once, holding every delegated vote.
    function _entriesOf(
        address[] memory candidates,
        AltVotes.DelegateEntry[] memory all
    ) private view returns (uint256[] memory entryOf) {
        entryOf = new uint256[](candidates.length);
        uint256 listedVotes;
        for (uint256 i = 0; i < all.length; ++i) {
            uint256 c = _candidate(candidates, all[i].delegate);
            assertEq(entryOf[c], 0, "listed once");
            entryOf[c] = i + 1;
            listedVotes += all[i].votes;
        }
        assertEq(listedVotes, votes.delegatedSupply(), "the listed delegates hold every delegated vote");
    }

    /// @dev Which candidates the directory reports as changed after `mark`, paged as a client reads it (in pages that do not divide it).
    function _reportedSince(
        address[] memory candidates,
        uint256 total,
        uint256 mark
    ) private view returns (bool[] memory reported) {
        reported = new bool[](candidates.length);
        if (mark == 0) return reported;
        for (uint256 start = 0; start < total; start += 45) {
            (AltVotes.DelegateEntry[] memory page, ) = votes.delegatesChangedSince(mark, start, 45);
            for (uint256 k = 0; k < page.length; ++k) {
                assertTrue(votes.delegateChangedAt(page[k].delegate) > mark, "reported: changed after the mark");
                reported[_candidate(candidates, page[k].delegate)] = true;
            }
        }
    }

    /// @dev `account`'s index among the candidates (the crowd, `_CROWD` addresses from the first, is
    /// consecutive); fails if it is none of them.
    function _candidate(address[] memory candidates, address account) private pure returns (uint256) {
        uint256 people = candidates.length - _CROWD - 1;
        uint160 first = uint160(candidates[people]);
        if (uint160(account) >= first && uint160(account) < first + _CROWD) return people + (uint160(account) - first);
        for (uint256 i = 0; i < people; ++i) if (candidates[i] == account) return i;
        if (candidates[candidates.length - 1] == account) return candidates.length - 1;
        revert("a delegate outside the accounts the handler drives");
    }

    /// @dev Every actor's staked units are exactly what it could withdraw from staking.
    function _checkUnitsEqualWithdrawable(address[] memory everyone, uint256[] memory withdrawable) private view {
        for (uint256 i = 0; i < everyone.length; ++i) {
            address account = everyone[i];
            assertEq(votes.stakedUnitsOf(account), withdrawable[i], "staked units equal withdrawable stake");
            assertEq(
                votes.votingUnitsOf(account),
                withdrawable[i] + votes.balanceOf(account),
                "units are withdrawable plus wrapped"
            );
        }
    }

    /// @dev Every slash took exactly its share of each stake slashable when it was recorded.
    function _checkSlashTakesExactlyItsShare() private view {
        assertTrue(bytes(handler.ghostSlashError()).length == 0, handler.ghostSlashError());
    }

    /// @dev Each operator was charged the rate in force (as the ghost holds it), second by second.
    function _checkCommissionIsTheRateInForce() private view {
        assertTrue(bytes(handler.ghostCommissionError()).length == 0, handler.ghostCommissionError());
    }

    /// @dev Rewards paid never exceed rewards funded, and what is owed is held.
    function _checkRewardsPaidWithinFunded() private {
        StakingBase.Parameters memory p = staking.getParameters();
        assertEq(handler.ghostRewardsPaid() + p.rewardsReserve, handler.ghostFunded() + _FUNDED, "paid + reserve = funded");
        uint256 owed;
        address[] memory everyone = handler.everyone();
        address[] memory operators = handler.operators();
        for (uint256 i = 0; i < everyone.length; ++i) {
            for (uint256 j = 0; j < operators.length; ++j) owed += staking.pendingRewards(everyone[i], operators[j]);
        }
        for (uint256 j = 0; j < operators.length; ++j) owed += staking.getOperator(operators[j]).commissionAccrued;
        assertLe(owed + p.undistributedRewards, p.rewardsReserve, "pending rewards and commission are covered");
    }

    /// @dev No commission in force or pending exceeds the ceiling.
    function _checkCommissionWithinCap() private view {
        address[] memory operators = handler.operators();
        uint256 cap = staking.maxCommissionBps();
        for (uint256 j = 0; j < operators.length; ++j) {
            StakingBase.OperatorInfo memory info = staking.getOperator(operators[j]);
            assertLe(info.commissionBps, cap, "commission in force within the cap");
            assertLe(info.pendingCommissionBps, cap, "pending commission within the cap");
        }
    }

    /// @dev Staking then leaving never returns more ALT than was put in.
    function _checkStakeCycleNeverGains() private view {
        address[] memory everyone = handler.everyone();
        for (uint256 i = 0; i < everyone.length; ++i) {
            assertLe(handler.ghostTakenOut(everyone[i]), handler.ghostPutIn(everyone[i]), "withdrawn within staked");
        }
    }

    /**
     * @dev Liveness, after every run: every core action took effect (the handler makes sure of the
     * ones the random sequence missed), and after the longest unbonding period everyone leaves with
     * everything, each call within the gas cap.
     */
    function afterInvariant() public {
        vm.pauseGasMetering();
        handler.ensureCoreActions();
        uint256 stillStaked = handler.drainEveryone();
        assertEq(stillStaked, 0, "everyone left staking after the unbonding period");
        string[8] memory core = ["stake", "unstake", "withdraw", "claimRewards", "redelegate", "completeRedelegation", "slash", "slashCompleted"];
        for (uint256 i = 0; i < core.length; ++i) assertTrue(handler.effective(core[i]) > 0, core[i]);
        assertTrue(bytes(handler.ghostCommissionError()).length == 0, handler.ghostCommissionError());
        assertLe(handler.ghostMaxGas(), TX_GAS_CAP - 1, "every call fit a transaction");
        handler.logCoverage();
        _log("most gas one call needed", handler.ghostMaxGas());
    }

    function _withdrawable(address account) private view returns (uint256 total) {
        (StakingBase.PositionInfo[] memory positions, StakingBase.UnbondingInfo[] memory requests) = staking.getStaker(
            account
        );
        for (uint256 i = 0; i < positions.length; ++i) total += positions[i].stake;
        for (uint256 i = 0; i < requests.length; ++i) total += requests[i].amount;
    }

    function _isCrowd(address account, address[] memory crowd) private pure returns (bool) {
        return uint160(account) >= uint160(crowd[0]) && uint160(account) <= uint160(crowd[crowd.length - 1]);
    }

    function _root(address[] memory actors) private pure returns (bytes32) {
        bytes32[] memory layer = new bytes32[](16);
        for (uint256 i = 0; i < 16; ++i) layer[i] = keccak256(bytes.concat(keccak256(abi.encode(actors[i], 1_000 ether * (i + 1)))));
        while (layer.length > 1) {
            bytes32[] memory next = new bytes32[](layer.length / 2);
            for (uint256 i = 0; i < next.length; ++i) {
                (bytes32 a, bytes32 b) = (layer[2 * i], layer[2 * i + 1]);
                next[i] = a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
            }
            layer = next;
        }
        return layer[0];
    }
}
