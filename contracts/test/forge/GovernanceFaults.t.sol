// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltGovernor} from "../../AltGovernor.sol";
import {AltTimelock} from "../../AltTimelock.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Fixture} from "./Fixture.sol";

/// @dev A contract that holds vALT and never votes (a pool, a vault).
contract Sink {}

/**
 * @dev The governance faults of the second outside review: the path to a slash (voting delay, voting
 * period, timelock delay) must never outlast the unbonding period, every setting is bounded, and
 * vALT that cannot vote does not raise the quorum. Each failed on the contracts it was written against.
 */
contract GovernanceFaultsTest is Fixture {
    AltTimelock private timelock;
    AltGovernor private governor;

    function setUp() public override {
        super.setUp();
        timelock = AltTimelock(payable(deployTimelock(2 days)));
        governor = AltGovernor(payable(deployGovernor(1 days, 5 days)));
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
        vm.startPrank(alice);
        alt.approve(address(votes), 1_000 ether);
        votes.depositAndDelegate(1_000 ether, alice);
        vm.stopPrank();
        _skip(1);
    }

    function test_aGovernorWhosePathOutlastsUnbondingIsRefused() public {
        // 7 days' delay + 14 days' voting + 2 days' timelock: a slash would land after 21 days' unbonding.
        try this.deployGovernor(7 days, 14 days) {
            assertTrue(false, "deployed");
        } catch {}
    }

    function test_aProposalCannotStretchThePathPastUnbonding() public {
        bytes memory call = abi.encodeCall(TimelockController.updateDelay, (14 days));
        _passAndExecute(address(timelock), call, "a longer timelock", true);
        assertEq(timelock.getMinDelay(), 2 days, "the delay did not change");
        _passAndExecute(address(timelock), abi.encodeCall(TimelockController.updateDelay, (3 days)), "a bit longer", false);
        assertEq(timelock.getMinDelay(), 3 days, "a change that keeps the rule goes through");
    }

    function test_eachSettingIsBounded() public {
        vm.prank(address(timelock));
        vm.expectRevert();
        timelock.updateDelay(365 days);
        try this.deployTimelock(365 days) {
            assertTrue(false, "a year's timelock deployed");
        } catch {}
        try this.deployGovernor(0, 1 minutes) {
            assertTrue(false, "a minute's vote deployed");
        } catch {}
    }

    /// @dev Deployed from their artifacts: their creation code would not fit in this test's own.
    function deployTimelock(uint256 delay) public returns (address) {
        return vm.deployCode(
            "AltTimelock.sol:AltTimelock",
            abi.encode(delay, new address[](0), new address[](0), address(this))
        );
    }

    function deployGovernor(uint48 delay, uint32 period) public returns (address) {
        return vm.deployCode("AltGovernor.sol:AltGovernor", abi.encode(votes, timelock, delay, period, 0, 4));
    }

    /// 30% of vALT sits in a contract that never votes: the quorum is a fraction of the other 70%.
    function test_vAltInAContractThatNeverVotesDoesNotRaiseTheQuorum() public {
        address sink = address(new Sink());
        vm.startPrank(bob);
        alt.approve(address(votes), 3_000 ether);
        votes.depositAndDelegate(3_000 ether, bob);
        votes.transfer(sink, 3_000 ether);
        vm.stopPrank();
        vm.startPrank(carol);
        alt.approve(address(votes), 6_000 ether);
        votes.depositAndDelegate(6_000 ether, carol);
        vm.stopPrank();
        _skip(1);
        uint256 snapshot = block.timestamp - 1;
        assertEq(votes.getPastTotalSupply(snapshot), 10_000 ether, "all vALT exists");
        assertEq(votes.getPastVotes(sink, snapshot), 0, "the contract's vALT has no votes");
        assertEq(governor.quorum(snapshot), (7_000 ether * 4) / 100, "4% of the delegated 70%");
    }

    /// Nobody can make a contract's vALT count by depositing a wei for it.
    function test_nobodyDelegatesAContractsVotesForIt() public {
        address sink = address(new Sink());
        vm.startPrank(bob);
        alt.approve(address(votes), 3_001 ether);
        votes.depositAndDelegate(3_000 ether, bob);
        votes.transfer(sink, 3_000 ether);
        votes.depositFor(sink, 1); // the gift that would have auto-delegated all of the contract's vALT
        vm.stopPrank();
        _skip(1);
        assertEq(votes.getPastVotes(sink, block.timestamp - 1), 0, "the contract's vALT still has no votes");
        assertEq(governor.quorum(block.timestamp - 1), (1_000 ether * 4) / 100, "the quorum is 4% of alice's 1,000");
    }

    function _passAndExecute(address target, bytes memory data, string memory description, bool expectFailure) private {
        address[] memory targets = new address[](1);
        targets[0] = target;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        vm.prank(alice);
        uint256 id = governor.propose(targets, values, calldatas, description);
        _skip(1 days + 1);
        vm.prank(alice);
        governor.castVote(id, 1);
        _skip(5 days);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        _skip(timelock.getMinDelay());
        if (expectFailure) vm.expectRevert();
        governor.execute(targets, values, calldatas, descriptionHash);
    }
}
