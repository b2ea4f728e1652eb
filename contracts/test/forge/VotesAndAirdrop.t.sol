// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltVotes} from "../../AltVotes.sol";
import {AltAirdrop} from "../../AltAirdrop.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {Fixture} from "./Fixture.sol";

/// @dev Voting power for a token without votes, and the airdrop's claim to voting power.
contract VotesAndAirdropTest is Fixture {
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 private constant DELEGATION_TYPEHASH = keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");
    uint256 private constant DAVE_KEY = 0xDA7E;

    address private dave;
    AltAirdrop private airdrop;
    bytes32 private daveLeaf;
    bytes32 private carolLeaf;

    function setUp() public override {
        super.setUp();
        dave = vm.addr(DAVE_KEY);
        alt.mint(dave, 1_000 ether);
        daveLeaf = keccak256(bytes.concat(keccak256(abi.encode(dave, 500 ether))));
        carolLeaf = keccak256(bytes.concat(keccak256(abi.encode(carol, 700 ether))));
        bytes32 root = daveLeaf < carolLeaf
            ? keccak256(abi.encodePacked(daveLeaf, carolLeaf))
            : keccak256(abi.encodePacked(carolLeaf, daveLeaf));
        airdrop = _newAirdrop(root, uint64(block.timestamp), uint64(block.timestamp + 30 days));
        alt.mint(address(airdrop), 1_200 ether);
    }

    // ------------------------------------------------------------ votes

    function test_plainAltBecomesVotesWithOnePermitAndOneTransaction() public {
        assertEq(votes.getVotes(dave), 0, "plain ALT does not vote");
        (uint8 v, bytes32 r, bytes32 s) = _permit(dave, address(votes), 400 ether);
        vm.prank(dave);
        votes.depositWithPermit(400 ether, dave, block.timestamp + 1 hours, v, r, s);
        _skip(1);
        assertEq(votes.getVotes(dave), 400 ether, "voting power at once");
        assertEq(votes.getPastTotalSupply(block.timestamp - 1), 400 ether, "the votable supply counts it");
        vm.prank(dave);
        votes.withdrawTo(dave, 400 ether);
        assertEq(alt.balanceOf(dave), 1_000 ether, "back to plain ALT 1:1, no fee");
        assertEq(votes.getVotes(dave), 0, "and the votes with it");
    }

    function test_theFirstDepositDelegatesToTheDepositor() public {
        vm.startPrank(alice);
        alt.approve(address(votes), 100 ether);
        votes.depositFor(alice, 100 ether);
        vm.stopPrank();
        assertEq(votes.delegates(alice), alice, "nobody has zero votes for never delegating");
        assertEq(votes.getVotes(alice), 100 ether, "alice votes with her deposit");

        vm.startPrank(bob);
        alt.approve(address(votes), 100 ether);
        votes.depositFor(carol, 100 ether); // a gift never chooses carol's delegate for her
        vm.stopPrank();
        assertEq(votes.delegates(carol), address(0), "a gift chooses nothing for carol");
        assertEq(votes.getVotes(carol), 0, "her vALT votes once she delegates");
        vm.prank(carol);
        votes.delegate(carol);
        assertEq(votes.getVotes(carol), 100 ether, "and then it does");
    }

    function test_stakingKeepsTheVoteAndOneDelegationCoversBoth() public {
        vm.startPrank(alice);
        alt.approve(address(votes), 300 ether);
        votes.depositAndDelegate(300 ether, alice);
        alt.approve(address(staking), 700 ether);
        staking.stake(opA, 700 ether);
        assertEq(votes.getVotes(alice), 1_000 ether, "wrapped and staked both vote");
        assertEq(votes.stakedUnitsOf(alice), 700 ether, "staked units are the stake");
        votes.delegate(bob);
        vm.stopPrank();
        assertEq(votes.getVotes(bob), 1_000 ether, "one delegation moves both kinds");
        assertEq(votes.getVotes(alice), 0, "alice's own power went with it");

        vm.prank(alice);
        staking.unstake(opA, 200 ether);
        assertEq(votes.getVotes(bob), 1_000 ether, "unbonding stake still votes");
        staking.slash(opA, 1_000, "fault");
        assertEq(votes.getVotes(bob), 930 ether, "a slash takes the votes it takes in ALT");
    }

    function test_theZeroDelegateAndForeignReportsAreRefused() public {
        vm.prank(alice);
        vm.expectRevert(AltVotes.InvalidDelegatee.selector);
        votes.delegate(address(0));
        vm.expectRevert(abi.encodeWithSelector(AltVotes.OnlyStaking.selector, address(this)));
        votes.increaseStakedUnits(alice, 1 ether);
    }

    // ------------------------------------------------------------ airdrop

    function test_aClaimArrivesAsVotingPowerDelegatedAsChosen() public {
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = carolLeaf;
        uint256 expiry = block.timestamp + 1 hours;
        uint256 nonce = votes.nonces(dave);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            DAVE_KEY,
            _digest(votes.DOMAIN_SEPARATOR(), keccak256(abi.encode(DELEGATION_TYPEHASH, bob, nonce, expiry)))
        );
        vm.prank(dave);
        airdrop.claimToVotes(500 ether, proof, bob, AltAirdrop.Delegation(nonce, expiry, v, r, s));
        assertEq(votes.balanceOf(dave), 500 ether, "claimed as Voting ALT");
        assertEq(votes.delegates(dave), bob, "delegated as dave chose, in the same transaction");
        assertEq(votes.getVotes(bob), 500 ether, "bob votes with it");
    }

    function test_aClaimToVotesForOneselfNeedsNoSignature() public {
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = daveLeaf;
        vm.prank(carol);
        airdrop.claimToVotes(700 ether, proof, carol, AltAirdrop.Delegation(0, 0, 0, 0, 0));
        assertEq(votes.getVotes(carol), 700 ether, "self-delegated voting power");
    }

    /// Nobody but the eligible address can claim, so nobody can decide for it how the claim arrives.
    function test_aThirdPartyCannotClaimFirstAndCancelTheChoice() public {
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = daveLeaf;
        vm.prank(bob); // bob submits carol's proof: it proves bob's leaf, which does not exist
        vm.expectRevert(abi.encodeWithSelector(AltAirdrop.InvalidProof.selector, bob, 700 ether));
        airdrop.claim(700 ether, proof);
        vm.prank(carol);
        airdrop.claimAndStake(700 ether, proof, opB);
        assertEq(_positionOf(carol, opB), 700 ether, "carol's own choice: staked");
        assertEq(votes.getVotes(carol), 700 ether, "and voting");
    }

    function test_aPauseSpanningTheEndForfeitsNoClaim() public {
        AltAirdrop.Info memory info = airdrop.info();
        vm.warp(info.claimEnd - 1 days);
        alt.pause(); // a day before the end, until after it
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = daveLeaf;
        vm.prank(carol);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        airdrop.claim(700 ether, proof);

        vm.warp(info.claimEnd + 3 days);
        vm.expectRevert(abi.encodeWithSelector(AltAirdrop.NotSweepableYet.selector, info.claimEnd + 14 days));
        airdrop.sweep(); // nobody can take the unclaimed ALT while governance decides
        airdrop.extendClaimWindow(info.claimEnd + 10 days); // governance gives back the lost days
        alt.unpause();
        vm.prank(carol);
        airdrop.claim(700 ether, proof);
        assertEq(alt.balanceOf(carol), 10_000_700 ether, "carol's claim survived the pause");

        vm.expectRevert(abi.encodeWithSelector(AltAirdrop.OnlyAdmin.selector, bob));
        vm.prank(bob);
        airdrop.extendClaimWindow(info.claimEnd + 20 days);
        vm.warp(info.claimEnd + 24 days);
        airdrop.sweep();
        assertEq(alt.balanceOf(treasury), 500 ether, "what was not claimed returns to the treasury");
    }

    // ------------------------------------------------------------ helpers

    function _permit(address owner, address spender, uint256 value) private view returns (uint8, bytes32, bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, owner, spender, value, alt.nonces(owner), block.timestamp + 1 hours)
        );
        return vm.sign(DAVE_KEY, _digest(alt.DOMAIN_SEPARATOR(), structHash));
    }

    function _digest(bytes32 domainSeparator, bytes32 structHash) private pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }
}
