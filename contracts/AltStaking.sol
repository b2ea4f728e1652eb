// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IStakeVotes} from "./interfaces/IStakeVotes.sol";
import {RewardStream} from "./staking/RewardStream.sol";

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
 *   operator, each rounded up, and lowers each owner's voting units by the same amount in the same
 *   call. Requests already unlocked are no longer slashable. While a slash is being applied the
 *   operator is frozen (no stake in, no stake out, no withdrawals of its requests); a large operator's
 *   slash is applied in pages by {continueSlash}, which anyone may call.
 * - Slashed ALT accrues to the treasury and is sent by {sendSlashedToTreasury}, which anyone may call,
 *   so a paused ALT never blocks a slash.
 * - Commission changes and lowered commission ceilings apply from the second they take effect (see
 *   {RewardStream}); the commission applied is never above the ceiling in force.
 */
contract AltStaking is AccessControl, RewardStream {
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
    /// @notice Shortest unbonding period: longer than the governance path to a slash.
    uint256 public constant MIN_UNBONDING_PERIOD = 14 days;
    /// @notice Longest unbonding period governance may set.
    uint256 public constant MAX_UNBONDING_PERIOD = 60 days;
    /// @notice Longest commission-change delay governance may set.
    uint256 public constant MAX_COMMISSION_DELAY = 60 days;
    /// @notice Largest minimum stake governance may set.
    uint256 public constant MAX_MIN_STAKE = 1_000_000 ether;
    /// @notice Largest reward rate governance may set, in ALT-wei per second.
    uint256 public constant MAX_REWARD_RATE = 100 ether;
    /// @notice Longest operator metadata URI, in bytes.
    uint256 public constant MAX_METADATA_LENGTH = 2_048;
    /// @notice Most operators one staker may hold positions with at once.
    uint256 public constant MAX_POSITIONS_PER_STAKER = 32;
    /// @notice Most open unbonding requests one staker may have at once.
    uint256 public constant MAX_REQUESTS_PER_STAKER = 32;
    /// @notice Positions and requests the call that records a slash processes at most (small operators
    /// are slashed at once; the governor's `execute` stays bounded whatever the operator's size).
    uint256 public constant SLASH_FIRST_PAGE = 16;
    /// @notice Most positions and requests one {continueSlash} call processes.
    uint256 public constant MAX_SLASH_PAGE = 64;
    /// @notice Longest slash reason, in bytes.
    uint256 public constant MAX_REASON_LENGTH = 1_024;
    /// @notice Accounts allowed to stake for someone else ({stakeFor}): the airdrop's claim-and-stake.
    bytes32 public constant STAKE_AGENT_ROLE = keccak256("STAKE_AGENT_ROLE");

    struct Operator {
        OperatorStatus status;
        uint8 services;
        uint16 commissionBps;
        uint16 pendingCommissionBps;
        uint48 commissionEffectiveAt;
        uint48 lastUpdate;
        uint32 slashCount;
        bool deactivatedByGovernance;
        uint256 activeStake;
        uint256 unbondingStake;
        uint256 totalSlashed;
        uint256 rewardPerStakePaid;
        uint256 rewardPerUnit;
        uint256 commissionAccrued;
        string metadataURI;
    }

    struct Position {
        uint256 amount;
        uint256 principal;
        uint256 rewardPerUnitPaid;
        uint256 rewards;
    }

    struct UnbondingRequest {
        address staker;
        uint48 unlockTime;
        address operator;
        address redelegateTo;
        uint256 amount;
        uint256 requestedAmount;
    }

    struct SlashInProgress {
        uint16 fractionBps;
        uint48 recordedAt;
        uint32 stakersLeft;
        uint32 requestsLeft;
        uint256 taken;
        string reason;
    }

    struct MaxCommissionChange {
        uint48 time;
        uint16 bps;
    }

    /// @notice One operator as the app's directory shows it; commissions are those in force.
    struct OperatorInfo {
        address operator;
        OperatorStatus status;
        uint8 services;
        uint16 commissionBps;
        uint16 pendingCommissionBps;
        uint48 commissionEffectiveAt;
        uint32 slashCount;
        uint32 stakerCount;
        bool slashing;
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
        uint256 stake;
        uint256 principal;
        uint256 pendingRewards;
    }

    /// @notice One unbonding request; `amount` is its value now, after any slash.
    struct UnbondingInfo {
        uint256 id;
        address operator;
        address redelegateTo;
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
        uint256 slashedPending;
        uint256 operatorCount;
    }

    IERC20 private immutable _token;
    IStakeVotes private immutable _votes;

    uint256 private _unbondingPeriod;
    uint256 private _commissionDelay;
    uint256 private _minStake;
    address private _treasury;
    MaxCommissionChange[] private _maxCommission;

    uint256 private _totalActiveStake;
    uint256 private _totalUnbondingStake;
    uint256 private _slashedPending;

    mapping(address operator => bool) private _allowlisted;
    mapping(address operator => Operator) private _operators;
    address[] private _operatorList;
    mapping(address operator => EnumerableSet.AddressSet) private _operatorStakers;
    mapping(address operator => EnumerableSet.UintSet) private _operatorRequests;
    mapping(address operator => SlashInProgress) private _slashes;

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
    event Staked(address indexed staker, address indexed operator, uint256 amount, address payer);
    event Unstaked(
        address indexed staker,
        address indexed operator,
        uint256 indexed requestId,
        uint256 amount,
        uint48 unlockTime
    );
    event RedelegationRequested(
        address indexed staker,
        address indexed from,
        address indexed to,
        uint256 requestId,
        uint256 amount,
        uint48 unlockTime
    );
    event Redelegated(address indexed staker, address indexed from, address indexed to, uint256 requestId, uint256 amount);
    event Withdrawn(address indexed staker, address indexed operator, uint256 indexed requestId, uint256 amount);
    event RewardsClaimed(address indexed staker, address indexed operator, uint256 amount);
    event RewardsCompounded(address indexed staker, address indexed operator, uint256 amount);
    event CommissionClaimed(address indexed operator, uint256 amount);
    event SlashStarted(address indexed operator, uint256 fractionBps, string reason);
    event StakeSlashed(address indexed staker, address indexed operator, uint256 requestId, uint256 amount);
    event Slashed(address indexed operator, uint256 fractionBps, uint256 amount, string reason);
    event SlashedFundsSent(address indexed treasury, uint256 amount);
    event RewardsFunded(address indexed funder, uint256 amount);
    event RewardRateUpdated(uint256 rewardRate);
    event UnbondingPeriodUpdated(uint256 unbondingPeriod);
    event CommissionDelayUpdated(uint256 commissionDelay);
    event MaxCommissionUpdated(uint256 maxCommissionBps);
    event MinStakeUpdated(uint256 minStake);
    event TreasuryUpdated(address treasury);

    error InvalidAddress();
    error ZeroAmount();
    error AmountBelowMinimum(uint256 amount, uint256 minimum);
    error RemainderBelowMinimum(uint256 remainder, uint256 minimum);
    error InsufficientStake(uint256 requested, uint256 available);
    error OperatorNotAllowlisted(address operator);
    error OperatorAlreadyRegistered(address operator);
    error UnknownOperator(address operator);
    error OperatorNotActive(address operator);
    error OperatorAlreadyActive(address operator);
    error OperatorBeingSlashed(address operator);
    error NoSlashInProgress(address operator);
    error NotOperatorOrAdmin(address caller);
    error InvalidServices(uint8 services);
    error CommissionTooHigh(uint256 commissionBps, uint256 maximum);
    error MetadataTooLong(uint256 length, uint256 maximum);
    error SameOperator();
    error TooManyPositions(uint256 maximum);
    error TooManyRequests(uint256 maximum);
    error UnknownRequest(uint256 requestId);
    error NotRequestOwner(uint256 requestId, address caller);
    error NotARedelegation(uint256 requestId);
    error RequestLocked(uint256 requestId, uint256 unlockTime);
    error EmptyRequestList();
    error NothingToClaim();
    error InvalidSlashFraction(uint256 fractionBps);
    error ReasonTooLong(uint256 length, uint256 maximum);
    error DeactivatedByGovernance(address operator);
    error NotStakeAgent(address caller);
    error ParameterOutOfRange(uint256 value, uint256 minimum, uint256 maximum);

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
    ) {
        if (address(token_) == address(0) || admin == address(0) || treasury == address(0)) revert InvalidAddress();
        _checkRange(unbondingPeriod, MIN_UNBONDING_PERIOD, MAX_UNBONDING_PERIOD);
        _checkRange(commissionDelay, 0, MAX_COMMISSION_DELAY);
        _checkRange(maxCommissionBps_, 0, _BPS);
        _checkRange(minStake, 1, MAX_MIN_STAKE);
        if (address(votes_) == address(0) || votes_.staking() != address(this)) revert InvalidAddress();
        _token = token_;
        _votes = votes_;
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

    // ---------------------------------------------------------------- operators

    /// @notice Registers the caller as an operator; the caller must be allowlisted by governance.
    function registerOperator(string calldata metadataURI, uint8 services, uint16 commissionBps) external {
        if (!_allowlisted[msg.sender]) revert OperatorNotAllowlisted(msg.sender);
        Operator storage op = _operators[msg.sender];
        if (op.status != OperatorStatus.None) revert OperatorAlreadyRegistered(msg.sender);
        _checkServices(services);
        _checkMetadata(metadataURI);
        uint256 maximum = maxCommissionBps();
        if (commissionBps > maximum) revert CommissionTooHigh(commissionBps, maximum);
        _accrueGlobal();
        op.status = OperatorStatus.Active;
        op.services = services;
        op.commissionBps = commissionBps;
        op.metadataURI = metadataURI;
        op.rewardPerStakePaid = _rewardPerStake;
        op.lastUpdate = uint48(block.timestamp);
        _operatorList.push(msg.sender);
        emit OperatorRegistered(msg.sender, services, commissionBps, metadataURI);
    }

    /// @notice Updates the caller's metadata URI (JSON with name, website, description, logo).
    function setMetadataURI(string calldata metadataURI) external {
        Operator storage op = _registered(msg.sender);
        _checkMetadata(metadataURI);
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
     * @notice Schedules a new commission for the caller, an allowlisted active operator, effective at
     * the start of the first day (UTC) after the commission delay.
     * @dev An operator has at most one pending change: a new request replaces it and restarts the
     * delay, so stakers always get the full delay to react to the rate that will apply, and no
     * operator can queue work for anyone else's transactions (see {RewardStream}).
     */
    function requestCommissionChange(uint16 commissionBps) external {
        if (!_allowlisted[msg.sender]) revert OperatorNotAllowlisted(msg.sender);
        if (_operators[msg.sender].status != OperatorStatus.Active) revert OperatorNotActive(msg.sender);
        uint256 maximum = maxCommissionBps();
        if (commissionBps > maximum) revert CommissionTooHigh(commissionBps, maximum);
        _updateOperator(msg.sender);
        Operator storage op = _operators[msg.sender];
        uint48 effectiveAt = _effectiveTime(block.timestamp + _commissionDelay);
        if (op.commissionEffectiveAt == 0) ++_pendingChanges;
        op.pendingCommissionBps = commissionBps;
        op.commissionEffectiveAt = effectiveAt;
        emit CommissionChangeRequested(msg.sender, commissionBps, effectiveAt);
    }

    /**
     * @notice Stops an operator from taking stake and earning rewards; by the operator or governance.
     * A deactivation by governance sticks until governance reactivates the operator.
     */
    function deactivateOperator(address operator) external {
        bool byGovernance = hasRole(DEFAULT_ADMIN_ROLE, msg.sender);
        if (msg.sender != operator && !byGovernance) revert NotOperatorOrAdmin(msg.sender);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _operators[operator].deactivatedByGovernance = byGovernance;
        _setStatus(operator, OperatorStatus.Deactivated);
    }

    /**
     * @notice Reactivates a deactivated operator that is still allowlisted: by governance, or by the
     * operator itself if it deactivated itself.
     */
    function activateOperator(address operator) external {
        bool byGovernance = hasRole(DEFAULT_ADMIN_ROLE, msg.sender);
        if (msg.sender != operator && !byGovernance) revert NotOperatorOrAdmin(msg.sender);
        Operator storage op = _registered(operator);
        if (op.status == OperatorStatus.Active) revert OperatorAlreadyActive(operator);
        if (!_allowlisted[operator]) revert OperatorNotAllowlisted(operator);
        if (op.deactivatedByGovernance && !byGovernance) revert DeactivatedByGovernance(operator);
        op.deactivatedByGovernance = false;
        _setStatus(operator, OperatorStatus.Active);
    }

    // ---------------------------------------------------------------- slashing

    /**
     * @notice Records a slash of `fractionBps` of `operator`'s active stake and of every request still
     * unbonding from it when recorded, pro rata and rounded up against each staker, lowering each
     * owner's voting units alike.
     * @dev Bounded whatever the operator's size: it applies at most {SLASH_FIRST_PAGE} positions and
     * requests, so a governor's `execute` of a slash always fits a transaction. The rest is applied by
     * {continueSlash}, which anyone may call; until the last page the operator is frozen (no stake in or
     * out, no request closed), so everything slashable when the slash was recorded stays slashable
     * until its page is done. The slashed ALT accrues to the treasury.
     */
    function slash(address operator, uint256 fractionBps, string calldata reason) external onlyRole(SLASHER_ROLE) {
        if (fractionBps == 0 || fractionBps > MAX_SLASH_BPS) revert InvalidSlashFraction(fractionBps);
        if (bytes(reason).length > MAX_REASON_LENGTH) revert ReasonTooLong(bytes(reason).length, MAX_REASON_LENGTH);
        _registered(operator);
        _notSlashing(operator);
        SlashInProgress storage s = _slashes[operator];
        s.fractionBps = uint16(fractionBps);
        s.recordedAt = uint48(block.timestamp);
        s.stakersLeft = uint32(_operatorStakers[operator].length());
        s.requestsLeft = uint32(_operatorRequests[operator].length());
        s.taken = 0;
        s.reason = reason;
        emit SlashStarted(operator, fractionBps, reason);
        _applySlash(operator, SLASH_FIRST_PAGE);
    }

    /**
     * @notice Applies up to `maxSteps` (at most {MAX_SLASH_PAGE}) more positions and requests of a slash
     * in progress; anyone may call it. A step costs about 90k gas (every slot cold, a new
     * checkpoint for the owner's delegate), so a full page stays under half a transaction's 2^24.
     */
    function continueSlash(address operator, uint256 maxSteps) external {
        if (_slashes[operator].fractionBps == 0) revert NoSlashInProgress(operator);
        _applySlash(operator, Math.min(maxSteps, MAX_SLASH_PAGE));
    }

    /// @notice Sends every slashed ALT accrued so far to the treasury; anyone may call it.
    function sendSlashedToTreasury() external {
        uint256 amount = _slashedPending;
        if (amount == 0) revert NothingToClaim();
        _slashedPending = 0;
        emit SlashedFundsSent(_treasury, amount);
        _token.safeTransfer(_treasury, amount);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Adds or removes `operator` from the registration allowlist; removal deactivates it.
    function setOperatorAllowlisted(address operator, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (operator == address(0)) revert InvalidAddress();
        _allowlisted[operator] = allowed;
        emit OperatorAllowlistUpdated(operator, allowed);
        if (!allowed && _operators[operator].status == OperatorStatus.Active) {
            _operators[operator].deactivatedByGovernance = true;
            _setStatus(operator, OperatorStatus.Deactivated);
        }
    }

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
     * @notice Sets the commission ceiling. It caps every commission from now on, including those already
     * in force and those pending; raising it again restores the operators' own rates.
     */
    function setMaxCommission(uint256 maxCommissionBps_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRange(maxCommissionBps_, 0, _BPS);
        _accrueGlobal();
        _recordNow();
        uint256 last = _maxCommission.length - 1;
        if (_maxCommission[last].time == block.timestamp) _maxCommission[last].bps = uint16(maxCommissionBps_);
        else _maxCommission.push(MaxCommissionChange(uint48(block.timestamp), uint16(maxCommissionBps_)));
        emit MaxCommissionUpdated(maxCommissionBps_);
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

    /// @notice The commission ceiling in force.
    function maxCommissionBps() public view returns (uint256) {
        return _maxCommission[_maxCommission.length - 1].bps;
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

    // ---------------------------------------------------------------- internals: stake

    function _stake(address operator, uint256 amount, address payer, address beneficiary) private {
        if (beneficiary == address(0)) revert InvalidAddress();
        if (amount == 0) revert ZeroAmount();
        if (amount < _minStake) revert AmountBelowMinimum(amount, _minStake);
        if (_operators[operator].status != OperatorStatus.Active) revert OperatorNotActive(operator);
        _notSlashing(operator);
        _updatePosition(beneficiary, operator);
        _addStake(beneficiary, operator, amount);
        emit Staked(beneficiary, operator, amount, payer);
        _votes.increaseStakedUnits(beneficiary, amount);
        _token.safeTransferFrom(payer, address(this), amount);
    }

    /// @dev Adds `amount` to a position whose rewards are already settled.
    function _addStake(address staker, address operator, uint256 amount) private {
        Position storage position = _positions[staker][operator];
        if (position.amount == 0) _operatorStakers[operator].add(staker);
        if (_stakerOperators[staker].add(operator) && _stakerOperators[staker].length() > MAX_POSITIONS_PER_STAKER) {
            revert TooManyPositions(MAX_POSITIONS_PER_STAKER);
        }
        position.amount += amount;
        position.principal += amount;
        Operator storage op = _operators[operator];
        op.activeStake += amount;
        _totalActiveStake += amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake += amount;
    }

    /// @dev Checks and removes `amount` of the caller's active stake with `operator`.
    function _leave(address operator, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        _notSlashing(operator);
        _updatePosition(msg.sender, operator);
        Position storage position = _positions[msg.sender][operator];
        uint256 available = position.amount;
        if (amount > available) revert InsufficientStake(amount, available);
        uint256 remainder = available - amount;
        if (remainder != 0 && remainder < _minStake) revert RemainderBelowMinimum(remainder, _minStake);
        position.principal -= Math.mulDiv(position.principal, amount, available);
        position.amount = remainder;
        Operator storage op = _operators[operator];
        op.activeStake -= amount;
        _totalActiveStake -= amount;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= amount;
        if (remainder == 0) {
            _operatorStakers[operator].remove(msg.sender);
            _forgetIfEmpty(msg.sender, operator);
        }
    }

    function _createRequest(
        address staker,
        address operator,
        address redelegateTo,
        uint256 amount
    ) private returns (uint256 requestId) {
        requestId = ++_nextRequestId;
        uint48 unlockTime = uint48(block.timestamp + _unbondingPeriod);
        _requests[requestId] = UnbondingRequest({
            staker: staker,
            unlockTime: unlockTime,
            operator: operator,
            redelegateTo: redelegateTo,
            amount: amount,
            requestedAmount: amount
        });
        _stakerRequests[staker].add(requestId);
        if (_stakerRequests[staker].length() > MAX_REQUESTS_PER_STAKER) revert TooManyRequests(MAX_REQUESTS_PER_STAKER);
        _operatorRequests[operator].add(requestId);
        _operators[operator].unbondingStake += amount;
        _totalUnbondingStake += amount;
        if (redelegateTo == address(0)) emit Unstaked(staker, operator, requestId, amount, unlockTime);
        else emit RedelegationRequested(staker, operator, redelegateTo, requestId, amount, unlockTime);
    }

    /**
     * @dev Removes an unlocked request and returns it; `ownerOnly` requires the caller to own it. The
     * caller settles the global unbonding total.
     */
    function _closeRequest(uint256 requestId, bool ownerOnly) private returns (UnbondingRequest memory request) {
        request = _requests[requestId];
        if (request.staker == address(0)) revert UnknownRequest(requestId);
        if (ownerOnly && request.staker != msg.sender) revert NotRequestOwner(requestId, msg.sender);
        if (block.timestamp < request.unlockTime) revert RequestLocked(requestId, request.unlockTime);
        _notSlashing(request.operator);
        _operators[request.operator].unbondingStake -= request.amount;
        _operatorRequests[request.operator].remove(requestId);
        _stakerRequests[request.staker].remove(requestId);
        delete _requests[requestId];
    }

    function _forgetIfEmpty(address staker, address operator) private {
        Position storage position = _positions[staker][operator];
        if (position.amount == 0 && position.rewards == 0) _stakerOperators[staker].remove(operator);
    }

    // ---------------------------------------------------------------- internals: slashing

    function _applySlash(address operator, uint256 maxSteps) private {
        _updateOperator(operator);
        SlashInProgress storage s = _slashes[operator];
        Operator storage op = _operators[operator];
        uint256 fractionBps = s.fractionBps;
        uint256 steps;
        uint256 taken;
        uint256 activeCut;
        // Downwards, so removing the current entry only moves an already processed one into its place.
        EnumerableSet.AddressSet storage stakers = _operatorStakers[operator];
        uint256 left = s.stakersLeft;
        for (; left > 0 && steps < maxSteps; ++steps) {
            address staker = stakers.at(--left);
            _settlePosition(staker, operator);
            Position storage position = _positions[staker][operator];
            uint256 cut = Math.mulDiv(position.amount, fractionBps, _BPS, Math.Rounding.Ceil);
            position.amount -= cut;
            activeCut += cut;
            if (position.amount == 0) {
                stakers.remove(staker);
                _forgetIfEmpty(staker, operator);
            }
            _votes.decreaseStakedUnits(staker, cut);
            emit StakeSlashed(staker, operator, 0, cut);
        }
        s.stakersLeft = uint32(left);
        op.activeStake -= activeCut;
        _totalActiveStake -= activeCut;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= activeCut;
        taken = activeCut;

        EnumerableSet.UintSet storage ids = _operatorRequests[operator];
        uint256 unbondingCut;
        left = s.requestsLeft;
        for (; left > 0 && steps < maxSteps; ++steps) {
            uint256 id = ids.at(--left);
            UnbondingRequest storage request = _requests[id];
            if (request.unlockTime <= s.recordedAt) {
                // Unlocked when the slash was recorded: not slashable, and no longer this operator's.
                ids.remove(id);
                continue;
            }
            uint256 cut = Math.mulDiv(request.amount, fractionBps, _BPS, Math.Rounding.Ceil);
            request.amount -= cut;
            unbondingCut += cut;
            _votes.decreaseStakedUnits(request.staker, cut);
            emit StakeSlashed(request.staker, operator, id, cut);
        }
        s.requestsLeft = uint32(left);
        op.unbondingStake -= unbondingCut;
        _totalUnbondingStake -= unbondingCut;
        taken += unbondingCut;

        op.totalSlashed += taken;
        _slashedPending += taken;
        s.taken += taken;
        if (s.stakersLeft == 0 && s.requestsLeft == 0) {
            op.slashCount += 1;
            emit Slashed(operator, fractionBps, s.taken, s.reason);
            delete _slashes[operator];
        }
    }

    function _notSlashing(address operator) private view {
        if (_slashes[operator].fractionBps != 0) revert OperatorBeingSlashed(operator);
    }

    // ---------------------------------------------------------------- internals: rewards

    /// @dev Moves an operator's part of the global stream into its own accumulator, less commission.
    function _updateOperator(address operator) private {
        _accrueGlobal();
        Operator storage op = _operators[operator];
        (uint256 rewardPerUnit, uint256 commission, bool pendingDue) = _operatorAccrual(op, _rewardPerStake);
        op.rewardPerUnit = rewardPerUnit;
        op.commissionAccrued += commission;
        op.rewardPerStakePaid = _rewardPerStake;
        op.lastUpdate = uint48(block.timestamp);
        if (pendingDue) {
            op.commissionBps = op.pendingCommissionBps;
            op.pendingCommissionBps = 0;
            op.commissionEffectiveAt = 0;
            --_pendingChanges;
            emit CommissionChanged(operator, op.commissionBps);
        }
    }

    /**
     * @dev An operator's accrual from its last update to `rewardPerStakeNow`, split at its own pending
     * commission's effective time and at every ceiling change since, each part at the commission then in
     * force (never above the ceiling then in force).
     */
    function _operatorAccrual(
        Operator storage op,
        uint256 rewardPerStakeNow
    ) private view returns (uint256 rewardPerUnit, uint256 commission, bool pendingDue) {
        rewardPerUnit = op.rewardPerUnit;
        uint256 paid = op.rewardPerStakePaid;
        uint256 stakeAmount = op.status == OperatorStatus.Active ? op.activeStake : 0;
        uint256 rate = op.commissionBps;
        uint256 effectiveAt = op.commissionEffectiveAt;
        pendingDue = effectiveAt != 0 && effectiveAt <= block.timestamp;
        if (!pendingDue) effectiveAt = type(uint256).max;
        // Nothing earns: no segment to split, whatever the ceiling changes since the last update.
        if (stakeAmount == 0) return (rewardPerUnit, 0, pendingDue);

        uint256 changes = _maxCommission.length;
        uint256 k = changes;
        while (k > 1 && _maxCommission[k - 1].time > op.lastUpdate) --k;
        uint256 ceiling = _maxCommission[k - 1].bps;

        while (true) {
            uint256 nextCeiling = k < changes ? _maxCommission[k].time : type(uint256).max;
            uint256 next = Math.min(nextCeiling, effectiveAt);
            if (next == type(uint256).max) break;
            uint256 atNext = _rewardPerStakeAtTime(next);
            (rewardPerUnit, commission) = _accrueSegment(
                rewardPerUnit,
                commission,
                stakeAmount,
                atNext - paid,
                Math.min(rate, ceiling)
            );
            paid = atNext;
            if (next == effectiveAt) {
                rate = op.pendingCommissionBps;
                effectiveAt = type(uint256).max;
            }
            if (next == nextCeiling) ceiling = _maxCommission[k++].bps;
        }
        (rewardPerUnit, commission) = _accrueSegment(
            rewardPerUnit,
            commission,
            stakeAmount,
            rewardPerStakeNow - paid,
            Math.min(rate, ceiling)
        );
    }

    function _accrueSegment(
        uint256 rewardPerUnit,
        uint256 commission,
        uint256 stakeAmount,
        uint256 rewardPerStakeDelta,
        uint256 commissionBps
    ) private pure returns (uint256, uint256) {
        if (stakeAmount == 0 || rewardPerStakeDelta == 0) return (rewardPerUnit, commission);
        uint256 earned = Math.mulDiv(stakeAmount, rewardPerStakeDelta, _PRECISION);
        uint256 cut = Math.mulDiv(earned, commissionBps, _BPS);
        return (rewardPerUnit + Math.mulDiv(earned - cut, _PRECISION, stakeAmount), commission + cut);
    }

    function _updatePosition(address staker, address operator) private {
        _updateOperator(operator);
        _settlePosition(staker, operator);
    }

    /// @dev Moves a position's rewards up to its operator's accumulator (the operator already updated).
    function _settlePosition(address staker, address operator) private {
        Position storage position = _positions[staker][operator];
        uint256 rewardPerUnit = _operators[operator].rewardPerUnit;
        position.rewards += Math.mulDiv(position.amount, rewardPerUnit - position.rewardPerUnitPaid, _PRECISION);
        position.rewardPerUnitPaid = rewardPerUnit;
    }

    function _pendingRewards(address staker, address operator) private view returns (uint256) {
        (uint256 rewardPerStake, ) = _previewGlobal(block.timestamp);
        (uint256 rewardPerUnit, , ) = _operatorAccrual(_operators[operator], rewardPerStake);
        Position storage position = _positions[staker][operator];
        return position.rewards + Math.mulDiv(position.amount, rewardPerUnit - position.rewardPerUnitPaid, _PRECISION);
    }

    // ---------------------------------------------------------------- internals: misc

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

    function _checkMetadata(string calldata metadataURI) private pure {
        if (bytes(metadataURI).length > MAX_METADATA_LENGTH) {
            revert MetadataTooLong(bytes(metadataURI).length, MAX_METADATA_LENGTH);
        }
    }

    function _checkRange(uint256 value, uint256 minimum, uint256 maximum) private pure {
        if (value < minimum || value > maximum) revert ParameterOutOfRange(value, minimum, maximum);
    }

    function _pageCount(uint256 length, uint256 offset, uint256 limit) private pure returns (uint256) {
        if (offset >= length) return 0;
        return Math.min(limit, length - offset);
    }

    function _operatorInfo(address operator) private view returns (OperatorInfo memory info) {
        Operator storage op = _operators[operator];
        (uint256 rewardPerStake, ) = _previewGlobal(block.timestamp);
        (, uint256 commission, bool pendingDue) = _operatorAccrual(op, rewardPerStake);
        uint256 ceiling = maxCommissionBps();
        info = OperatorInfo({
            operator: operator,
            status: op.status,
            services: op.services,
            commissionBps: uint16(Math.min(pendingDue ? op.pendingCommissionBps : op.commissionBps, ceiling)),
            pendingCommissionBps: pendingDue ? 0 : uint16(Math.min(op.pendingCommissionBps, ceiling)),
            commissionEffectiveAt: pendingDue ? 0 : op.commissionEffectiveAt,
            slashCount: op.slashCount,
            stakerCount: uint32(_operatorStakers[operator].length()),
            slashing: _slashes[operator].fractionBps != 0,
            totalStake: op.activeStake,
            unbondingStake: op.unbondingStake,
            selfStake: _positions[operator][operator].amount,
            totalSlashed: op.totalSlashed,
            commissionAccrued: op.commissionAccrued + commission,
            metadataURI: op.metadataURI
        });
    }
}
