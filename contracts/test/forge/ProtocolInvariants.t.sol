// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltLayerToken} from "../../AltLayerToken.sol";
import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {IStakeVotes} from "../../interfaces/IStakeVotes.sol";
import {Base} from "./Base.sol";
import {ProtocolHandler} from "./ProtocolHandler.sol";

/**
 * @dev The protocol's invariants under random sequences of every action (see {ProtocolHandler}). The
 * handler is ALT's owner and the staking admin, so it can pause, slash and set parameters.
 */
contract ProtocolInvariants is Base {
    uint256 private constant _ACTORS = 4;
    uint256 private constant _OPERATORS = 3;

    AltLayerToken internal alt;
    AltVotes internal votes;
    AltStaking internal staking;
    ProtocolHandler internal handler;

    function setUp() public {
        address[] memory actors = new address[](_ACTORS);
        address[] memory operators = new address[](_OPERATORS);
        for (uint256 i = 0; i < _ACTORS; ++i) actors[i] = address(uint160(0xA000 + i));
        for (uint256 i = 0; i < _OPERATORS; ++i) operators[i] = address(uint160(0x0B000 + i));

        // The handler's address is known before it exists: everything it administers names it.
        uint256 nonce = vm.getNonce(address(this));
        address handlerAddress = _createAddress(address(this), nonce + 3);
        alt = new AltLayerToken(address(this));
        votes = new AltVotes(alt, _createAddress(address(this), nonce + 2));
        staking = new AltStaking(alt, IStakeVotes(address(votes)), handlerAddress, handlerAddress, 21 days, 7 days, 2_000, 1 ether, address(0));
        handler = new ProtocolHandler(alt, votes, staking, actors, operators);
        assertTrue(address(handler) == handlerAddress, "handler address predicted");

        for (uint256 i = 0; i < _ACTORS; ++i) alt.mint(actors[i], 50_000_000 ether);
        for (uint256 i = 0; i < _OPERATORS; ++i) alt.mint(operators[i], 1_000_000 ether);
        alt.mint(address(handler), 100_000_000 ether);
        alt.transferOwnership(address(handler));

        vm.startPrank(address(handler));
        for (uint256 i = 0; i < _OPERATORS; ++i) staking.setOperatorAllowlisted(operators[i], true);
        staking.setRewardRate(1 ether);
        alt.approve(address(staking), 10_000_000 ether);
        staking.fundRewards(10_000_000 ether);
        vm.stopPrank();
        for (uint256 i = 0; i < _OPERATORS; ++i) {
            vm.prank(operators[i]);
            staking.registerOperator("", 1, uint16(300 * (i + 1)));
        }

        _targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](22);
        selectors[0] = ProtocolHandler.stake.selector;
        selectors[1] = ProtocolHandler.stake.selector;
        selectors[2] = ProtocolHandler.unstake.selector;
        selectors[3] = ProtocolHandler.redelegate.selector;
        selectors[4] = ProtocolHandler.withdrawReady.selector;
        selectors[5] = ProtocolHandler.completeRedelegation.selector;
        selectors[6] = ProtocolHandler.claimRewards.selector;
        selectors[7] = ProtocolHandler.compound.selector;
        selectors[8] = ProtocolHandler.claimCommission.selector;
        selectors[9] = ProtocolHandler.requestCommission.selector;
        selectors[10] = ProtocolHandler.setMaxCommission.selector;
        selectors[11] = ProtocolHandler.setRewardRate.selector;
        selectors[12] = ProtocolHandler.fundRewards.selector;
        selectors[13] = ProtocolHandler.toggleOperator.selector;
        selectors[14] = ProtocolHandler.togglePause.selector;
        selectors[15] = ProtocolHandler.sendSlashedToTreasury.selector;
        selectors[16] = ProtocolHandler.wrap.selector;
        selectors[17] = ProtocolHandler.unwrap.selector;
        selectors[18] = ProtocolHandler.delegate.selector;
        selectors[19] = ProtocolHandler.warp.selector;
        selectors[20] = ProtocolHandler.warp.selector;
        selectors[21] = ProtocolHandler.slash.selector;
        _targetSelector(address(handler), selectors);
    }

    /// @dev ALT held by staking covers every withdrawable claim, the reward reserve and slashed ALT, exactly.
    function invariant_altCoversEveryClaim() public view {
        AltStaking.Parameters memory p = staking.getParameters();
        uint256 owed;
        address[] memory everyone = handler.everyone();
        for (uint256 i = 0; i < everyone.length; ++i) owed += _withdrawable(everyone[i]);
        assertEq(owed, p.totalActiveStake + p.totalUnbondingStake, "stakes sum to the totals");
        assertEq(
            alt.balanceOf(address(staking)),
            p.totalActiveStake + p.totalUnbondingStake + p.rewardsReserve + p.slashedPending,
            "staking's ALT equals stakes, reward reserve and slashed ALT"
        );
        assertLe(p.undistributedRewards, p.rewardsReserve, "undistributed rewards are held");
        assertEq(alt.balanceOf(address(votes)), votes.totalSupply(), "every vALT is backed 1:1");
    }

    /// @dev At every recorded timepoint, the delegates' votes sum to the votable supply, which is what was recorded.
    function invariant_votesSumToVotableSupply() public view {
        address[] memory everyone = handler.everyone();
        uint48[] memory timepoints = handler.timepoints();
        for (uint256 t = 0; t < timepoints.length; ++t) {
            if (timepoints[t] >= block.timestamp) continue;
            uint256 sum;
            for (uint256 i = 0; i < everyone.length; ++i) sum += votes.getPastVotes(everyone[i], timepoints[t]);
            uint256 supply = votes.getPastTotalSupply(timepoints[t]);
            assertEq(sum, supply, "past votes sum to the past votable supply");
            assertEq(supply, handler.ghostVotableAt(timepoints[t]), "past votable supply is wrapped plus staked");
        }
        uint256 now_;
        for (uint256 i = 0; i < everyone.length; ++i) now_ += votes.getVotes(everyone[i]);
        assertEq(now_, handler.votableNow(), "votes sum to wrapped plus staked now");
    }

    /// @dev Nobody's voting units exceed what it could withdraw from staking plus what it holds wrapped.
    function invariant_unitsNeverExceedWithdrawable() public view {
        address[] memory everyone = handler.everyone();
        for (uint256 i = 0; i < everyone.length; ++i) {
            address account = everyone[i];
            assertEq(votes.stakedUnitsOf(account), _withdrawable(account), "staked units equal withdrawable stake");
            assertLe(
                votes.votingUnitsOf(account),
                _withdrawable(account) + votes.balanceOf(account),
                "units within withdrawable plus wrapped"
            );
        }
    }

    /// @dev Every slash took exactly its share of each slashable stake, locked requests included.
    function invariant_slashTakesExactlyItsShare() public view {
        assertTrue(bytes(handler.ghostSlashError()).length == 0, handler.ghostSlashError());
    }

    /// @dev Rewards paid never exceed rewards funded, and what is owed is held.
    function invariant_rewardsPaidWithinFunded() public view {
        AltStaking.Parameters memory p = staking.getParameters();
        assertEq(handler.ghostRewardsPaid() + p.rewardsReserve, handler.ghostFunded() + 10_000_000 ether, "paid + reserve = funded");
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
    function invariant_commissionWithinCap() public view {
        address[] memory operators = handler.operators();
        uint256 cap = staking.maxCommissionBps();
        for (uint256 j = 0; j < operators.length; ++j) {
            AltStaking.OperatorInfo memory info = staking.getOperator(operators[j]);
            assertLe(info.commissionBps, cap, "commission in force within the cap");
            assertLe(info.pendingCommissionBps, cap, "pending commission within the cap");
        }
    }

    /// @dev Staking then leaving never returns more ALT than was put in.
    function invariant_stakeCycleNeverGains() public view {
        address[] memory everyone = handler.everyone();
        for (uint256 i = 0; i < everyone.length; ++i) {
            assertLe(handler.ghostTakenOut(everyone[i]), handler.ghostPutIn(everyone[i]), "withdrawn within staked");
        }
    }

    /// @dev Nothing that moves ALT succeeded while ALT was paused.
    function invariant_pauseStopsEveryTransfer() public view {
        assertTrue(bytes(handler.ghostPauseError()).length == 0, handler.ghostPauseError());
    }

    function _withdrawable(address account) private view returns (uint256 total) {
        (AltStaking.PositionInfo[] memory positions, AltStaking.UnbondingInfo[] memory requests) = staking.getStaker(
            account
        );
        for (uint256 i = 0; i < positions.length; ++i) total += positions[i].stake;
        for (uint256 i = 0; i < requests.length; ++i) total += requests[i].amount;
    }
}
