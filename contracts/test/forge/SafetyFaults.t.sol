// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltStaking} from "../../AltStaking.sol";
import {OperatorRegistry} from "../../staking/OperatorRegistry.sol";
import {Slashing} from "../../staking/Slashing.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {Fixture} from "./Fixture.sol";

/**
 * @dev The faults of the second outside review of protocol v2, one scenario each, every call that
 * matters sent as a transaction would be: at most 2^24 gas, every slot cold. Each failed on the
 * contracts it was written against.
 */
contract SafetyFaultsTest is Fixture {
    // ------------------------------------------------------------ 1. commission spam

    /// An operator spams commission requests, one a block, then waits until all fall due.
    function test_commissionSpamCannotFreezeStaking() public {
        _stake(alice, opA, 1_000 ether);
        _fund(1_000_000 ether, 1 ether);
        vm.pauseGasMetering();
        for (uint256 i = 0; i < 1_000; ++i) {
            vm.prank(opB);
            (bool sent, ) = address(staking).call(abi.encodeCall(OperatorRegistry.requestCommissionChange, (uint16(i % 2_000))));
            sent;
            _skip(12);
        }
        _skip(COMMISSION_DELAY + 1 days);
        vm.resumeGasMetering();
        (bool ok, uint256 used) = _asTransaction(alice, address(staking), abi.encodeCall(AltStaking.unstakeAll, (opA)));
        _log("gas for an unstake after 1,000 commission requests", used);
        assertTrue(ok, "a staker can still leave after the spam");
        assertLe(used, 1_000_000, "and leaving costs what it always did");
    }

    function test_onlyAnAllowlistedActiveOperatorRequestsCommission() public {
        staking.setOperatorAllowlisted(opB, false);
        vm.prank(opB);
        vm.expectRevert();
        staking.requestCommissionChange(100);

        vm.prank(opA);
        staking.deactivateOperator(opA);
        vm.prank(opA);
        vm.expectRevert();
        staking.requestCommissionChange(100);
    }

    /// With no notice, a change requested the second a day starts must not take effect that same second.
    function test_aChangeWithNoNoticeNeverFreezesItsOperator() public {
        _stake(alice, opA, 1_000 ether);
        _fund(1_000_000 ether, 1 ether);
        staking.setCommissionDelay(0);
        vm.warp(((block.timestamp / 1 days) + 3) * 1 days);
        vm.roll(block.number + 1);
        vm.prank(opA);
        staking.requestCommissionChange(1_500);
        assertTrue(staking.getOperator(opA).commissionEffectiveAt > block.timestamp, "it takes effect after the request");
        _skip(3 days);
        vm.prank(alice);
        staking.unstakeAll(opA); // reverted for good when the change took effect the second it was requested
        assertEq(staking.getOperator(opA).commissionBps, 1_500, "the change applied");
    }

    // ------------------------------------------------------------ 2. slash outgrowing a transaction

    /// 2,000 stakers on one operator: the slash itself is cheap, and every page fits a transaction.
    function test_aSlashOfTheLargestOperatorFitsTransactions() public {
        uint256 stakers = 2_000;
        vm.pauseGasMetering();
        for (uint256 i = 0; i < stakers; ++i) {
            address who = address(uint160(0x100000 + i));
            alt.mint(who, 100 ether);
            _stake(who, opA, 100 ether);
        }
        _fund(1_000_000 ether, 1 ether);
        _skip(1 days);
        vm.resumeGasMetering();
        (bool ok, uint256 used) = _asTransaction(
            address(this),
            address(staking),
            abi.encodeCall(Slashing.slash, (opA, 1_000, "fault"))
        );
        _log("gas for the slash a governor executes", used);
        assertTrue(ok, "the governor's slash fits a transaction");
        assertLe(used, 2_500_000, "and its cost is bounded whatever the operator's size");

        uint256 pages;
        uint256 worst;
        while (true) {
            (uint256 bps, , , ) = staking.slashInProgress(opA);
            if (bps == 0) break;
            (ok, used) = _asTransaction(bob, address(staking), abi.encodeCall(Slashing.continueSlash, (opA, 100)));
            assertTrue(ok, "every page fits a transaction");
            if (used > worst) worst = used;
            ++pages;
            assertLe(pages, 2_000 / staking.MAX_SLASH_PAGE() + 1, "the slash finishes in full pages");
        }
        _log("gas for the largest page", worst);
        assertLe(worst, 8_000_000, "a full page needs under half a transaction");
        for (uint256 i = 0; i < stakers; i += 97) {
            assertEq(_positionOf(address(uint160(0x100000 + i)), opA), 90 ether, "everyone paid exactly 10%");
        }
        assertEq(staking.getOperator(opA).totalSlashed, stakers * 10 ether, "the total is the sum of the cuts");
    }

    /// A request still locked when the slash was recorded is slashed even if it unlocks before its page.
    function test_aRequestUnlockingMidSlashStaysSlashable() public {
        vm.pauseGasMetering();
        for (uint256 i = 0; i < 250; ++i) {
            address who = address(uint160(0x100000 + i));
            alt.mint(who, 100 ether);
            _stake(who, opA, 100 ether);
        }
        vm.resumeGasMetering();
        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        staking.unstakeAll(opA);
        uint256 unlockTime = _requests(alice)[0].unlockTime;
        vm.warp(unlockTime - 1);
        staking.slash(opA, 1_000, "recorded a second before it unlocks");
        vm.warp(unlockTime + 1 days);
        while (true) {
            (uint256 bps, , , ) = staking.slashInProgress(opA);
            if (bps == 0) break;
            staking.continueSlash(opA, 100);
        }
        assertEq(_requests(alice)[0].amount, 900 ether, "slashable when recorded: slashed");
    }

    // ------------------------------------------------------------ 3. somebody else's redelegation

    function test_nobodyElseCompletesYourRedelegation() public {
        _stake(alice, opA, 1_000 ether);
        vm.prank(alice);
        uint256 id = staking.redelegate(opA, opB, 1_000 ether);
        _skip(UNBONDING);
        vm.prank(bob);
        vm.expectRevert();
        staking.completeRedelegation(id); // front-running her withdraw into an operator about to be slashed
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        vm.prank(alice);
        staking.withdraw(ids);
        assertEq(alt.balanceOf(alice), 10_000_000 ether, "she left with everything");
    }

    // ------------------------------------------------------------ 4. lower severity

    /// Someone fills a victim's position slots with dust: the victim's own stake must still go through.
    function test_nobodysDustBlocksAnotherAccountsStake() public {
        address attacker = address(0xBAD);
        alt.mint(attacker, 1_000 ether);
        uint256 slots = staking.MAX_POSITIONS_PER_STAKER();
        vm.pauseGasMetering();
        for (uint256 i = 0; i < slots + 1; ++i) {
            address operator = address(uint160(0x30000 + i));
            staking.setOperatorAllowlisted(operator, true);
            vm.prank(operator);
            staking.registerOperator("", 1, 100);
            if (i == slots) break;
            vm.startPrank(attacker);
            alt.approve(address(staking), 1 ether);
            (bool sent, ) = address(staking).call(abi.encodeCall(AltStaking.stakeFor, (operator, 1 ether, alice)));
            sent;
            vm.stopPrank();
        }
        vm.resumeGasMetering();
        _stake(alice, address(uint160(0x30000 + slots)), 100 ether);
        assertEq(_positionOf(alice, address(uint160(0x30000 + slots))), 100 ether, "her stake went through");
    }

    function test_aGovernanceDeactivationSticks() public {
        staking.deactivateOperator(opA);
        vm.prank(opA);
        vm.expectRevert();
        staking.activateOperator(opA);
        staking.activateOperator(opA);
        assertTrue(staking.getOperator(opA).status == StakingBase.OperatorStatus.Active, "governance reverses it");
    }
}
