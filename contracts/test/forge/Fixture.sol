// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {StakingBase} from "../../staking/StakingBase.sol";
import {AltAirdrop} from "../../AltAirdrop.sol";
import {IStakeVotes} from "../../interfaces/IStakeVotes.sol";
import {Base} from "./Base.sol";

/// @dev ALT, AltVotes, AltStaking and an airdrop deployed as on the devnet; this contract is governance.
abstract contract Fixture is Base {
    uint256 internal constant DAY = 1 days;
    uint256 internal constant UNBONDING = 21 days;
    uint256 internal constant COMMISSION_DELAY = 7 days;

    AltLayerToken internal alt;
    AltVotes internal votes;
    AltStaking internal staking;

    address internal treasury = address(0x7EA5);
    address internal opA = address(0x0A);
    address internal opB = address(0x0B);
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);
    address internal carol = address(0xCA201);

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        uint256 nonce = vm.getNonce(address(this));
        alt = new AltLayerToken(address(this));
        votes = new AltVotes(alt, _createAddress(address(this), nonce + 2));
        staking = new AltStaking(
            alt,
            IStakeVotes(address(votes)),
            address(this),
            treasury,
            UNBONDING,
            COMMISSION_DELAY,
            2_000,
            1 ether,
            address(0)
        );
        address[5] memory holders = [opA, opB, alice, bob, carol];
        for (uint256 i = 0; i < holders.length; ++i) alt.mint(holders[i], 10_000_000 ether);
        alt.mint(address(this), 100_000_000 ether);
        staking.setOperatorAllowlisted(opA, true);
        staking.setOperatorAllowlisted(opB, true);
        vm.prank(opA);
        staking.registerOperator("ipfs://a", 1, 1_000);
        vm.prank(opB);
        staking.registerOperator("ipfs://b", 2, 500);
    }

    function _stake(address who, address operator, uint256 amount) internal {
        vm.startPrank(who);
        alt.approve(address(staking), amount);
        staking.stake(operator, amount);
        vm.stopPrank();
    }

    function _fund(uint256 amount, uint256 ratePerSecond) internal {
        alt.approve(address(staking), amount);
        staking.fundRewards(amount);
        staking.setRewardRate(ratePerSecond);
    }

    function _positionOf(address who, address operator) internal view returns (uint256) {
        (StakingBase.PositionInfo[] memory positions, ) = staking.getStaker(who);
        for (uint256 i = 0; i < positions.length; ++i) if (positions[i].operator == operator) return positions[i].stake;
        return 0;
    }

    function _requests(address who) internal view returns (StakingBase.UnbondingInfo[] memory requests) {
        (, requests) = staking.getStaker(who);
    }

    function _skip(uint256 seconds_) internal {
        vm.warp(block.timestamp + seconds_);
        vm.roll(block.number + 1);
    }

    function _newAirdrop(bytes32 root, uint64 start, uint64 end) internal returns (AltAirdrop airdrop) {
        airdrop = new AltAirdrop(alt, staking, votes, address(this), treasury, root, start, end, 14 days);
        staking.grantRole(staking.STAKE_AGENT_ROLE(), address(airdrop));
    }
}
