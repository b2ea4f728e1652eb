// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IStakeVotes} from "../interfaces/IStakeVotes.sol";
import {RewardStream} from "./RewardStream.sol";

/**
 * @title StakingBase
 * @notice What every part of {AltStaking} shares: its types, limits, state, events and errors, and the
 * few checks each part makes.
 * @dev Bounds kept here, each argued where it is used: at most {MAX_POSITIONS_PER_STAKER} positions
 * and {MAX_REQUESTS_PER_STAKER} open requests per staker (so a staker's own calls and views are
 * bounded), operator metadata of at most {MAX_METADATA_LENGTH} bytes, slash reasons of at most
 * {MAX_REASON_LENGTH}, slash pages of at most {MAX_SLASH_PAGE} steps.
 */
abstract contract StakingBase is AccessControl, RewardStream {
    using EnumerableSet for EnumerableSet.AddressSet;

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
    uint8 internal constant _ALL_SERVICES = SERVICE_VITAL | SERVICE_MACH | SERVICE_SQUAD;

    uint256 internal constant _BPS = 10_000;
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
    /// @notice Operators the call that lowers or raises the commission ceiling brings up to it at once.
    uint256 public constant CEILING_FIRST_PAGE = 16;
    /// @notice Most operators one {applyCeiling} call brings up to the ceiling.
    uint256 public constant MAX_CEILING_PAGE = 64;

    struct Operator {
        OperatorStatus status;
        uint8 services;
        uint16 commissionBps;
        uint16 pendingCommissionBps;
        uint48 commissionEffectiveAt;
        uint48 lastUpdate;
        uint32 slashCount;
        bool deactivatedByGovernance;
        uint32 ceilingsSeen;
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

    IERC20 internal immutable _token;
    IStakeVotes internal immutable _votes;

    uint256 internal _unbondingPeriod;
    uint256 internal _commissionDelay;
    uint256 internal _minStake;
    address internal _treasury;
    MaxCommissionChange[] internal _maxCommission;
    /// @dev Operators (in registration order) already brought up to the latest ceiling change.
    uint256 internal _ceilingCursor;

    uint256 internal _totalActiveStake;
    uint256 internal _totalUnbondingStake;
    uint256 internal _slashedPending;

    mapping(address operator => bool) internal _allowlisted;
    mapping(address operator => Operator) internal _operators;
    address[] internal _operatorList;
    mapping(address operator => EnumerableSet.AddressSet) internal _operatorStakers;
    mapping(address operator => EnumerableSet.UintSet) internal _operatorRequests;
    mapping(address operator => SlashInProgress) internal _slashes;

    mapping(address staker => mapping(address operator => Position)) internal _positions;
    mapping(address staker => EnumerableSet.AddressSet) internal _stakerOperators;

    uint256 internal _nextRequestId;
    mapping(uint256 id => UnbondingRequest) internal _requests;
    mapping(address staker => EnumerableSet.UintSet) internal _stakerRequests;

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
    error CeilingBeingApplied(uint256 operatorsLeft);
    error ParameterOutOfRange(uint256 value, uint256 minimum, uint256 maximum);

    constructor(IERC20 token_, IStakeVotes votes_) {
        _token = token_;
        _votes = votes_;
    }

    /// @notice The commission ceiling in force.
    function maxCommissionBps() public view returns (uint256) {
        return _maxCommission[_maxCommission.length - 1].bps;
    }

    function _registered(address operator) internal view returns (Operator storage op) {
        op = _operators[operator];
        if (op.status == OperatorStatus.None) revert UnknownOperator(operator);
    }

    function _notSlashing(address operator) internal view {
        if (_slashes[operator].fractionBps != 0) revert OperatorBeingSlashed(operator);
    }

    function _forgetIfEmpty(address staker, address operator) internal {
        Position storage position = _positions[staker][operator];
        if (position.amount == 0 && position.rewards == 0) _stakerOperators[staker].remove(operator);
    }

    function _checkRange(uint256 value, uint256 minimum, uint256 maximum) internal pure {
        if (value < minimum || value > maximum) revert ParameterOutOfRange(value, minimum, maximum);
    }

    function _pageCount(uint256 length, uint256 offset, uint256 limit) internal pure returns (uint256) {
        if (offset >= length) return 0;
        return Math.min(limit, length - offset);
    }
}
