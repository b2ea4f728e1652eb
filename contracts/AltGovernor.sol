// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @dev What the governor reads of AltVotes beyond IVotes: the quorum's base and the staking contract.
interface IAltVotesReads {
    function getPastDelegatedSupply(uint256 timepoint) external view returns (uint256);
    function staking() external view returns (address);
}

/// @dev What the governor reads of AltStaking: how long leaving stake stays slashable.
interface IUnbondingPeriod {
    function unbondingPeriod() external view returns (uint256);
}

/**
 * @title AltGovernor
 * @notice Governor for ALT holders. Votes come from {AltVotes}: wrapped ALT plus staked ALT, delegated
 * together, never from ALT itself (which has no votes). Proposals run through a TimelockController that
 * holds the treasury and every governance-controlled parameter of the protocol.
 * @dev A standard OpenZeppelin 5 Governor, with two rules of its own:
 * - The quorum is a fraction of AltVotes' delegated supply at the snapshot: voting units that have a
 *   delegate, not vALT parked where nobody can vote with it, nor the ALT supply with its treasury share.
 * - The path to a slash (voting delay + voting period + timelock delay + {SLASH_PATH_MARGIN}) stays
 *   shorter than AltStaking's unbonding period, so nobody escapes a slash by leaving when it is
 *   proposed. It is checked at deployment and after every execution, which is how any of the four
 *   changes once deployment is done (the timelock's only proposer and executor is this governor, and
 *   the timelock administers the staking contract); each setting is also bounded on its own.
 * GovernorStorage keeps every proposal's targets, values and calldata on-chain so that clients can
 * enumerate proposals without an indexer. A queued proposal that is not executed within
 * {GRACE_PERIOD} after its eta becomes Expired and can no longer be executed.
 * Each voter's votes are recorded with their block ({votesOf}, paged): a client lists a voter's
 * votes now from a few paged calls and reads their reasons from those blocks' logs alone, without
 * scanning the history (the block is `block.number`: exact on Ethereum and BNB Smart Chain, where
 * these contracts run). A vote appends one record to its own voter's list: nobody's vote adds to another's.
 */
contract AltGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorStorage,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @notice Time after a queued proposal's eta during which it can still be executed.
    uint256 public constant GRACE_PERIOD = 14 days;
    /// @notice Longest voting delay governance may set.
    uint256 public constant MAX_VOTING_DELAY = 7 days;
    /// @notice Shortest voting period governance may set.
    uint256 public constant MIN_VOTING_PERIOD = 1 days;
    /// @notice Longest voting period governance may set.
    uint256 public constant MAX_VOTING_PERIOD = 14 days;
    /// @notice Time the unbonding period must leave, beyond the path to a slash, to propose one.
    uint256 public constant SLASH_PATH_MARGIN = 2 days;

    /// @notice A vote as recorded for its voter: the proposal, the choice, the weight counted, the block.
    struct VoteRecord {
        uint256 proposalId;
        uint8 support;
        uint208 weight;
        uint40 blockNumber;
    }

    mapping(address voter => VoteRecord[]) private _votesOf;

    /// @dev A voting delay or period outside its bounds.
    error SettingOutOfRange(uint256 value, uint256 minimum, uint256 maximum);
    /// @dev The path to a slash would not end before stake that leaves when it is proposed unlocks.
    error SlashPathTooLong(uint256 path, uint256 unbondingPeriod);

    /**
     * @param token AltVotes, the votes source (timestamp clock, so delays and periods are in seconds).
     * @param timelock The timelock that executes proposals and holds the treasury.
     * @param initialVotingDelay Seconds between proposal and the voting snapshot.
     * @param initialVotingPeriod Seconds during which votes are accepted.
     * @param initialProposalThreshold Votes needed to create a proposal.
     * @param quorumNumerator Quorum as a percentage of the votable supply at the snapshot.
     */
    constructor(
        IVotes token,
        TimelockController timelock,
        uint48 initialVotingDelay,
        uint32 initialVotingPeriod,
        uint256 initialProposalThreshold,
        uint256 quorumNumerator
    )
        Governor("ALT Governor")
        GovernorSettings(initialVotingDelay, initialVotingPeriod, initialProposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(quorumNumerator)
        GovernorTimelockControl(timelock)
    {
        _checkSlashPath();
    }

    /**
     * @notice Voting delay + voting period + timelock delay + {SLASH_PATH_MARGIN}: the longest a slash
     * can take from its proposal, which the unbonding period must exceed.
     */
    function slashPath() public view returns (uint256) {
        return votingDelay() + votingPeriod() + TimelockController(payable(timelock())).getMinDelay() + SLASH_PATH_MARGIN;
    }

    /// @notice The quorum at `timepoint`: a fraction of the voting units that had a delegate then.
    function quorum(
        uint256 timepoint
    ) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        uint256 base = IAltVotesReads(address(token())).getPastDelegatedSupply(timepoint);
        return (base * quorumNumerator(timepoint)) / quorumDenominator();
    }

    /**
     * @notice The state of a proposal, with Expired for queued proposals past their grace period.
     * @dev The timelock keeps such an operation pending, but only this governor may execute it and
     * {execute} requires Succeeded or Queued, so an expired proposal can never run.
     */
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current == ProposalState.Queued && block.timestamp > proposalEta(proposalId) + GRACE_PERIOD) {
            return ProposalState.Expired;
        }
        return current;
    }

    /// @notice How many votes `voter` has cast (each proposal once).
    function voteCount(address voter) external view returns (uint256) {
        return _votesOf[voter].length;
    }

    /**
     * @notice `voter`'s votes `start` to `start + count` (clamped to the end), oldest first, and how
     * many there are.
     */
    function votesOf(
        address voter,
        uint256 start,
        uint256 count
    ) external view returns (VoteRecord[] memory page, uint256 total) {
        VoteRecord[] storage all = _votesOf[voter];
        total = all.length;
        uint256 end = start >= total || count > total - start ? total : start + count;
        page = new VoteRecord[](end > start ? end - start : 0);
        for (uint256 i = start; i < end; ++i) page[i - start] = all[i];
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorStorage) returns (uint256) {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    /// @dev Counts the vote, then records it for its voter. The weight as counted fits 208 bits: it
    /// is a past vote count of the votes token, which AltVotes checkpoints in 208 bits.
    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(Governor, GovernorCountingSimple) returns (uint256) {
        uint256 counted = super._countVote(proposalId, account, support, totalWeight, params);
        _votesOf[account].push(
            VoteRecord(proposalId, support, SafeCast.toUint208(counted), SafeCast.toUint40(block.number))
        );
        return counted;
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
        _checkSlashPath();
    }

    function _setVotingDelay(uint48 newVotingDelay) internal override {
        if (newVotingDelay > MAX_VOTING_DELAY) revert SettingOutOfRange(newVotingDelay, 0, MAX_VOTING_DELAY);
        super._setVotingDelay(newVotingDelay);
    }

    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        if (newVotingPeriod < MIN_VOTING_PERIOD || newVotingPeriod > MAX_VOTING_PERIOD) {
            revert SettingOutOfRange(newVotingPeriod, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD);
        }
        super._setVotingPeriod(newVotingPeriod);
    }

    /// @dev Reverts unless the unbonding period outlasts the path to a slash.
    function _checkSlashPath() private view {
        address staking = IAltVotesReads(address(token())).staking();
        uint256 unbonding = IUnbondingPeriod(staking).unbondingPeriod();
        uint256 path = slashPath();
        if (path >= unbonding) revert SlashPathTooLong(path, unbonding);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
