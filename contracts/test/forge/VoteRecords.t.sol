// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltGovernor} from "../../AltGovernor.sol";
import {AltTimelock} from "../../AltTimelock.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Fixture} from "./Fixture.sol";
import {bound} from "./Base.sol";

/**
 * @dev The governor's record of each voter's votes ({AltGovernor.votesOf}): for any sequence of
 * proposals and votes, each voter's records are exactly its votes, in the order cast, with the choice,
 * the weight the governor counted and the block; a refused second vote records nothing; and any page
 * is the same slice of the whole.
 */
contract VoteRecordsTest is Fixture {
    AltTimelock private timelock;
    AltGovernor private governor;
    address[3] private voters;

    function setUp() public override {
        super.setUp();
        timelock = AltTimelock(
            payable(vm.deployCode("AltTimelock.sol:AltTimelock", abi.encode(2 days, new address[](0), new address[](0), address(this))))
        );
        governor = AltGovernor(
            payable(vm.deployCode("AltGovernor.sol:AltGovernor", abi.encode(votes, timelock, uint48(1 days), uint32(5 days), 0, 4)))
        );
        voters = [alice, bob, carol];
        for (uint256 i = 0; i < voters.length; ++i) {
            vm.startPrank(voters[i]);
            alt.approve(address(votes), (i + 1) * 1_000 ether);
            votes.depositAndDelegate((i + 1) * 1_000 ether, voters[i]);
            vm.stopPrank();
        }
        _skip(1);
    }

    function testFuzz_eachVoterRecordsExactlyItsVotes(uint256 seed, uint8 proposalCount, uint256 pageSeed) public {
        uint256 n = bound(proposalCount, 1, 6);
        uint256[] memory ids = new uint256[](n);
        for (uint256 p = 0; p < n; ++p) ids[p] = _propose(p);
        _skip(1 days + 1);
        // Votes move after the snapshot: what counts (and is recorded) is each voter's weight at it.
        vm.prank(carol);
        votes.transfer(alice, 1_000 ether);
        vm.prank(bob);
        votes.delegate(carol);
        _skip(1);
        assertTrue(votes.getVotes(alice) != governor.getVotes(alice, governor.proposalSnapshot(ids[0])), "votes moved");
        // What each voter's records must be, built as the votes go in.
        AltGovernor.VoteRecord[][3] memory expected;
        for (uint256 v = 0; v < 3; ++v) expected[v] = new AltGovernor.VoteRecord[](n);
        uint256[3] memory counts;
        for (uint256 p = 0; p < n; ++p) {
            for (uint256 v = 0; v < 3; ++v) {
                uint256 draw = uint256(keccak256(abi.encode(seed, p, v)));
                if (draw % 3 == 0) continue;
                uint8 support = uint8((draw >> 8) % 3);
                if ((draw >> 24) % 4 == 1) {
                    // A choice the counting does not know is refused and records nothing.
                    vm.prank(voters[v]);
                    vm.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
                    governor.castVote(ids[p], 3);
                }
                vm.prank(voters[v]);
                if ((draw >> 16) % 3 == 0) governor.castVote(ids[p], support);
                else if ((draw >> 16) % 3 == 1) governor.castVoteWithReason(ids[p], support, "because");
                else governor.castVoteWithReasonAndParams(ids[p], support, "because", "");
                uint256 weight = governor.getVotes(voters[v], governor.proposalSnapshot(ids[p]));
                expected[v][counts[v]++] = AltGovernor.VoteRecord(ids[p], support, uint208(weight), uint40(block.number));
                if ((draw >> 24) % 4 == 0) {
                    // A second vote is refused and records nothing.
                    vm.prank(voters[v]);
                    vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voters[v]));
                    governor.castVote(ids[p], support);
                }
                vm.roll(block.number + 1);
            }
        }
        for (uint256 v = 0; v < 3; ++v) {
            assertEq(governor.voteCount(voters[v]), counts[v], "one record per vote");
            (AltGovernor.VoteRecord[] memory all, uint256 total) = governor.votesOf(voters[v], 0, type(uint256).max);
            assertEq(total, counts[v], "the total is the count");
            assertEq(all.length, counts[v], "the whole list in one page");
            for (uint256 k = 0; k < all.length; ++k) {
                assertEq(all[k].proposalId, expected[v][k].proposalId, "the proposal, in the order voted");
                assertEq(all[k].support, expected[v][k].support, "the choice");
                assertEq(all[k].weight, expected[v][k].weight, "the weight counted");
                assertEq(all[k].blockNumber, expected[v][k].blockNumber, "the block");
            }
            uint256 start = bound(pageSeed, 0, counts[v] + 2);
            uint256 size = bound(pageSeed >> 128, 0, counts[v] + 2);
            (AltGovernor.VoteRecord[] memory page, uint256 pageTotal) = governor.votesOf(voters[v], start, size);
            assertEq(pageTotal, counts[v], "a page says the total");
            uint256 expectedLength = start >= counts[v] ? 0 : (size < counts[v] - start ? size : counts[v] - start);
            assertEq(page.length, expectedLength, "a page is clamped to the end");
            for (uint256 k = 0; k < page.length; ++k) assertEq(page[k].proposalId, all[start + k].proposalId, "a page is a slice");
        }
        // The counted weights add up to each proposal's tally.
        for (uint256 p = 0; p < n; ++p) {
            (uint256 against, uint256 for_, uint256 abstain) = governor.proposalVotes(ids[p]);
            uint256 recorded;
            for (uint256 v = 0; v < 3; ++v)
                for (uint256 k = 0; k < counts[v]; ++k) if (expected[v][k].proposalId == ids[p]) recorded += expected[v][k].weight;
            assertEq(recorded, against + for_ + abstain, "the records add up to the tally");
        }
    }

    function _propose(uint256 p) private returns (uint256) {
        address[] memory targets = new address[](1);
        targets[0] = address(timelock);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = "";
        vm.prank(alice);
        return governor.propose(targets, values, calldatas, string(abi.encodePacked("proposal ", bytes1(uint8(48 + p)))));
    }
}
