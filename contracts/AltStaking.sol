// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/**
 * @title AltStaking
 * @notice Stakers bond ALT to operators who run AltLayer's services (VITAL, MACH, SQUAD). Stake earns ALT
 * rewards streamed at a rate set by governance, less the operator's commission, and can be slashed.
 * @dev Each operator has two share pools: an active pool (earning, slashable) and an unbonding pool
 * (not earning, still slashable until withdrawn). Positions and unbonding requests hold shares, so a
 * slash is O(1): it lowers a pool's assets and every holder's value pro rata. Share maths uses a
 * virtual offset of {VIRTUAL_SHARES} shares and 1 wei of assets, which makes first-depositor share
 * inflation unprofitable, and every conversion rounds against the user.
 *
 * Rewards: a global reward-per-stake accumulator over all active operators' active stake; each
 * operator converts its part into a reward-per-share accumulator after taking commission at the rate
 * in force at its previous update (so a new commission never applies to time before it took effect).
 *
 * The admin (the governance timelock) controls the operator allowlist and every parameter; the
 * slasher role (also governance) slashes.
 */
contract AltStaking is AccessControl {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.UintSet;

    enum OperatorStatus {
        None,
        Active,
        Deactivated
    }

    /// @notice Role allowed to slash operators.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    /// @notice Service bit: VITAL, rollup state verification and fraud-proof challenges.
    uint8 public constant SERVICE_VITAL = 1;
    /// @notice Service bit: MACH, fast finality.
    uint8 public constant SERVICE_MACH = 2;
    /// @notice Service bit: SQUAD, decentralised sequencing.
    uint8 public constant SERVICE_SQUAD = 4;
    uint8 private constant _ALL_SERVICES = SERVICE_VITAL | SERVICE_MACH | SERVICE_SQUAD;

    uint256 private constant _BPS = 10_000;
    /// @notice Largest fraction of an operator's stake one slash may take, in basis points.
    uint256 public constant MAX_SLASH_BPS = 5_000;
    /// @notice Longest unbonding period governance may set.
    uint256 public constant MAX_UNBONDING_PERIOD = 60 days;
    /// @notice Longest commission-change delay governance may set.
    uint256 public constant MAX_COMMISSION_DELAY = 60 days;
    /// @notice Virtual shares added to every pool against share-inflation attacks.
    uint256 public constant VIRTUAL_SHARES = 1e6;
    uint256 private constant _PRECISION = 1e36;

    struct Operator {
        OperatorStatus status;
        uint8 services;
        uint16 commissionBps;
        uint16 pendingCommissionBps;
        uint48 commissionEffectiveAt;
        uint32 slashCount;
        uint256 activeStake;
        uint256 activeShares;
        uint256 unbondingStake;
        uint256 unbondingShares;
        uint256 totalSlashed;
        uint256 rewardPerStakePaid;
        uint256 rewardPerShare;
        uint256 commissionAccrued;
        string metadataURI;
    }

    struct Position {
        uint256 shares;
        uint256 principal;
        uint256 rewardPerSharePaid;
        uint256 rewards;
    }

    struct UnbondingRequest {
        address staker;
        uint48 unlockTime;
        address operator;
        uint256 shares;
        uint256 requestedAmount;
    }

    /// @notice One operator as the app's directory shows it.
    struct OperatorInfo {
        address operator;
        OperatorStatus status;
        uint8 services;
        uint16 commissionBps;
        uint16 pendingCommissionBps;
        uint48 commissionEffectiveAt;
        uint32 slashCount;
        uint32 stakerCount;
        uint256 totalStake;
        uint256 unbondingStake;
        uint256 selfStake;
        uint256 totalSlashed;
        uint256 commissionAccrued;
        string metadataURI;
    }

    /// @notice One staker's position with one operator.
    struct PositionInfo {
        address operator;
        uint256 shares;
        uint256 stake;
        uint256 principal;
        uint256 pendingRewards;
    }

    /// @notice One unbonding request; `amount` is its value now, after any slash.
    struct UnbondingInfo {
        uint256 id;
        address operator;
        uint48 unlockTime;
        uint256 requestedAmount;
        uint256 amount;
    }

    /// @notice The global parameters and totals.
    struct Parameters {
        uint256 unbondingPeriod;
        uint256 commissionDelay;
        uint256 maxCommissionBps;
        uint256 minStake;
        uint256 rewardRate;
        address treasury;
        uint256 totalActiveStake;
        uint256 totalUnbondingStake;
        uint256 totalEarningStake;
        uint256 undistributedRewards;
        uint256 rewardsReserve;
        uint256 operatorCount;
    }

    IERC20 private immutable _token;

    uint256 private _unbondingPeriod;
    uint256 private _commissionDelay;
    uint256 private _maxCommissionBps;
    uint256 private _minStake;
    uint256 private _rewardRate;
    address private _treasury;

    uint256 private _totalActiveStake;
    uint256 private _totalUnbondingStake;
    uint256 private _totalEarningStake;
    uint256 private _rewardPerStake;
    uint256 private _lastRewardUpdate;
    uint256 private _undistributedRewards;
    uint256 private _rewardsReserve;

    mapping(address operator => bool) private _allowlisted;
    mapping(address operator => Operator) private _operators;
    address[] private _operatorList;
    mapping(address operator => EnumerableSet.AddressSet) private _operatorStakers;

    mapping(address staker => mapping(address operator => Position)) private _positions;
    mapping(address staker => EnumerableSet.AddressSet) private _stakerOperators;

    uint256 private _nextRequestId;
    mapping(uint256 id => UnbondingRequest) private _requests;
    mapping(address staker => EnumerableSet.UintSet) private _stakerRequests;

    event OperatorAllowlistUpdated(address indexed operator, bool allowed);
    event OperatorRegistered(address indexed operator, uint8 services, uint16 commissionBps, string metadataURI);
    event OperatorStatusChanged(address indexed operator, OperatorStatus status);
    event OperatorMetadataUpdated(address indexed operator, string metadataURI);
    event OperatorServicesUpdated(address indexed operator, uint8 services);
    event CommissionChangeRequested(address indexed operator, uint16 commissionBps, uint48 effectiveAt);
    event CommissionChanged(address indexed operator, uint16 commissionBps);
    event Staked(address indexed staker, address indexed operator, uint256 amount, uint256 shares, address payer);
    event Unstaked(
        address indexed staker,
        address indexed operator,
        uint256 indexed requestId,
        uint256 amount,
        uint48 unlockTime
    );
    event Withdrawn(address indexed staker, address indexed operator, uint256 indexed requestId, uint256 amount);
    event Redelegated(address indexed staker, address indexed from, address indexed to, uint256 amount);
    event RewardsClaimed(address indexed staker, address indexed operator, uint256 amount);
    event RewardsCompounded(address indexed staker, address indexed operator, uint256 amount, uint256 shares);
    event CommissionClaimed(address indexed operator, uint256 amount);
    event Slashed(address indexed operator, uint256 fractionBps, uint256 amount, string reason);
    event RewardsFunded(address indexed funder, uint256 amount);
    event RewardRateUpdated(uint256 rewardRate);
    event UnbondingPeriodUpdated(uint256 unbondingPeriod);
    event CommissionDelayUpdated(uint256 commissionDelay);
    event MaxCommissionUpdated(uint256 maxCommissionBps);
    event MinStakeUpdated(uint256 minStake);
    event TreasuryUpdated(address treasury);

    error InvalidAddress();
    error ZeroAmount();
    error ZeroShares();
    error AmountBelowMinimum(uint256 amount, uint256 minimum);
    error InsufficientStake(uint256 requested, uint256 available);
    error OperatorNotAllowlisted(address operator);
    error OperatorAlreadyRegistered(address operator);
    error UnknownOperator(address operator);
    error OperatorNotActive(address operator);
    error OperatorAlreadyActive(address operator);
    error NotOperatorOrAdmin(address caller);
    error InvalidServices(uint8 services);
    error CommissionTooHigh(uint256 commissionBps, uint256 maximum);
    error SameOperator();
    error UnknownRequest(uint256 requestId);
    error NotRequestOwner(uint256 requestId, address caller);
    error RequestLocked(uint256 requestId, uint256 unlockTime);
    error EmptyRequestList();
    error NothingToClaim();
    error InvalidSlashFraction(uint256 fractionBps);
    error ParameterOutOfRange(uint256 value, uint256 maximum);

    /**
     * @param token_ ALT.
     * @param admin Governance (the timelock): allowlist, parameters and slashing.
     * @param treasury Receives slashed ALT.
     * @param unbondingPeriod Seconds between unstaking and withdrawal.
     * @param commissionDelay Seconds before a commission change takes effect.
     * @param maxCommissionBps Commission ceiling in basis points.
     * @param minStake Smallest amount accepted by a stake.
     */
    constructor(
        IERC20 token_,
        address admin,
        address treasury,
        uint256 unbondingPeriod,
        uint256 commissionDelay,
        uint256 maxCommissionBps,
        uint256 minStake
    ) {
        if (address(token_) == address(0) || admin == address(0) || treasury == address(0)) revert InvalidAddress();
        if (unbondingPeriod > MAX_UNBONDING_PERIOD) revert ParameterOutOfRange(unbondingPeriod, MAX_UNBONDING_PERIOD);
        if (commissionDelay > MAX_COMMISSION_DELAY) revert ParameterOutOfRange(commissionDelay, MAX_COMMISSION_DELAY);
        if (maxCommissionBps > _BPS) revert ParameterOutOfRange(maxCommissionBps, _BPS);
        _token = token_;
        _treasury = treasury;
        _unbondingPeriod = unbondingPeriod;
        _commissionDelay = commissionDelay;
        _maxCommissionBps = maxCommissionBps;
        _minStake = minStake;
        _lastRewardUpdate = block.timestamp;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(SLASHER_ROLE, admin);
    }

    // ---------------------------------------------------------------- staking

    /// @notice Stakes `amount` ALT from the caller to `operator` (needs an allowance).
    function stake(address operator, uint256 amount) external returns (uint256 shares) {
        return _stake(operator, amount, msg.sender, msg.sender);
    }

    /**
     * @notice Stakes `amount` ALT from the caller to `operator` on behalf of `beneficiary`, who owns the
     * position. Used by the airdrop's claim-and-stake.
     */
    function stakeFor(address operator, uint256 amount, address beneficiary) external returns (uint256 shares) {
        return _stake(operator, amount, msg.sender, beneficiary);
    }

    /**
     * @notice Stakes with an EIP-2612 permit for exactly `amount`, in one transaction.
     * @dev The permit call is allowed to fail so that a front-run permit (which already set the
     * allowance) cannot grief the stake; the transfer then fails on its own if no allowance exists.
     */
    function stakeWithPermit(
        address operator,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 shares) {
        try IERC20Permit(address(_token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        return _stake(operator, amount, msg.sender, msg.sender);
    }

    /// @notice Moves `amount` of the caller's active stake with `operator` into a new unbonding request.
    function unstake(address operator, uint256 amount) external returns (uint256 requestId) {
        if (amount == 0) revert ZeroAmount();
        _updatePosition(msg.sender, operator);
        Operator storage op = _operators[operator];
        uint256 shares = _toShares(amount, op.activeStake, op.activeShares, Math.Rounding.Ceil);
        return _unstake(msg.sender, operator, amount, shares);
    }

    /// @notice Moves all of the caller's active stake with `operator` into a new unbonding request.
    function unstakeAll(address operator) external returns (uint256 requestId) {
        _updatePosition(msg.sender, operator);
        Operator storage op = _operators[operator];
        uint256 shares = _positions[msg.sender][operator].shares;
        uint256 amount = _toAssets(shares, op.activeStake, op.activeShares, Math.Rounding.Floor);
        if (amount == 0) revert ZeroAmount();
        return _unstake(msg.sender, operator, amount, shares);
    }

    /**
     * @notice Withdraws unlocked unbonding requests of the caller and pays their value now.
     * @dev Each request is worth its share of its operator's unbonding pool, so slashes that happened
     * while it was unbonding are already deducted.
     */
    function withdraw(uint256[] calldata requestIds) external returns (uint256 total) {
        if (requestIds.length == 0) revert EmptyRequestList();
        for (uint256 i = 0; i < requestIds.length; ++i) {
            total += _withdraw(msg.sender, requestIds[i]);
        }
        _token.safeTransfer(msg.sender, total);
    }

    /**
     * @notice Moves `amount` of the caller's active stake from `from` to `to` in one call, without unbonding.
     * @dev Slashing semantics: the stake leaves `from` at its current share price, so slashes of `from`
     * already executed stay applied, and from this call on it is exposed only to slashes of `to`. A
     * slash of `from` executed later, even for misbehaviour before the move, does not reach it; only
     * unstaking keeps stake slashable by its operator until withdrawal.
     */
    function redelegate(address from, address to, uint256 amount) external returns (uint256 shares) {
        if (from == to) revert SameOperator();
        if (amount == 0) revert ZeroAmount();
        if (amount < _minStake) revert AmountBelowMinimum(amount, _minStake);
        Operator storage target = _operators[to];
        if (target.status != OperatorStatus.Active) revert OperatorNotActive(to);
        _updatePosition(msg.sender, from);
        _updatePosition(msg.sender, to);

        Operator storage source = _operators[from];
        uint256 burned = _toShares(amount, source.activeStake, source.activeShares, Math.Rounding.Ceil);
        _burnActive(msg.sender, from, amount, burned);
        shares = _mintActive(msg.sender, to, amount);
        emit Redelegated(msg.sender, from, to, amount);
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
    function compound(address operator) external returns (uint256 shares) {
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _updatePosition(msg.sender, operator);
        Position storage position = _positions[msg.sender][operator];
        uint256 amount = position.rewards;
        if (amount == 0) revert NothingToClaim();
        position.rewards = 0;
        _rewardsReserve -= amount;
        shares = _mintActive(msg.sender, operator, amount);
        emit RewardsCompounded(msg.sender, operator, amount, shares);
    }

    /// @notice Pays the caller, an operator, its accrued commission.
    function claimCommission() external returns (uint256 amount) {
        _updateOperator(msg.sender);
        Operator storage op = _operators[msg.sender];
        amount = op.commissionAccrued;
        if (amount == 0) revert NothingToClaim();
        op.commissionAccrued = 0;
        _rewardsReserve -= amount;
        _token.safeTransfer(msg.sender, amount);
        emit CommissionClaimed(msg.sender, amount);
    }

    /// @notice Adds `amount` ALT from the caller to the rewards streamed to stakers.
    function fundRewards(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        _accrueGlobal();
        _undistributedRewards += amount;
        _rewardsReserve += amount;
        _token.safeTransferFrom(msg.sender, address(this), amount);
        emit RewardsFunded(msg.sender, amount);
    }

    // ---------------------------------------------------------------- operators

    /// @notice Registers the caller as an operator; the caller must be allowlisted by governance.
    function registerOperator(string calldata metadataURI, uint8 services, uint16 commissionBps) external {
        if (!_allowlisted[msg.sender]) revert OperatorNotAllowlisted(msg.sender);
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.None) revert OperatorAlreadyRegistered(msg.sender);
        _checkServices(services);
        if (commissionBps > _maxCommissionBps) revert CommissionTooHigh(commissionBps, _maxCommissionBps);
        _accrueGlobal();
        op.status = OperatorStatus.Active;
        op.services = services;
        op.commissionBps = commissionBps;
        op.metadataURI = metadataURI;
        op.rewardPerStakePaid = _rewardPerStake;
        _operatorList.push(msg.sender);
        emit OperatorRegistered(msg.sender, services, commissionBps, metadataURI);
    }

    /// @notice Updates the caller's metadata URI (JSON with name, website, description, logo).
    function setMetadataURI(string calldata metadataURI) external {
        Operator storage op = _registered(msg.sender);
        op.metadataURI = metadataURI;
        emit OperatorMetadataUpdated(msg.sender, metadataURI);
    }

    /// @notice Updates the set of services the caller runs.
    function setServices(uint8 services) external {
        Operator storage op = _registered(msg.sender);
        _checkServices(services);
        op.services = services;
        emit OperatorServicesUpdated(msg.sender, services);
    }

    /**
     * @notice Schedules a new commission for the caller, effective after the commission delay.
     * @dev A new request replaces a pending one and restarts the delay, so stakers always get the
     * full delay to react to the rate that will apply.
     */
    function requestCommissionChange(uint16 commissionBps) external {
        _registered(msg.sender);
        if (commissionBps > _maxCommissionBps) revert CommissionTooHigh(commissionBps, _maxCommissionBps);
        _updateOperator(msg.sender);
        Operator storage op = _operators[msg.sender];
        uint48 effectiveAt = uint48(block.timestamp + _commissionDelay);
        op.pendingCommissionBps = commissionBps;
        op.commissionEffectiveAt = effectiveAt;
        emit CommissionChangeRequested(msg.sender, commissionBps, effectiveAt);
    }

    /// @notice Stops an operator from taking stake and earning rewards; by the operator or governance.
    function deactivateOperator(address operator) external {
        if (msg.sender != operator && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) revert NotOperatorOrAdmin(msg.sender);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _setStatus(operator, OperatorStatus.Deactivated);
    }

    /// @notice Reactivates a deactivated operator that is still allowlisted; by the operator or governance.
    function activateOperator(address operator) external {
        if (msg.sender != operator && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) revert NotOperatorOrAdmin(msg.sender);
        OperatorStatus status = _registered(operator).status;
        if (status == OperatorStatus.Active) revert OperatorAlreadyActive(operator);
        if (!_allowlisted[operator]) revert OperatorNotAllowlisted(operator);
        _setStatus(operator, OperatorStatus.Active);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Adds or removes `operator` from the registration allowlist; removal deactivates it.
    function setOperatorAllowlisted(address operator, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (operator == address(0)) revert InvalidAddress();
        _allowlisted[operator] = allowed;
        emit OperatorAllowlistUpdated(operator, allowed);
        if (!allowed && _operators[operator].status == OperatorStatus.Active) {
            _setStatus(operator, OperatorStatus.Deactivated);
        }
    }

    /**
     * @notice Slashes `fractionBps` of `operator`'s active and unbonding stake and sends it to the treasury.
     * @dev Pro rata over every share of both pools, including requests that are unlocked but not yet
     * withdrawn. Rounds the cut up, against stakers.
     */
    function slash(address operator, uint256 fractionBps, string calldata reason) external onlyRole(SLASHER_ROLE) {
        if (fractionBps == 0 || fractionBps > MAX_SLASH_BPS) revert InvalidSlashFraction(fractionBps);
        _registered(operator);
        _updateOperator(operator);
        Operator storage op = _operators[operator];
        uint256 activeCut = Math.mulDiv(op.activeStake, fractionBps, _BPS, Math.Rounding.Ceil);
        uint256 unbondingCut = Math.mulDiv(op.unbondingStake, fractionBps, _BPS, Math.Rounding.Ceil);
        uint256 amount = activeCut + unbondingCut;
        op.activeStake -= activeCut;
        op.unbondingStake -= unbondingCut;
        op.totalSlashed += amount;
        op.slashCount += 1;
        _totalActiveStake -= activeCut;
        _totalUnbondingStake -= unbondingCut;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= activeCut;
        emit Slashed(operator, fractionBps, amount, reason);
        if (amount > 0) _token.safeTransfer(_treasury, amount);
    }

    /// @notice Sets the ALT per second streamed to stakers while funded rewards last.
    function setRewardRate(uint256 rewardRate) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _accrueGlobal();
        _rewardRate = rewardRate;
        emit RewardRateUpdated(rewardRate);
    }

    /// @notice Sets the unbonding period for new unstake requests (existing ones keep theirs).
    function setUnbondingPeriod(uint256 unbondingPeriod) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (unbondingPeriod > MAX_UNBONDING_PERIOD) revert ParameterOutOfRange(unbondingPeriod, MAX_UNBONDING_PERIOD);
        _unbondingPeriod = unbondingPeriod;
        emit UnbondingPeriodUpdated(unbondingPeriod);
    }

    /// @notice Sets the delay before commission changes take effect.
    function setCommissionDelay(uint256 commissionDelay) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (commissionDelay > MAX_COMMISSION_DELAY) revert ParameterOutOfRange(commissionDelay, MAX_COMMISSION_DELAY);
        _commissionDelay = commissionDelay;
        emit CommissionDelayUpdated(commissionDelay);
    }

    /// @notice Sets the commission ceiling for registrations and future changes.
    function setMaxCommission(uint256 maxCommissionBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (maxCommissionBps > _BPS) revert ParameterOutOfRange(maxCommissionBps, _BPS);
        _maxCommissionBps = maxCommissionBps;
        emit MaxCommissionUpdated(maxCommissionBps);
    }

    /// @notice Sets the smallest amount a stake or redelegation may move.
    function setMinStake(uint256 minStake) external onlyRole(DEFAULT_ADMIN_ROLE) {
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

    /// @notice The staked token, ALT.
    function token() external view returns (address) {
        return address(_token);
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
        uint256 length = _operatorList.length;
        uint256 end = offset + limit > length ? length : offset + limit;
        uint256 count = end > offset ? end - offset : 0;
        infos = new OperatorInfo[](count);
        for (uint256 i = 0; i < count; ++i) {
            infos[i] = _operatorInfo(_operatorList[offset + i]);
        }
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
        uint256 length = set.length();
        uint256 end = offset + limit > length ? length : offset + limit;
        uint256 count = end > offset ? end - offset : 0;
        stakers = new address[](count);
        stakes = new uint256[](count);
        Operator storage op = _operators[operator];
        for (uint256 i = 0; i < count; ++i) {
            address staker = set.at(offset + i);
            stakers[i] = staker;
            stakes[i] = _toAssets(
                _positions[staker][operator].shares,
                op.activeStake,
                op.activeShares,
                Math.Rounding.Floor
            );
        }
    }

    /// @notice A staker's positions (with pending rewards) and open unbonding requests.
    function getStaker(
        address staker
    ) external view returns (PositionInfo[] memory positions, UnbondingInfo[] memory requests) {
        EnumerableSet.AddressSet storage operators = _stakerOperators[staker];
        positions = new PositionInfo[](operators.length());
        for (uint256 i = 0; i < positions.length; ++i) {
            address operator = operators.at(i);
            Position storage position = _positions[staker][operator];
            Operator storage op = _operators[operator];
            positions[i] = PositionInfo({
                operator: operator,
                shares: position.shares,
                stake: _toAssets(position.shares, op.activeStake, op.activeShares, Math.Rounding.Floor),
                principal: position.principal,
                pendingRewards: _pendingRewards(staker, operator)
            });
        }
        EnumerableSet.UintSet storage ids = _stakerRequests[staker];
        requests = new UnbondingInfo[](ids.length());
        for (uint256 i = 0; i < requests.length; ++i) {
            uint256 id = ids.at(i);
            UnbondingRequest storage request = _requests[id];
            Operator storage op = _operators[request.operator];
            requests[i] = UnbondingInfo({
                id: id,
                operator: request.operator,
                unlockTime: request.unlockTime,
                requestedAmount: request.requestedAmount,
                amount: _toAssets(request.shares, op.unbondingStake, op.unbondingShares, Math.Rounding.Floor)
            });
        }
    }

    /// @notice Rewards `staker` could claim from `operator` now.
    function pendingRewards(address staker, address operator) external view returns (uint256) {
        return _pendingRewards(staker, operator);
    }

    /// @notice Global parameters and totals in one call.
    function getParameters() external view returns (Parameters memory) {
        (uint256 distributable, ) = _previewGlobal();
        return
            Parameters({
                unbondingPeriod: _unbondingPeriod,
                commissionDelay: _commissionDelay,
                maxCommissionBps: _maxCommissionBps,
                minStake: _minStake,
                rewardRate: _rewardRate,
                treasury: _treasury,
                totalActiveStake: _totalActiveStake,
                totalUnbondingStake: _totalUnbondingStake,
                totalEarningStake: _totalEarningStake,
                undistributedRewards: _undistributedRewards - distributable,
                rewardsReserve: _rewardsReserve,
                operatorCount: _operatorList.length
            });
    }

    // ---------------------------------------------------------------- internals

    function _stake(
        address operator,
        uint256 amount,
        address payer,
        address beneficiary
    ) private returns (uint256 shares) {
        if (beneficiary == address(0)) revert InvalidAddress();
        if (amount == 0) revert ZeroAmount();
        if (amount < _minStake) revert AmountBelowMinimum(amount, _minStake);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _updatePosition(beneficiary, operator);
        shares = _mintActive(beneficiary, operator, amount);
        emit Staked(beneficiary, operator, amount, shares, payer);
        _token.safeTransferFrom(payer, address(this), amount);
    }

    function _mintActive(address staker, address operator, uint256 amount) private returns (uint256 shares) {
        Operator storage op = _operators[operator];
        shares = _toShares(amount, op.activeStake, op.activeShares, Math.Rounding.Floor);
        if (shares == 0) revert ZeroShares();
        Position storage position = _positions[staker][operator];
        if (position.shares == 0) _operatorStakers[operator].add(staker);
        _stakerOperators[staker].add(operator);
        position.shares += shares;
        position.principal += amount;
        op.activeShares += shares;
        op.activeStake += amount;
        _totalActiveStake += amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake += amount;
    }

    function _burnActive(address staker, address operator, uint256 amount, uint256 shares) private {
        Position storage position = _positions[staker][operator];
        Operator storage op = _operators[operator];
        if (shares > position.shares) {
            uint256 available = _toAssets(position.shares, op.activeStake, op.activeShares, Math.Rounding.Floor);
            revert InsufficientStake(amount, available);
        }
        position.principal -= Math.mulDiv(position.principal, shares, position.shares);
        position.shares -= shares;
        op.activeShares -= shares;
        op.activeStake -= amount;
        _totalActiveStake -= amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= amount;
        if (position.shares == 0) {
            _operatorStakers[operator].remove(staker);
            _forgetIfEmpty(staker, operator);
        }
    }

    function _unstake(
        address staker,
        address operator,
        uint256 amount,
        uint256 shares
    ) private returns (uint256 requestId) {
        _burnActive(staker, operator, amount, shares);
        Operator storage op = _operators[operator];
        uint256 unbondingShares = _toShares(amount, op.unbondingStake, op.unbondingShares, Math.Rounding.Floor);
        if (unbondingShares == 0) revert ZeroShares();
        op.unbondingStake += amount;
        op.unbondingShares += unbondingShares;
        _totalUnbondingStake += amount;

        requestId = ++_nextRequestId;
        uint48 unlockTime = uint48(block.timestamp + _unbondingPeriod);
        _requests[requestId] = UnbondingRequest({
            staker: staker,
            unlockTime: unlockTime,
            operator: operator,
            shares: unbondingShares,
            requestedAmount: amount
        });
        _stakerRequests[staker].add(requestId);
        emit Unstaked(staker, operator, requestId, amount, unlockTime);
    }

    function _withdraw(address staker, uint256 requestId) private returns (uint256 amount) {
        UnbondingRequest memory request = _requests[requestId];
        if (request.staker == address(0)) revert UnknownRequest(requestId);
        if (request.staker != staker) revert NotRequestOwner(requestId, staker);
        if (block.timestamp < request.unlockTime) revert RequestLocked(requestId, request.unlockTime);
        Operator storage op = _operators[request.operator];
        amount = _toAssets(request.shares, op.unbondingStake, op.unbondingShares, Math.Rounding.Floor);
        op.unbondingStake -= amount;
        op.unbondingShares -= request.shares;
        _totalUnbondingStake -= amount;
        delete _requests[requestId];
        _stakerRequests[staker].remove(requestId);
        emit Withdrawn(staker, request.operator, requestId, amount);
    }

    function _forgetIfEmpty(address staker, address operator) private {
        Position storage position = _positions[staker][operator];
        if (position.shares == 0 && position.rewards == 0) _stakerOperators[staker].remove(operator);
    }

    function _setStatus(address operator, OperatorStatus status) private {
        _updateOperator(operator);
        Operator storage op = _operators[operator];
        if (op.status == OperatorStatus.Active) _totalEarningStake -= op.activeStake;
        if (status == OperatorStatus.Active) _totalEarningStake += op.activeStake;
        op.status = status;
        emit OperatorStatusChanged(operator, status);
    }

    function _registered(address operator) private view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status == OperatorStatus.None) revert UnknownOperator(operator);
    }

    function _checkServices(uint8 services) private pure {
        if (services == 0 || services & ~_ALL_SERVICES != 0) revert InvalidServices(services);
    }

    /// @dev Streams funded rewards into the global accumulator up to now.
    function _accrueGlobal() private {
        (uint256 distributed, uint256 rewardPerStake) = _previewGlobal();
        _undistributedRewards -= distributed;
        _rewardPerStake = rewardPerStake;
        _lastRewardUpdate = block.timestamp;
    }

    function _previewGlobal() private view returns (uint256 distributed, uint256 rewardPerStake) {
        rewardPerStake = _rewardPerStake;
        if (_totalEarningStake == 0) return (0, rewardPerStake);
        distributed = Math.min(_rewardRate * (block.timestamp - _lastRewardUpdate), _undistributedRewards);
        rewardPerStake += Math.mulDiv(distributed, _PRECISION, _totalEarningStake);
    }

    /// @dev Moves an operator's share of the global accumulator into its own, less commission.
    function _updateOperator(address operator) private {
        _accrueGlobal();
        Operator storage op = _operators[operator];
        (uint256 rewardPerShare, uint256 commission) = _previewOperator(op, _rewardPerStake);
        op.rewardPerShare = rewardPerShare;
        op.commissionAccrued += commission;
        op.rewardPerStakePaid = _rewardPerStake;
        if (op.commissionEffectiveAt != 0 && block.timestamp >= op.commissionEffectiveAt) {
            op.commissionBps = op.pendingCommissionBps;
            op.pendingCommissionBps = 0;
            op.commissionEffectiveAt = 0;
            emit CommissionChanged(operator, op.commissionBps);
        }
    }

    function _previewOperator(
        Operator storage op,
        uint256 rewardPerStake
    ) private view returns (uint256 rewardPerShare, uint256 commission) {
        rewardPerShare = op.rewardPerShare;
        if (op.status != OperatorStatus.Active || op.activeShares == 0) return (rewardPerShare, 0);
        uint256 earned = Math.mulDiv(op.activeStake, rewardPerStake - op.rewardPerStakePaid, _PRECISION);
        commission = Math.mulDiv(earned, op.commissionBps, _BPS);
        rewardPerShare += Math.mulDiv(earned - commission, _PRECISION, op.activeShares);
    }

    function _updatePosition(address staker, address operator) private {
        _updateOperator(operator);
        Position storage position = _positions[staker][operator];
        uint256 rewardPerShare = _operators[operator].rewardPerShare;
        position.rewards += Math.mulDiv(position.shares, rewardPerShare - position.rewardPerSharePaid, _PRECISION);
        position.rewardPerSharePaid = rewardPerShare;
    }

    function _pendingRewards(address staker, address operator) private view returns (uint256) {
        (, uint256 rewardPerStake) = _previewGlobal();
        (uint256 rewardPerShare, ) = _previewOperator(_operators[operator], rewardPerStake);
        Position storage position = _positions[staker][operator];
        return
            position.rewards +
            Math.mulDiv(position.shares, rewardPerShare - position.rewardPerSharePaid, _PRECISION);
    }

    function _operatorInfo(address operator) private view returns (OperatorInfo memory info) {
        Operator storage op = _operators[operator];
        (, uint256 rewardPerStake) = _previewGlobal();
        (, uint256 commission) = _previewOperator(op, rewardPerStake);
        bool pendingApplied = op.commissionEffectiveAt != 0 && block.timestamp >= op.commissionEffectiveAt;
        info = OperatorInfo({
            operator: operator,
            status: op.status,
            services: op.services,
            commissionBps: pendingApplied ? op.pendingCommissionBps : op.commissionBps,
            pendingCommissionBps: pendingApplied ? 0 : op.pendingCommissionBps,
            commissionEffectiveAt: pendingApplied ? 0 : op.commissionEffectiveAt,
            slashCount: op.slashCount,
            stakerCount: uint32(_operatorStakers[operator].length()),
            totalStake: op.activeStake,
            unbondingStake: op.unbondingStake,
            selfStake: _toAssets(_positions[operator][operator].shares, op.activeStake, op.activeShares, Math.Rounding.Floor),
            totalSlashed: op.totalSlashed,
            commissionAccrued: op.commissionAccrued + commission,
            metadataURI: op.metadataURI
        });
    }

    function _toShares(
        uint256 assets,
        uint256 totalAssets,
        uint256 totalShares,
        Math.Rounding rounding
    ) private pure returns (uint256) {
        return Math.mulDiv(assets, totalShares + VIRTUAL_SHARES, totalAssets + 1, rounding);
    }

    function _toAssets(
        uint256 shares,
        uint256 totalAssets,
        uint256 totalShares,
        Math.Rounding rounding
    ) private pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets + 1, totalShares + VIRTUAL_SHARES, rounding);
    }
}
