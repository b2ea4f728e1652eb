// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltStaking} from "../../AltStaking.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {Fixture} from "./Fixture.sol";

/**
 * @dev One test per staking fault an outside review found in the first protocol; each failed on it.
 * Scenarios, not properties: the properties are in ProtocolInvariants.
 */
contract StakingFaultsTest is Fixture {
    /// Governance's path to a slash on the devnet: voting delay + voting period + timelock delay.
    uint256 private constant SLASH_PATH = 1 days + 5 days + 2 days;

    // ------------------------------------------------------------ slash escape

    function test_redelegatedStakeStaysSlashableForItsSourceOperator() public {
        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        uint256 id = staking.redelegate(opA, opB, 1_000 ether);
        assertEq(_positionOf(alice, opB), 0, "nothing moves before the window ends");

        _skip(SLASH_PATH); // a slash of opA proposed when she left lands now
        staking.slash(opA, 1_000, "fault before the move");
        assertEq(_requests(alice)[0].amount, 900 ether, "the moving stake paid its 10%");
        assertEq(votes.stakedUnitsOf(alice), 900 ether, "and its votes fell with it");

        _skip(UNBONDING);
        vm.prank(alice);
        staking.completeRedelegation(id);
        assertEq(_positionOf(alice, opB), 900 ether, "what is left arrives at the new operator");
    }

    function test_unbondingOutlastsTheGovernancePathToASlash() public {
        assertLe(SLASH_PATH + 1, staking.MIN_UNBONDING_PERIOD(), "even the shortest period outlasts the path");
        assertEq(staking.getParameters().unbondingPeriod, 21 days, "21 days, as AltLayer's own staking");
        vm.expectRevert(abi.encodeWithSelector(StakingBase.ParameterOutOfRange.selector, 7 days, 14 days, 60 days));
        staking.setUnbondingPeriod(7 days);

        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        staking.unstakeAll(opA); // leaves the moment a slash is proposed
        _skip(SLASH_PATH);
        staking.slash(opA, 2_000, "proposed when she left");
        assertEq(_requests(alice)[0].amount, 800 ether, "leaving did not escape the slash");
        uint256[] memory ids = new uint256[](1);
        ids[0] = _requests(alice)[0].id;
        bytes memory locked = abi.encodeWithSelector(
            StakingBase.RequestLocked.selector,
            ids[0],
            _requests(alice)[0].unlockTime
        );
        vm.prank(alice);
        vm.expectRevert(locked);
        staking.withdraw(ids);
    }

    function test_aRequestIsSlashableUntilItsLastLockedSecond() public {
        _stake(alice, opA, 1_000 ether);
        vm.startPrank(alice);
        staking.unstake(opA, 500 ether);
        staking.unstake(opA, 500 ether);
        vm.stopPrank();
        vm.warp(_requests(alice)[0].unlockTime - 1);
        staking.slash(opA, 1_000, "one second before it unlocks");
        assertEq(_requests(alice)[0].amount, 450 ether, "still locked: slashed");
        vm.warp(_requests(alice)[1].unlockTime);
        staking.slash(opA, 1_000, "the second it unlocks");
        assertEq(_requests(alice)[1].amount, 450 ether, "unlocked: only the first slash reached it");
    }

    function test_unlockedRequestsAreNoLongerSlashable() public {
        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        staking.unstake(opA, 400 ether);
        _skip(UNBONDING); // unlocked, not withdrawn
        staking.slash(opA, 5_000, "long after she left");
        assertEq(_requests(alice)[0].amount, 400 ether, "an unlocked request is hers, whole");
        assertEq(_positionOf(alice, opA), 300 ether, "the stake still there paid half");
    }

    function test_aPausedAltDoesNotBlockASlash() public {
        _stake(alice, opA, 1_000 ether);
        alt.pause();
        staking.slash(opA, 1_000, "while ALT is paused");
        assertEq(_positionOf(alice, opA), 900 ether, "slashed at once");
        assertEq(staking.getParameters().slashedPending, 100 ether, "owed to the treasury");

        vm.expectRevert(Pausable.EnforcedPause.selector);
        staking.sendSlashedToTreasury();
        alt.unpause();
        staking.sendSlashedToTreasury();
        assertEq(alt.balanceOf(treasury), 100 ether, "paid once ALT moves again");
    }

    function test_aLargeOperatorIsSlashedInPagesAndFrozenMeanwhile() public {
        uint256 stakers = staking.SLASH_FIRST_PAGE() + 50;
        vm.pauseGasMetering(); // behaviour, not gas: SafetyFaults sends each page as a transaction
        for (uint256 i = 0; i < stakers; ++i) {
            address who = address(uint160(0x10000 + i));
            alt.mint(who, 100 ether);
            _stake(who, opA, 100 ether);
        }
        staking.slash(opA, 1_000, "big operator");
        (uint256 bps, uint256 left, , ) = staking.slashInProgress(opA);
        assertEq(bps, 1_000, "still in progress");
        assertEq(left, 50, "one page applied");
        assertTrue(staking.getOperator(opA).slashing, "the directory says so");

        vm.startPrank(alice);
        alt.approve(address(staking), 10 ether);
        vm.expectRevert(abi.encodeWithSelector(StakingBase.OperatorBeingSlashed.selector, opA));
        staking.stake(opA, 10 ether);
        vm.stopPrank();
        address last = address(uint160(0x10000 + stakers - 1));
        vm.prank(address(uint160(0x10000)));
        vm.expectRevert(abi.encodeWithSelector(StakingBase.OperatorBeingSlashed.selector, opA));
        staking.unstakeAll(opA);

        while (bps != 0) {
            staking.continueSlash(opA, 1_000); // at most a full page each
            (bps, , , ) = staking.slashInProgress(opA);
        }
        for (uint256 i = 0; i < stakers; ++i) {
            assertEq(_positionOf(address(uint160(0x10000 + i)), opA), 90 ether, "everyone paid exactly 10%");
        }
        assertEq(staking.getOperator(opA).totalSlashed, stakers * 10 ether, "the total is the sum of the cuts");
        vm.prank(last);
        staking.unstakeAll(opA);
    }

    // ------------------------------------------------------------ unbounded views and metadata

    function test_operatorMetadataIsCapped() public {
        bytes memory longest = new bytes(staking.MAX_METADATA_LENGTH());
        vm.prank(opA);
        staking.setMetadataURI(string(longest));
        bytes memory tooLong = new bytes(staking.MAX_METADATA_LENGTH() + 1);
        vm.prank(opA);
        vm.expectRevert(abi.encodeWithSelector(StakingBase.MetadataTooLong.selector, tooLong.length, tooLong.length - 1));
        staking.setMetadataURI(string(tooLong));
    }

    function test_pagedOperatorViewsFitGethsCallGasCap() public {
        // 900 operators, each with the longest metadata: the list must be read in pages.
        vm.pauseGasMetering();
        bytes memory metadata = new bytes(staking.MAX_METADATA_LENGTH());
        for (uint256 i = 0; i < 898; ++i) {
            address operator = address(uint160(0x20000 + i));
            staking.setOperatorAllowlisted(operator, true);
            vm.prank(operator);
            staking.registerOperator(string(metadata), 1, 100);
        }
        assertEq(staking.operatorCount(), 900, "900 operators");
        vm.resumeGasMetering();
        vm.cool(address(staking)); // as a fresh eth_call sees it: every slot cold
        uint256 before = gasleft();
        StakingBase.OperatorInfo[] memory page = staking.getOperators(700, 50);
        uint256 pageGas = before - gasleft();
        assertEq(page.length, 50, "a full page");
        assertLe(pageGas, TX_GAS_CAP, "one page of 50 fits even a transaction's gas cap, let alone an eth_call's");
        _log("gas for a page of 50 operators with the longest metadata", pageGas);
        vm.resetGasMetering();
        assertEq(staking.getOperators(900, 200).length, 0, "past the end: empty");
        assertEq(staking.getOperators(850, 200).length, 50, "the last page is short");
    }

    // ------------------------------------------------------------ commission

    /// Two identical operators; one is touched the second its new commission applies, one is not.
    function test_commissionChangesApplyFromTheirEffectiveTime() public {
        address opC = address(0x0C);
        address opD = address(0x0D);
        staking.setOperatorAllowlisted(opC, true);
        staking.setOperatorAllowlisted(opD, true);
        vm.prank(opC);
        staking.registerOperator("c", 1, 500);
        vm.prank(opD);
        staking.registerOperator("d", 1, 500);
        _stake(alice, opC, 1_000_000 ether);
        _stake(bob, opD, 1_000_000 ether);
        _fund(10_000_000 ether, 1 ether);

        vm.prank(opC);
        staking.requestCommissionChange(1_500);
        vm.prank(opD);
        staking.requestCommissionChange(1_500);
        uint256 effectiveAt = staking.getOperator(opC).commissionEffectiveAt;
        vm.warp(effectiveAt);
        vm.prank(opC);
        uint256 firstC = staking.claimCommission(); // opC is touched exactly at its effective time; opD is not
        _skip(30 days);
        vm.prank(opC);
        uint256 restC = staking.claimCommission();
        vm.prank(opD);
        uint256 allD = staking.claimCommission();
        StakingBase.OperatorInfo memory c = staking.getOperator(opC);
        assertEq(c.commissionBps, 1_500, "new rate in force");
        uint256 totalC = firstC + restC;
        assertLe(_diff(totalC, allD), 2, "the untouched operator was charged the new rate from the same second");
        assertLe(_diff(staking.pendingRewards(alice, opC), staking.pendingRewards(bob, opD)), 2, "stakers alike");
    }

    function test_aLowerCeilingCapsCommissionsInForceAndPending() public {
        _stake(alice, opA, 1_000_000 ether); // opA charges 10%
        _fund(10_000_000 ether, 1 ether);
        vm.prank(opA);
        staking.requestCommissionChange(1_800);
        _skip(1 days);
        vm.prank(opA);
        staking.claimCommission();

        staking.setMaxCommission(600);
        StakingBase.OperatorInfo memory info = staking.getOperator(opA);
        assertEq(info.commissionBps, 600, "the rate in force is capped at once");
        assertEq(info.pendingCommissionBps, 600, "and so is the pending one");

        uint256 rewardsBefore = staking.pendingRewards(alice, opA);
        _skip(1 days);
        uint256 earnedByStaker = staking.pendingRewards(alice, opA) - rewardsBefore;
        vm.prank(opA);
        uint256 commission = staking.claimCommission();
        // 86,400 ALT streamed to opA alone: 6% commission, 94% to its only staker.
        assertLe(_diff(commission, 5_184 ether), 1e6, "6% of a day's stream");
        assertLe(_diff(earnedByStaker, 81_216 ether), 1e6, "94% to the staker");

        staking.setMaxCommission(2_000);
        _skip(COMMISSION_DELAY);
        assertEq(staking.getOperator(opA).commissionBps, 1_800, "raising the ceiling restores the operator's rate");
    }

    // ------------------------------------------------------------ parameters, minimum, dust

    function test_parametersAreBounded() public {
        uint256 maxMin = staking.MAX_MIN_STAKE();
        vm.expectRevert(abi.encodeWithSelector(StakingBase.ParameterOutOfRange.selector, maxMin + 1, 1, maxMin));
        staking.setMinStake(maxMin + 1);
        vm.expectRevert(abi.encodeWithSelector(StakingBase.ParameterOutOfRange.selector, 0, 1, maxMin));
        staking.setMinStake(0);
        uint256 maxRate = staking.MAX_REWARD_RATE();
        vm.expectRevert(abi.encodeWithSelector(StakingBase.ParameterOutOfRange.selector, maxRate + 1, 0, maxRate));
        staking.setRewardRate(maxRate + 1);
        staking.setRewardRate(0); // zero stops emissions
        vm.expectRevert(abi.encodeWithSelector(StakingBase.ParameterOutOfRange.selector, 10_001, 0, 10_000));
        staking.setMaxCommission(10_001);
    }

    function test_raisingTheMinimumTrapsNoPosition() public {
        _stake(alice, opA, 500 ether);
        _stake(bob, opA, 500 ether);
        staking.setMinStake(1_000 ether);
        vm.prank(alice);
        staking.redelegate(opA, opB, 500 ether); // the whole position may always leave
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(StakingBase.RemainderBelowMinimum.selector, 100 ether, 1_000 ether));
        staking.unstake(opA, 400 ether); // but not leave dust behind
        vm.prank(bob);
        staking.unstakeAll(opA);
        _skip(UNBONDING);
        uint256 id = _requests(alice)[0].id;
        vm.prank(alice);
        staking.completeRedelegation(id); // below the new minimum: still arrives
        assertEq(_positionOf(alice, opB), 500 ether, "redelegated whole");
    }

    function test_maxUnstakeLeavesNoDustAndNoEmptyPosition() public {
        _stake(alice, opA, 1_000 ether);
        staking.slash(opA, 333, "odd fraction");
        vm.prank(alice);
        staking.unstakeAll(opA);
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(alice);
        assertEq(positions.length, 0, "no position left listed");
        assertEq(staking.getOperator(opA).stakerCount, 0, "the operator counts no staker");
        assertEq(staking.getOperator(opA).totalStake, 0, "and holds no dust");
    }

    function test_rewardsStreamOnlyToStakeThatEarns() public {
        _fund(1_000_000 ether, 1 ether);
        _skip(1 days); // nobody staked: nothing streams, nothing is lost
        assertEq(staking.getParameters().undistributedRewards, 1_000_000 ether, "all still to stream");
        _stake(alice, opB, 100 ether); // opA has no stake at all
        _skip(10 days);
        address[] memory ops = new address[](2);
        ops[0] = opA;
        ops[1] = opB;
        vm.prank(alice);
        uint256 paid = staking.claimRewards(ops);
        vm.prank(opB);
        uint256 commission = staking.claimCommission();
        assertLe(_diff(paid + commission, 864_000 ether), 1e6, "every streamed ALT went to the only earning stake");
    }

    // ------------------------------------------------------------ pause

    function test_everyTransferRevertsCleanlyWhilePausedAndResumesAfter() public {
        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        staking.unstake(opA, 100 ether);
        _fund(1_000 ether, 0.01 ether);
        _skip(UNBONDING);
        uint256 stakingBalance = alt.balanceOf(address(staking));

        alt.pause();
        vm.startPrank(alice);
        alt.approve(address(staking), 10 ether);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        staking.stake(opA, 10 ether);
        uint256[] memory ids = new uint256[](1);
        ids[0] = _requests(alice)[0].id;
        vm.expectRevert(Pausable.EnforcedPause.selector);
        staking.withdraw(ids);
        address[] memory ops = new address[](1);
        ops[0] = opA;
        vm.expectRevert(Pausable.EnforcedPause.selector);
        staking.claimRewards(ops);
        alt.approve(address(votes), 10 ether);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        votes.depositAndDelegate(10 ether, alice);
        // What does not move ALT still works.
        staking.unstake(opA, 100 ether);
        staking.compound(opA);
        votes.delegate(bob);
        vm.stopPrank();
        vm.prank(opA);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        staking.claimCommission();
        assertEq(alt.balanceOf(address(staking)), stakingBalance, "nothing left staking");

        alt.unpause();
        vm.startPrank(alice);
        staking.stake(opA, 10 ether);
        staking.withdraw(ids);
        votes.depositAndDelegate(10 ether, alice);
        vm.stopPrank();
        assertEq(votes.balanceOf(alice), 10 ether, "everything works again");
    }

    function _diff(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a - b : b - a;
    }
}
