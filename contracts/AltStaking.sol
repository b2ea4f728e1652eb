// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IStakeVotes} from "./interfaces/IStakeVotes.sol";
import {StakingBase} from "./staking/StakingBase.sol";
import {StakePositions} from "./staking/StakePositions.sol";
import {Slashing} from "./staking/Slashing.sol";
import {OperatorRegistry} from "./staking/OperatorRegistry.sol";

/**
 * @title AltStaking
 * @notice Stakers bond ALT to operators who run AltLayer's services (VITAL, MACH, SQUAD). Stake earns
 * ALT rewards streamed at a rate set by governance, less the operator's commission; it can be slashed
 * for the operator's faults; and it keeps voting: every staked ALT, active or unbonding, is reported to
 * {AltVotes} as its owner's voting units.
 * @dev Accounting is per position and per request, in ALT (no share price), so an account's voting
 * units always equal exactly what it could withdraw:
 * - Leaving an operator (unstaking, or redelegating to another) starts an unbonding request that earns
 *   nothing and stays slashable for that operator until it unlocks. The unbonding period (21 days on
 *   the devnet, never under {MIN_UNBONDING_PERIOD}) covers the governance path to a slash (voting delay,
 *   voting period, timelock delay), so nobody escapes a slash by leaving when it is proposed.
 *   A redelegation completes into the new operator once it unlocks; there is no instant move.
 * - A slash takes `fractionBps` of every active position and every request still unbonding with the
 *   operator when it is recorded, each rounded up, and lowers each owner's voting units by the same
 *   amount. Governance's {slash} applies a small first page; anyone finishes it with {continueSlash},
 *   each call bounded whatever the operator's size. Until then the operator is frozen.
 * - Slashed ALT accrues to the treasury and is sent by {sendSlashedToTreasury}, which anyone may call,
 *   so a paused ALT never blocks a slash.
 * - Commission changes (one pending per operator, taking effect at a day start) and lowered commission
 *   ceilings apply from the second they take effect (see {RewardStream}); the commission applied is
 *   never above the ceiling in force.
 * - Every external function's work is bounded whatever any account did before: see the bounds in
 *   {StakingBase}, {RewardStream}, {OperatorRewards}, {StakePositions}, {Slashing} and
 *   {OperatorRegistry}, the parts this contract is made of.
 */
contract AltStaking is StakePositions, Slashing, OperatorRegistry {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.UintSet;

    /**
     * @param token_ ALT.
     * @param votes_ The votes contract staked ALT reports to; it must name this contract as its staking.
     * @param admin Governance (the timelock): allowlist, parameters and slashing.
     * @param treasury Receives slashed ALT.
     * @param unbondingPeriod Seconds a leaving stake stays slashable before it can be withdrawn.
     * @param commissionDelay Seconds before a commission change takes effect.
     * @param maxCommissionBps_ Commission ceiling in basis points.
     * @param minStake Smallest amount a stake may add.
     * @param stakeAgent May stake for others ({stakeFor}): the airdrop, or zero for none yet.
     */
    constructor(
        IERC20 token_,
        IStakeVotes votes_,
        address admin,
        address treasury,
        uint256 unbondingPeriod,
        uint256 commissionDelay,
        uint256 maxCommissionBps_,
        uint256 minStake,
        address stakeAgent
    ) StakingBase(token_, votes_) {
        if (address(token_) == address(0) || admin == address(0) || treasury == address(0)) revert InvalidAddress();
        _checkRange(unbondingPeriod, MIN_UNBONDING_PERIOD, MAX_UNBONDING_PERIOD);
        _checkRange(commissionDelay, 0, MAX_COMMISSION_DELAY);
        _checkRange(maxCommissionBps_, 0, _BPS);
        _checkRange(minStake, 1, MAX_MIN_STAKE);
        if (address(votes_) == address(0) || votes_.staking() != address(this)) revert InvalidAddress();
        _treasury = treasury;
        _unbondingPeriod = unbondingPeriod;
        _commissionDelay = commissionDelay;
        _minStake = minStake;
        _maxCommission.push(MaxCommissionChange(uint48(block.timestamp), uint16(maxCommissionBps_)));
        _recordNow();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(SLASHER_ROLE, admin);
        if (stakeAgent != address(0)) _grantRole(STAKE_AGENT_ROLE, stakeAgent);
    }

    // ---------------------------------------------------------------- staking

    /// @notice Stakes `amount` ALT from the caller to `operator` (needs an allowance).
    function stake(address operator, uint256 amount) external {
        _stake(operator, amount, msg.sender, msg.sender);
    }

    /**
     * @notice Stakes `amount` ALT from the caller to `operator` for `beneficiary`, who owns the position
     * and its votes. Only a stake agent (the airdrop's claim-and-stake, acting for the claimant) may.
     * @dev Open to anyone, it would let a stranger fill a victim's {MAX_POSITIONS_PER_STAKER} slots
     * with dust and block the victim's own stakes.
     */
    function stakeFor(address operator, uint256 amount, address beneficiary) external {
        if (!hasRole(STAKE_AGENT_ROLE, msg.sender)) revert NotStakeAgent(msg.sender);
        _stake(operator, amount, msg.sender, beneficiary);
    }

    /**
     * @notice Stakes with an EIP-2612 permit for exactly `amount`, in one transaction.
     * @dev The permit call may fail because it was front-run (and so already set the allowance); the
     * transfer then fails on its own if no allowance exists.
     */
    function stakeWithPermit(
        address operator,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        try IERC20Permit(address(_token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _stake(operator, amount, msg.sender, msg.sender);
    }

    /**
     * @notice Moves `amount` of the caller's active stake with `operator` into a new unbonding request.
     * A partial unstake must leave nothing or at least the minimum stake.
     */
    function unstake(address operator, uint256 amount) external returns (uint256 requestId) {
        _leave(operator, amount);
        return _createRequest(msg.sender, operator, address(0), amount);
    }

    /// @notice Moves all of the caller's active stake with `operator` into a new unbonding request.
    function unstakeAll(address operator) external returns (uint256 requestId) {
        uint256 amount = _positions[msg.sender][operator].amount;
        _leave(operator, amount);
        return _createRequest(msg.sender, operator, address(0), amount);
    }

    /**
     * @notice Starts moving `amount` of the caller's stake from `from` to `to`: it unbonds from `from`
     * (earning nothing and still slashable for `from`) and is staked with `to` by {completeRedelegation}
     * once unlocked. Pass the whole position to leave `from` entirely.
     */
    function redelegate(address from, address to, uint256 amount) external returns (uint256 requestId) {
        if (from == to) revert SameOperator();
        if (_operators[to].status != OperatorStatus.Active) revert OperatorNotActive(to);
        _leave(from, amount);
        return _createRequest(msg.sender, from, to, amount);
    }

    /**
     * @notice Withdraws unlocked unbonding requests of the caller and pays their value now (after any
     * slash). A redelegation request may be withdrawn instead of completed.
     */
    function withdraw(uint256[] calldata requestIds) external returns (uint256 total) {
        if (requestIds.length == 0) revert EmptyRequestList();
        for (uint256 i = 0; i < requestIds.length; ++i) {
            UnbondingRequest memory request = _closeRequest(requestIds[i], true);
            total += request.amount;
            emit Withdrawn(msg.sender, request.operator, requestIds[i], request.amount);
        }
        _totalUnbondingStake -= total;
        _votes.decreaseStakedUnits(msg.sender, total);
        _token.safeTransfer(msg.sender, total);
    }

    /**
     * @notice Stakes the caller's unlocked redelegation request with its new operator.
     * @dev Only the owner: anyone else could force the stake into an operator the owner meant to avoid
     * (one about to be slashed) by front-running the owner's {withdraw} of the same request.
     */
    function completeRedelegation(uint256 requestId) external {
        UnbondingRequest memory request = _closeRequest(requestId, true);
        if (request.redelegateTo == address(0)) revert NotARedelegation(requestId);
        _totalUnbondingStake -= request.amount;
        if (request.amount > 0) {
            if (_operators[request.redelegateTo].status != OperatorStatus.Active) {
                revert OperatorNotActive(request.redelegateTo);
            }
            _notSlashing(request.redelegateTo);
            _updatePosition(request.staker, request.redelegateTo);
            _addStake(request.staker, request.redelegateTo, request.amount);
        }
        emit Redelegated(request.staker, request.operator, request.redelegateTo, requestId, request.amount);
    }

    /// @notice Claims the caller's rewards from each of `operators` in one transfer.
    function claimRewards(address[] calldata operators) external returns (uint256 total) {
        for (uint256 i = 0; i < operators.length; ++i) {
            address operator = operators[i];
            _updatePosition(msg.sender, operator);
            Position storage position = _positions[msg.sender][operator];
            uint256 amount = position.rewards;
            if (amount == 0) continue;
            position.rewards = 0;
            total += amount;
            _forgetIfEmpty(msg.sender, operator);
            emit RewardsClaimed(msg.sender, operator, amount);
        }
        if (total == 0) revert NothingToClaim();
        _rewardsReserve -= total;
        _token.safeTransfer(msg.sender, total);
    }

    /// @notice Restakes the caller's pending rewards from `operator` into the same operator.
    function compound(address operator) external returns (uint256 amount) {
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _notSlashing(operator);
        _updatePosition(msg.sender, operator);
        Position storage position = _positions[msg.sender][operator];
        amount = position.rewards;
        if (amount == 0) revert NothingToClaim();
        position.rewards = 0;
        _rewardsReserve -= amount;
        _addStake(msg.sender, operator, amount);
        _votes.increaseStakedUnits(msg.sender, amount);
        emit RewardsCompounded(msg.sender, operator, amount);
    }

    /// @notice Pays the caller, an operator, its accrued commission.
    function claimCommission() external returns (uint256 amount) {
        _updateOperator(msg.sender);
        Operator storage op = _operators[msg.sender];
        amount = op.commissionAccrued;
        if (amount == 0) revert NothingToClaim();
        op.commissionAccrued = 0;
        _rewardsReserve -= amount;
        emit CommissionClaimed(msg.sender, amount);
        _token.safeTransfer(msg.sender, amount);
    }

    /// @notice Adds `amount` ALT from the caller to the rewards streamed to stakers.
    function fundRewards(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        _accrueGlobal();
        _undistributedRewards += amount;
        _rewardsReserve += amount;
        emit RewardsFunded(msg.sender, amount);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Sets the ALT per second streamed to stakers while funded rewards last; zero stops it.
    function setRewardRate(uint256 rewardRate) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(rewardRate, 0, MAX_REWARD_RATE);
        _accrueGlobal();
        _rewardRate = rewardRate;
        emit RewardRateUpdated(rewardRate);
    }

    /// @notice Sets the unbonding period for new requests (existing ones keep theirs).
    function setUnbondingPeriod(uint256 unbondingPeriod) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(unbondingPeriod, MIN_UNBONDING_PERIOD, MAX_UNBONDING_PERIOD);
        _unbondingPeriod = unbondingPeriod;
        emit UnbondingPeriodUpdated(unbondingPeriod);
    }

    /// @notice Sets the delay before commission changes take effect.
    function setCommissionDelay(uint256 commissionDelay) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(commissionDelay, 0, MAX_COMMISSION_DELAY);
        _commissionDelay = commissionDelay;
        emit CommissionDelayUpdated(commissionDelay);
    }

    /**
     * @notice Sets the smallest amount a stake may add. Existing positions below it stay valid and can
     * always be left whole.
     */
    function setMinStake(uint256 minStake) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(minStake, 1, MAX_MIN_STAKE);
        _minStake = minStake;
        emit MinStakeUpdated(minStake);
    }

    /// @notice Sets where slashed ALT goes.
    function setTreasury(address treasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury == address(0)) revert InvalidAddress();
        _treasury = treasury;
        emit TreasuryUpdated(treasury);
    }

    // ---------------------------------------------------------------- views

    /// @notice Seconds a leaving stake stays slashable before it can be withdrawn (for new requests).
    function unbondingPeriod() external view returns (uint256) {
        return _unbondingPeriod;
    }

    /// @notice The staked token, ALT.
    function token() external view returns (address) {
        return address(_token);
    }

    /// @notice The votes contract staked ALT is reported to.
    function votes() external view returns (address) {
        return address(_votes);
    }

    /// @notice Whether `operator` may register.
    function isAllowlisted(address operator) external view returns (bool) {
        return _allowlisted[operator];
    }

    /// @notice Number of registered operators.
    function operatorCount() external view returns (uint256) {
        return _operatorList.length;
    }

    /// @notice Up to `limit` operators from index `offset`, in registration order.
    function getOperators(uint256 offset, uint256 limit) external view returns (OperatorInfo[] memory infos) {
        uint256 count = _pageCount(_operatorList.length, offset, limit);
        infos = new OperatorInfo[](count);
        for (uint256 i = 0; i < count; ++i) infos[i] = _operatorInfo(_operatorList[offset + i]);
    }

    /// @notice One operator's figures.
    function getOperator(address operator) external view returns (OperatorInfo memory) {
        _registered(operator);
        return _operatorInfo(operator);
    }

    /// @notice Up to `limit` of `operator`'s stakers from index `offset`, with their active stake.
    function getOperatorStakers(
        address operator,
        uint256 offset,
        uint256 limit
    ) external view returns (address[] memory stakers, uint256[] memory stakes) {
        EnumerableSet.AddressSet storage set = _operatorStakers[operator];
        uint256 count = _pageCount(set.length(), offset, limit);
        stakers = new address[](count);
        stakes = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            stakers[i] = set.at(offset + i);
            stakes[i] = _positions[stakers[i]][operator].amount;
        }
    }

    /**
     * @notice A staker's positions (with pending rewards) and open unbonding requests; both lists are
     * bounded by {MAX_POSITIONS_PER_STAKER} and {MAX_REQUESTS_PER_STAKER}.
     */
    function getStaker(
        address staker
    ) external view returns (PositionInfo[] memory positions, UnbondingInfo[] memory requests) {
        EnumerableSet.AddressSet storage operators = _stakerOperators[staker];
        positions = new PositionInfo[](operators.length());
        for (uint256 i = 0; i < positions.length; ++i) {
            address operator = operators.at(i);
            Position storage position = _positions[staker][operator];
            positions[i] = PositionInfo({
                operator: operator,
                stake: position.amount,
                principal: position.principal,
                pendingRewards: _pendingRewards(staker, operator)
            });
        }
        EnumerableSet.UintSet storage ids = _stakerRequests[staker];
        requests = new UnbondingInfo[](ids.length());
        for (uint256 i = 0; i < requests.length; ++i) {
            uint256 id = ids.at(i);
            UnbondingRequest storage request = _requests[id];
            requests[i] = UnbondingInfo({
                id: id,
                operator: request.operator,
                redelegateTo: request.redelegateTo,
                unlockTime: request.unlockTime,
                requestedAmount: request.requestedAmount,
                amount: request.amount
            });
        }
    }

    /// @notice Rewards `staker` could claim from `operator` now.
    function pendingRewards(address staker, address operator) external view returns (uint256) {
        return _pendingRewards(staker, operator);
    }

    /// @notice Operators not yet brought up to the latest commission ceiling change (see {applyCeiling}).
    function ceilingOperatorsLeft() external view returns (uint256) {
        return _operatorList.length - _ceilingCursor;
    }

    /**
     * @notice A slash being applied to `operator`: its fraction, what is left to process and when it was
     * recorded (zeros if none).
     */
    function slashInProgress(
        address operator
    ) external view returns (uint256 fractionBps, uint256 stakersLeft, uint256 requestsLeft, uint256 recordedAt) {
        SlashInProgress storage s = _slashes[operator];
        return (s.fractionBps, s.stakersLeft, s.requestsLeft, s.recordedAt);
    }

    /// @notice Global parameters and totals in one call.
    function getParameters() external view returns (Parameters memory) {
        (, uint256 undistributed) = _previewGlobal(block.timestamp);
        return
            Parameters({
                unbondingPeriod: _unbondingPeriod,
                commissionDelay: _commissionDelay,
                maxCommissionBps: maxCommissionBps(),
                minStake: _minStake,
                rewardRate: _rewardRate,
                treasury: _treasury,
                totalActiveStake: _totalActiveStake,
                totalUnbondingStake: _totalUnbondingStake,
                totalEarningStake: _totalEarningStake,
                undistributedRewards: undistributed,
                rewardsReserve: _rewardsReserve,
                slashedPending: _slashedPending,
                operatorCount: _operatorList.length
            });
    }
}
