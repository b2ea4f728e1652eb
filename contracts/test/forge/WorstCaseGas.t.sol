// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AltVotes} from "../../AltVotes.sol";
import {AltStaking} from "../../AltStaking.sol";
import {AltGovernor} from "../../AltGovernor.sol";
import {AltTimelock} from "../../AltTimelock.sol";
import {Slashing} from "../../staking/Slashing.sol";
import {OperatorRegistry} from "../../staking/OperatorRegistry.sol";
import {IStakeVotes} from "../../interfaces/IStakeVotes.sol";
import {Fixture} from "./Fixture.sol";

/**
 * @dev The most gas any single transaction needs in the worst states any party can arrange: 2,000
 * positions on one operator, the longest commission history an operator can build, a staker at every
 * per-staker limit, an operator untouched across a year of ceiling changes, and a governor executing
 * a slash of the largest operator. Each call is sent as a transaction (2^24 gas, every slot cold) and
 * logged as "worst-case gas: <call> <gas>"; `npm run bench` reads those lines (contract_gas_worst).
 */
contract WorstCaseGasTest is Fixture {
    uint256 private constant _POSITIONS = 2_000;
    uint256 private worst;

    function test_largestOperator() public {
        vm.pauseGasMetering();
        _fund(10_000_000 ether, 1 ether);
        _crowd(opA, _POSITIONS, 0x100000);
        _skip(1 days);
        _measure("stake into an operator with 2,000 positions", alice, abi.encodeCall(AltStaking.stake, (opA, 0)), true);
        _measure(
            "slash of an operator with 2,000 positions",
            address(this),
            abi.encodeCall(Slashing.slash, (opA, 1_000, _longestReason())),
            false
        );
        uint256 largestPage;
        while (true) {
            (uint256 fraction, , , ) = staking.slashInProgress(opA);
            if (fraction == 0) break;
            vm.resumeGasMetering();
            (bool ok, uint256 used) = _asTransaction(bob, address(staking), abi.encodeCall(Slashing.continueSlash, (opA, type(uint256).max)));
            vm.pauseGasMetering();
            assertTrue(ok, "every page fits a transaction");
            if (used > largestPage) largestPage = used;
        }
        if (largestPage > worst) worst = largestPage;
        _log("worst-case gas: continueSlash, the largest full page", largestPage);
        _skip(1 days);
        address member = address(uint160(0x100000 + 7));
        _measure("unstakeAll from an operator with 2,000 positions", member, abi.encodeCall(AltStaking.unstakeAll, (opA)), false);
        _assertWithinBudget();
    }

    /// An operator requests a change every day for three years while another stays untouched since its own.
    function test_longestCommissionHistory() public {
        vm.pauseGasMetering();
        _fund(10_000_000 ether, 1 ether);
        _stake(alice, opA, 1_000 ether);
        _stake(bob, opB, 1_000 ether);
        vm.prank(opA);
        staking.requestCommissionChange(1_500);
        for (uint256 day = 0; day < 3 * 365; ++day) {
            vm.prank(opB);
            staking.requestCommissionChange(uint16(100 + (day % 1_000)));
            for (uint256 block_ = 0; block_ < 3; ++block_) {
                vm.prank(opB);
                staking.requestCommissionChange(uint16(200 + block_));
                _skip(12);
            }
            _skip(1 days);
        }
        _measure("stake into an operator untouched for three years of daily commission changes", carol, abi.encodeCall(AltStaking.stake, (opA, 0)), true);
        _measure("claimCommission after three years untouched", opA, abi.encodeCall(AltStaking.claimCommission, ()), false);
        _measure("unstakeAll after 4,380 commission requests", bob, abi.encodeCall(AltStaking.unstakeAll, (opB)), false);
        _assertWithinBudget();
    }

    /// A staker with 32 positions and 32 open requests, and an operator untouched across a year of ceiling changes.
    function test_everyPerStakerLimit() public {
        vm.pauseGasMetering();
        _fund(10_000_000 ether, 1 ether);
        uint256 slots = staking.MAX_POSITIONS_PER_STAKER();
        address[] memory operators = new address[](slots);
        string memory metadata = string(new bytes(staking.MAX_METADATA_LENGTH()));
        for (uint256 i = 0; i < slots; ++i) {
            operators[i] = address(uint160(0x30000 + i));
            staking.setOperatorAllowlisted(operators[i], true);
            vm.prank(operators[i]);
            staking.registerOperator(metadata, 1, 500);
            _stake(alice, operators[i], 100 ether);
        }
        for (uint256 i = 0; i < staking.MAX_REQUESTS_PER_STAKER(); ++i) {
            vm.prank(alice);
            staking.unstake(operators[i], 1 ether);
        }
        for (uint256 day = 0; day < 365; ++day) {
            staking.setMaxCommission(day % 2 == 0 ? 400 : 1_000);
            staking.applyCeiling(100);
            _skip(1 days);
        }
        _skip(UNBONDING);
        uint256[] memory ids = new uint256[](32);
        for (uint256 i = 0; i < 32; ++i) ids[i] = _requests(alice)[i].id;
        _measure("claimRewards across 32 operators after 365 ceiling changes", alice, abi.encodeCall(AltStaking.claimRewards, (operators)), false);
        _measure("withdraw 32 requests", alice, abi.encodeCall(AltStaking.withdraw, (ids)), false);
        _assertWithinBudget();
    }

    /// 2,000 operators: the ceiling changes, and every operator is brought up to it in pages.
    function test_ceilingOverTheLargestDirectory() public {
        vm.pauseGasMetering();
        _fund(10_000_000 ether, 1 ether);
        for (uint256 i = 0; i < _POSITIONS; ++i) {
            address operator = address(uint160(0x400000 + i));
            staking.setOperatorAllowlisted(operator, true);
            vm.prank(operator);
            staking.registerOperator("", 1, 1_000);
            alt.mint(operator, 100 ether);
            _stake(operator, operator, 100 ether);
        }
        _skip(1 days);
        _measure("setMaxCommission over 2,002 operators", address(this), abi.encodeCall(OperatorRegistry.setMaxCommission, (500)), false);
        uint256 largestPage;
        while (staking.ceilingOperatorsLeft() != 0) {
            vm.resumeGasMetering();
            (bool ok, uint256 used) = _asTransaction(bob, address(staking), abi.encodeCall(OperatorRegistry.applyCeiling, (type(uint256).max)));
            vm.pauseGasMetering();
            assertTrue(ok, "every page fits a transaction");
            if (used > largestPage) largestPage = used;
        }
        if (largestPage > worst) worst = largestPage;
        _log("worst-case gas: applyCeiling, the largest full page", largestPage);
        _assertWithinBudget();
    }

    /// The governor executes a slash of an operator with 2,000 positions.
    function test_governorExecutesASlashOfTheLargestOperator() public {
        vm.pauseGasMetering();
        (AltStaking staking2, AltGovernor governor, AltTimelock timelock, AltVotes votes2) = _governedProtocol();
        address operator = address(0x0E);
        vm.prank(address(timelock));
        staking2.setOperatorAllowlisted(operator, true);
        vm.prank(operator);
        staking2.registerOperator("", 1, 500);
        for (uint256 i = 0; i < _POSITIONS; ++i) {
            address who = address(uint160(0x200000 + i));
            alt.mint(who, 100 ether);
            vm.startPrank(who);
            alt.approve(address(staking2), 100 ether);
            staking2.stake(operator, 100 ether);
            vm.stopPrank();
        }
        vm.startPrank(alice);
        alt.approve(address(votes2), 1_000_000 ether);
        votes2.depositAndDelegate(1_000_000 ether, alice);
        vm.stopPrank();
        _skip(1);
        address[] memory targets = new address[](1);
        targets[0] = address(staking2);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(Slashing.slash, (operator, 5_000, _longestReason()));
        string memory description = "Slash the largest operator";
        vm.prank(alice);
        uint256 id = governor.propose(targets, values, calldatas, description);
        _skip(governor.votingDelay() + 1);
        vm.prank(alice);
        governor.castVote(id, 1);
        _skip(governor.votingPeriod());
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        _skip(timelock.getMinDelay());
        _measureAt(
            "governor execute of a slash of an operator with 2,000 positions",
            bob,
            address(governor),
            abi.encodeWithSignature("execute(address[],uint256[],bytes[],bytes32)", targets, values, calldatas, keccak256(bytes(description))),
            false
        );
        (uint256 fraction, uint256 stakersLeft, , ) = staking2.slashInProgress(operator);
        assertEq(fraction, 5_000, "the slash is recorded");
        assertEq(stakersLeft, _POSITIONS - staking2.SLASH_FIRST_PAGE(), "its first page applied");
        _assertWithinBudget();
    }

    // ------------------------------------------------------------ helpers

    /// @dev Sends the call as a transaction, checks it succeeded within the cap and logs its gas.
    function _measure(string memory call, address sender, bytes memory data, bool stakeFirst) private {
        _measureAt(call, sender, address(staking), data, stakeFirst);
    }

    function _measureAt(string memory call, address sender, address target, bytes memory data, bool stakeFirst) private {
        if (stakeFirst) {
            // The stake's amount (zero in `data`) is the minimum, approved just before.
            (address operator, ) = abi.decode(_args(data), (address, uint256));
            alt.mint(sender, 10 ether);
            vm.prank(sender);
            alt.approve(address(staking), 10 ether);
            data = abi.encodeCall(AltStaking.stake, (operator, 10 ether));
        }
        vm.resumeGasMetering();
        (bool ok, uint256 used) = _asTransaction(sender, target, data);
        vm.pauseGasMetering();
        assertTrue(ok, call);
        assertLe(used, TX_GAS_CAP, call);
        if (used > worst) worst = used;
        _log(string.concat("worst-case gas: ", call), used);
    }

    function _assertWithinBudget() private view {
        assertLe(worst, 8_000_000, "the worst call needs at most 8M gas");
    }

    function _args(bytes memory data) private pure returns (bytes memory args) {
        args = new bytes(data.length - 4);
        for (uint256 i = 0; i < args.length; ++i) args[i] = data[i + 4];
    }

    function _crowd(address operator, uint256 count, uint160 first) private {
        for (uint256 i = 0; i < count; ++i) {
            address who = address(first + uint160(i));
            alt.mint(who, 100 ether);
            _stake(who, operator, 100 ether);
        }
    }

    function _longestReason() private view returns (string memory) {
        return string(new bytes(staking.MAX_REASON_LENGTH()));
    }

    /// @dev ALT, votes, staking administered by a timelock, and the governor proposing to it.
    function _governedProtocol()
        private
        returns (AltStaking staking2, AltGovernor governor, AltTimelock timelock, AltVotes votes2)
    {
        timelock = AltTimelock(payable(vm.deployCode("AltTimelock.sol:AltTimelock", abi.encode(2 days, new address[](0), new address[](0), address(this)))));
        uint256 nonce = vm.getNonce(address(this));
        votes2 = AltVotes(vm.deployCode("AltVotes.sol:AltVotes", abi.encode(alt, _createAddress(address(this), nonce + 1))));
        staking2 = AltStaking(
            vm.deployCode(
                "AltStaking.sol:AltStaking",
                abi.encode(alt, IStakeVotes(address(votes2)), address(timelock), address(timelock), 21 days, 7 days, 2_000, 1 ether, address(0))
            )
        );
        governor = AltGovernor(payable(vm.deployCode("AltGovernor.sol:AltGovernor", abi.encode(votes2, timelock, 1 days, 5 days, 0, 4))));
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
    }
}
