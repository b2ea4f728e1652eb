// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {ERC20Wrapper} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Wrapper.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {IStakeVotes} from "./interfaces/IStakeVotes.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/**
 * @title AltVotes
 * @notice Voting power for ALT, a token without votes. One account's voting units are the sum of
 * - its Voting ALT (vALT): plain ALT wrapped 1:1, unwrapped at any time 1:1 with no fee, and
 * - its ALT staked in {AltStaking}, active or unbonding, as reported by that contract,
 * and one delegation choice moves both. The governor reads this contract (ERC-5805, timestamp clock).
 * @dev Rationale:
 * - Mainnet ALT has no checkpoints, so votes need a token that has them. Wrapping keeps ALT itself
 *   untouched and lets any holder enter with one EIP-2612 permit and one transaction
 *   ({depositWithPermit}) and leave with one ({withdrawTo}).
 * - Staking must not cost a vote: the staking contract reports each staker's stake here as voting
 *   units ({increaseStakedUnits}, {decreaseStakedUnits}), so stake votes for its owner, or whomever
 *   they delegate to, until it is withdrawn. A slash lowers those units in the same transaction that
 *   lowers the stake, so an account's units are always exactly what it could withdraw from staking
 *   plus what it holds wrapped.
 * - Only accounts that enter vote by default: its own deposit (wrapping), a claim through the airdrop
 *   or a stake delegates the account's units to itself unless it already chose someone. vALT received by transfer
 *   is not delegated until its holder delegates, so vALT parked in a contract that can never vote (a
 *   pool, a vault, this wrapper) has no votes. Delegating to the zero address is refused.
 * - The governor's quorum is a fraction of the delegated supply ({getPastDelegatedSupply}): the sum of
 *   every delegate's votes, checkpointed like the total supply, so units nobody can vote with never
 *   raise the bar that the others must reach.
 * - Only the account itself (or its signature) chooses its delegate: a deposit made for someone else
 *   never picks a delegate other than that account.
 * - A directory of delegates lets a client rank them without an indexer or a scan of the logs: every
 *   address ever chosen as a delegate, listed once, with its current delegators and the block its
 *   votes or delegators last changed. A client holding the standings at some block (a build's
 *   snapshot) reads only the delegates changed after it ({delegatesChangedSince}), paged so every
 *   call's work is bounded by the caller. Each entry costs the delegation that creates it; nobody
 *   adds work to anyone else's transaction (a delegation touches two records, whatever the
 *   directory's size).
 * - Each delegate's delegators are kept as a set ({delegatorsOf}, paged), so a delegate's page lists
 *   them now without the logs. A delegation adds to one set and removes from one, in constant work.
 */
contract AltVotes is ERC20, ERC20Permit, ERC20Votes, ERC20Wrapper, IStakeVotes {
    using Checkpoints for Checkpoints.Trace208;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @dev AltStaking's role for accounts that act for a claimant (the airdrop).
    bytes32 private constant _STAKE_AGENT_ROLE = keccak256("STAKE_AGENT_ROLE");

    address private immutable _staking;
    mapping(address account => uint256) private _stakedUnits;
    Checkpoints.Trace208 private _delegatedCheckpoints;

    /// @dev A delegate's directory record, one slot: listed once chosen, its delegators, its last change.
    struct DelegateRecord {
        bool listed;
        uint64 delegators;
        uint64 changedAt;
    }

    /// @notice A delegate as the directory reports it: its votes and delegators now.
    struct DelegateEntry {
        address delegate;
        uint256 votes;
        uint256 delegators;
    }

    mapping(address delegate => DelegateRecord) private _records;
    /// @dev Every address ever chosen as a delegate, in the order first chosen.
    address[] private _directory;
    /// @dev The accounts whose delegate each delegate is now (its record's `delegators` is the set's size).
    mapping(address delegate => EnumerableSet.AddressSet) private _delegatorSets;

    /// @notice Staked voting units changed for `account`.
    event StakedUnitsChanged(address indexed account, uint256 previousUnits, uint256 newUnits);

    /// @dev The zero address cannot be a delegate: its votes would count in the supply but never vote.
    error InvalidDelegatee();
    /// @dev Only the staking contract reports staked units.
    error OnlyStaking(address caller);

    /**
     * @param alt The wrapped token, ALT.
     * @param staking_ The staking contract allowed to report staked voting units.
     */
    constructor(
        IERC20 alt,
        address staking_
    ) ERC20("Voting ALT", "vALT") ERC20Permit("Voting ALT") ERC20Wrapper(alt) {
        _staking = staking_;
    }

    // ---------------------------------------------------------------- entering and leaving

    /**
     * @notice Wraps `value` ALT from the caller into voting power delegated to `delegatee` (the caller
     * itself, someone else, or the current delegate), after an ALT allowance.
     */
    function depositAndDelegate(uint256 value, address delegatee) public {
        if (delegates(msg.sender) != delegatee) _delegate(msg.sender, delegatee);
        depositFor(msg.sender, value);
    }

    /**
     * @notice Wraps `value` ALT into voting power delegated to `delegatee` with an EIP-2612 permit for
     * exactly `value`: one signature and one transaction from plain ALT to votes.
     * @dev The permit may fail because it was already used (front-run from the mempool); the transfer
     * then succeeds on the allowance it set, or fails on its own.
     */
    function depositWithPermit(
        uint256 value,
        address delegatee,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        try IERC20Permit(address(underlying())).permit(msg.sender, address(this), value, deadline, v, r, s) {} catch {}
        depositAndDelegate(value, delegatee);
    }

    // ---------------------------------------------------------------- staked units

    /// @inheritdoc IStakeVotes
    function increaseStakedUnits(address account, uint256 amount) external {
        _onlyStaking();
        if (amount == 0) return;
        _delegateToSelfIfUnset(account);
        uint256 previous = _stakedUnits[account];
        _stakedUnits[account] = previous + amount;
        _transferVotingUnits(address(0), account, amount);
        emit StakedUnitsChanged(account, previous, previous + amount);
    }

    /// @inheritdoc IStakeVotes
    function decreaseStakedUnits(address account, uint256 amount) external {
        _onlyStaking();
        if (amount == 0) return;
        uint256 previous = _stakedUnits[account];
        _stakedUnits[account] = previous - amount;
        _transferVotingUnits(account, address(0), amount);
        emit StakedUnitsChanged(account, previous, previous - amount);
    }

    /// @notice ALT `account` has staked (active and unbonding), counted as its voting units.
    function stakedUnitsOf(address account) external view returns (uint256) {
        return _stakedUnits[account];
    }

    /// @notice Every voting unit of `account`: wrapped plus staked.
    function votingUnitsOf(address account) external view returns (uint256) {
        return _getVotingUnits(account);
    }

    /// @notice Voting units that have a delegate now: the sum of every delegate's votes.
    function delegatedSupply() external view returns (uint256) {
        return _delegatedCheckpoints.latest();
    }

    /// @notice Voting units that had a delegate at `timepoint` (in the past): the quorum's base.
    function getPastDelegatedSupply(uint256 timepoint) external view returns (uint256) {
        uint48 currentTimepoint = clock();
        if (timepoint >= currentTimepoint) revert ERC5805FutureLookup(timepoint, currentTimepoint);
        return _delegatedCheckpoints.upperLookupRecent(uint48(timepoint));
    }

    /// @inheritdoc IStakeVotes
    function staking() external view returns (address) {
        return _staking;
    }

    // ---------------------------------------------------------------- the directory of delegates

    /// @notice How many addresses have ever been chosen as a delegate (the directory's length).
    function delegateCount() external view returns (uint256) {
        return _directory.length;
    }

    /// @notice How many accounts have `delegatee` as their delegate now (itself included, if it chose itself).
    function delegatorCount(address delegatee) external view returns (uint256) {
        return _records[delegatee].delegators;
    }

    /**
     * @notice The accounts that have `delegatee` as their delegate now, entries `start` to
     * `start + count` (clamped to the end) in no particular order, and how many there are. A
     * delegation moves an account from one delegate's set to another's, so pages read at different
     * blocks may miss or repeat an account: read every page at one block. Anyone can join a set (a
     * delegation needs no balance), so a client pages it rather than reading it whole.
     */
    function delegatorsOf(
        address delegatee,
        uint256 start,
        uint256 count
    ) external view returns (address[] memory page, uint256 total) {
        EnumerableSet.AddressSet storage set = _delegatorSets[delegatee];
        total = set.length();
        uint256 end = start >= total || count > total - start ? total : start + count;
        page = set.values(start, end);
    }

    /// @notice The block in which `delegatee`'s votes or delegators last changed (0: never chosen).
    function delegateChangedAt(address delegatee) external view returns (uint256) {
        return _records[delegatee].changedAt;
    }

    /**
     * @notice The delegates among the directory's entries `start` to `start + count` (clamped to its
     * end) whose votes or delegators changed after block `blockNumber`, with their votes and
     * delegators now, in directory order; and the directory's length. With the standings at the end
     * of `blockNumber`, these are all a client needs to have them now; with 0, every delegate.
     */
    function delegatesChangedSince(
        uint256 blockNumber,
        uint256 start,
        uint256 count
    ) external view returns (DelegateEntry[] memory entries, uint256 total) {
        total = _directory.length;
        uint256 end = start >= total || count > total - start ? total : start + count;
        entries = new DelegateEntry[](end > start ? end - start : 0);
        uint256 found;
        for (uint256 i = start; i < end; ++i) {
            address delegatee = _directory[i];
            DelegateRecord memory record = _records[delegatee];
            if (record.changedAt <= blockNumber) continue;
            entries[found++] = DelegateEntry(delegatee, getVotes(delegatee), record.delegators);
        }
        // solhint-disable-next-line no-inline-assembly
        assembly {
            mstore(entries, found)
        }
    }

    // ---------------------------------------------------------------- clock

    /// @notice ERC-6372 clock: the block timestamp, so governance periods are in seconds on every chain.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    // ---------------------------------------------------------------- internals

    function _onlyStaking() private view {
        if (msg.sender != _staking) revert OnlyStaking(msg.sender);
    }

    function _delegateToSelfIfUnset(address account) private {
        if (account != address(0) && delegates(account) == address(0)) _delegate(account, account);
    }

    /**
     * @dev Refuses the zero delegate, which would take units out of every delegate's votes, and keeps
     * the directory: the new delegate listed (once) with one more delegator, the previous with one less.
     */
    function _delegate(address account, address delegatee) internal override {
        if (delegatee == address(0)) revert InvalidDelegatee();
        address previous = delegates(account);
        super._delegate(account, delegatee);
        if (previous == delegatee) return;
        if (previous != address(0)) {
            DelegateRecord storage left = _records[previous];
            --left.delegators;
            left.changedAt = uint64(block.number);
            _delegatorSets[previous].remove(account);
        }
        DelegateRecord storage chosen = _records[delegatee];
        if (!chosen.listed) {
            chosen.listed = true;
            _directory.push(delegatee);
        }
        ++chosen.delegators;
        chosen.changedAt = uint64(block.number);
        _delegatorSets[delegatee].add(account);
    }

    /// @dev Wrapped balance plus staked ALT: what {_delegate} moves when the delegate changes.
    function _getVotingUnits(address account) internal view override returns (uint256) {
        return balanceOf(account) + _stakedUnits[account];
    }

    /**
     * @dev Auto-delegates an account that enters by itself (deposits for itself, or through a stake
     * agent of the staking contract acting for it: the airdrop's claim) before its units arrive. A
     * transfer's receiver, or someone deposited for by anyone else, keeps its choice (none, until it
     * delegates): otherwise a wei deposited for a pool would count all the pool's vALT in the quorum.
     */
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        if (from == address(0) && _entersItself(to)) _delegateToSelfIfUnset(to);
        super._update(from, to, value);
    }

    function _entersItself(address account) private view returns (bool) {
        address sender = _msgSender();
        if (sender == account) return true;
        try IAccessControl(_staking).hasRole(_STAKE_AGENT_ROLE, sender) returns (bool agent) {
            return agent;
        } catch {
            return false;
        }
    }

    /// @dev Keeps the delegated supply: units gain a delegate (from none) or lose one (to none).
    function _moveDelegateVotes(address from, address to, uint256 amount) internal override {
        super._moveDelegateVotes(from, to, amount);
        if (amount == 0 || from == to) return;
        // The directory's record of when each side's votes last changed.
        if (from != address(0)) _records[from].changedAt = uint64(block.number);
        if (to != address(0)) _records[to].changedAt = uint64(block.number);
        if ((from == address(0)) == (to == address(0))) return;
        uint256 current = _delegatedCheckpoints.latest();
        uint256 next = from == address(0) ? current + amount : current - amount;
        _delegatedCheckpoints.push(clock(), SafeCast.toUint208(next));
    }

    /// @inheritdoc ERC20Wrapper
    function decimals() public view override(ERC20, ERC20Wrapper) returns (uint8) {
        return super.decimals();
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
