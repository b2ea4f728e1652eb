// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {AltStaking} from "./AltStaking.sol";
import {AltVotes} from "./AltVotes.sol";

/**
 * @title AltAirdrop
 * @notice Airdrop Season One: each eligible address claims its ALT once within the claim window, as
 * plain ALT, as voting power delegated as it chooses, or staked with an operator; whatever is unclaimed
 * can be swept back to the treasury once the window has ended and the sweep delay has passed.
 * @dev Leaves are OpenZeppelin StandardMerkleTree leaves of `(address account, uint256 amount)`:
 * `keccak256(bytes.concat(keccak256(abi.encode(account, amount))))`. Proofs use sorted-pair hashing,
 * so a sharded tree (a proof inside a shard followed by a proof over the shard roots) verifies too.
 *
 * Only the eligible address claims (an EOA, a Safe, an EIP-7702 account alike). Claiming on someone's
 * behalf would let whoever claims first decide how the ALT arrives, cancelling the claimant's own
 * choice of voting power or stake; so there is no third-party claim.
 *
 * Pauses: ALT's owner can pause transfers. Nothing is claimed or swept while it is paused (every path
 * moves ALT and reverts whole), and the sweep is possible only {sweepDelay} after the window ends, so
 * governance (the admin) has the whole pause plus that delay to extend the window with
 * {extendClaimWindow} before anyone's claim is forfeited.
 */
contract AltAirdrop {
    using SafeERC20 for IERC20;

    /// @notice The claim window's state, for clients that read it in one call.
    struct Info {
        bytes32 merkleRoot;
        uint64 claimStart;
        uint64 claimEnd;
        uint64 sweepableAt;
        uint256 totalClaimed;
        uint256 claimCount;
        uint256 balance;
        bool swept;
    }

    /// @notice Delegate-by-signature data for {AltVotes-delegateBySig}; leave `expiry` zero for none.
    struct Delegation {
        uint256 nonce;
        uint256 expiry;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    IERC20 private immutable _token;
    AltStaking private immutable _staking;
    AltVotes private immutable _votes;
    address private immutable _admin;
    address private immutable _treasury;
    bytes32 private immutable _merkleRoot;
    uint64 private immutable _claimStart;
    uint64 private immutable _sweepDelay;
    uint64 private _claimEnd;

    mapping(address account => bool) private _claimed;
    uint256 private _totalClaimed;
    uint256 private _claimCount;
    bool private _swept;

    event Claimed(address indexed account, uint256 amount);
    event ClaimedToVotes(address indexed account, address indexed delegatee, uint256 amount);
    event ClaimedAndStaked(address indexed account, address indexed operator, uint256 amount);
    event ClaimWindowExtended(uint64 claimEnd);
    event Swept(address indexed treasury, uint256 amount);

    error InvalidAddress();
    error InvalidWindow(uint64 claimStart, uint64 claimEnd);
    error ClaimWindowNotOpen(uint64 claimStart);
    error ClaimWindowClosed(uint64 claimEnd);
    error NotSweepableYet(uint64 sweepableAt);
    error AlreadyClaimed(address account);
    error InvalidProof(address account, uint256 amount);
    error DelegationFailed(address account, address delegatee);
    error NothingToSweep();
    error AlreadySwept();
    error OnlyAdmin(address caller);

    /**
     * @param token_ ALT.
     * @param staking_ AltStaking, for claim-and-stake.
     * @param votes_ AltVotes, for claim-to-voting-power.
     * @param admin_ Governance (the timelock), which may extend the window.
     * @param treasury_ Receives what is unclaimed after the window.
     * @param merkleRoot_ Root of the distribution tree.
     * @param claimStart First second at which claims are accepted.
     * @param claimEnd First second at which claims are refused.
     * @param sweepDelay_ Seconds after `claimEnd` before the unclaimed ALT can be swept.
     */
    constructor(
        IERC20 token_,
        AltStaking staking_,
        AltVotes votes_,
        address admin_,
        address treasury_,
        bytes32 merkleRoot_,
        uint64 claimStart,
        uint64 claimEnd,
        uint64 sweepDelay_
    ) {
        if (
            address(token_) == address(0) ||
            address(staking_) == address(0) ||
            address(votes_) == address(0) ||
            admin_ == address(0) ||
            treasury_ == address(0)
        ) {
            revert InvalidAddress();
        }
        if (claimEnd <= claimStart) revert InvalidWindow(claimStart, claimEnd);
        _token = token_;
        _staking = staking_;
        _votes = votes_;
        _admin = admin_;
        _treasury = treasury_;
        _merkleRoot = merkleRoot_;
        _claimStart = claimStart;
        _claimEnd = claimEnd;
        _sweepDelay = sweepDelay_;
    }

    /// @notice Claims the caller's `amount` as plain ALT.
    function claim(uint256 amount, bytes32[] calldata proof) external {
        _claim(msg.sender, amount, proof);
        emit Claimed(msg.sender, amount);
        _token.safeTransfer(msg.sender, amount);
    }

    /**
     * @notice Claims the caller's `amount` as voting power (Voting ALT) delegated to `delegatee`, in one
     * transaction. Keeping the caller's current delegate (itself, for a caller with none) needs no
     * signature; any other delegate, the caller itself included when its votes go to someone else,
     * needs the caller's {AltVotes-delegateBySig} signature in `delegation`.
     * @dev The signature may already have been submitted by someone who saw it in the mempool; the call
     * then succeeds as long as the caller ends up delegating to `delegatee`.
     */
    function claimToVotes(
        uint256 amount,
        bytes32[] calldata proof,
        address delegatee,
        Delegation calldata delegation
    ) external {
        if (delegatee == address(0)) revert InvalidAddress();
        _claim(msg.sender, amount, proof);
        emit ClaimedToVotes(msg.sender, delegatee, amount);
        _token.forceApprove(address(_votes), amount);
        _votes.depositFor(msg.sender, amount);
        if (IVotes(address(_votes)).delegates(msg.sender) != delegatee) {
            try
                _votes.delegateBySig(
                    delegatee,
                    delegation.nonce,
                    delegation.expiry,
                    delegation.v,
                    delegation.r,
                    delegation.s
                )
            {} catch {}
            if (IVotes(address(_votes)).delegates(msg.sender) != delegatee) {
                revert DelegationFailed(msg.sender, delegatee);
            }
        }
    }

    /// @notice Claims the caller's `amount` and stakes it with `operator` in the caller's name.
    function claimAndStake(uint256 amount, bytes32[] calldata proof, address operator) external {
        _claim(msg.sender, amount, proof);
        emit ClaimedAndStaked(msg.sender, operator, amount);
        _token.forceApprove(address(_staking), amount);
        _staking.stakeFor(operator, amount, msg.sender);
    }

    /// @notice Moves the end of the claim window later; governance only, never earlier, never after a sweep.
    function extendClaimWindow(uint64 newClaimEnd) external {
        if (msg.sender != _admin) revert OnlyAdmin(msg.sender);
        if (_swept) revert AlreadySwept();
        if (newClaimEnd <= _claimEnd) revert InvalidWindow(_claimStart, newClaimEnd);
        _claimEnd = newClaimEnd;
        emit ClaimWindowExtended(newClaimEnd);
    }

    /// @notice Once the window has ended and the sweep delay passed, sends every unclaimed ALT to the treasury.
    function sweep() external {
        uint64 sweepableAt = _claimEnd + _sweepDelay;
        if (block.timestamp < sweepableAt) revert NotSweepableYet(sweepableAt);
        uint256 amount = _token.balanceOf(address(this));
        if (amount == 0) revert NothingToSweep();
        _swept = true;
        emit Swept(_treasury, amount);
        _token.safeTransfer(_treasury, amount);
    }

    /// @notice Whether `account` has claimed.
    function isClaimed(address account) external view returns (bool) {
        return _claimed[account];
    }

    /// @notice The distribution's Merkle root.
    function merkleRoot() external view returns (bytes32) {
        return _merkleRoot;
    }

    /// @notice ALT.
    function token() external view returns (address) {
        return address(_token);
    }

    /// @notice The staking contract used by claim-and-stake.
    function staking() external view returns (address) {
        return address(_staking);
    }

    /// @notice The votes contract used by claim-to-voting-power.
    function votes() external view returns (address) {
        return address(_votes);
    }

    /// @notice Governance, which may extend the window.
    function admin() external view returns (address) {
        return _admin;
    }

    /// @notice Where unclaimed ALT goes after the window.
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @notice Seconds after the window's end before the unclaimed ALT can be swept.
    function sweepDelay() external view returns (uint64) {
        return _sweepDelay;
    }

    /// @notice Root, window, totals and balance in one call.
    function info() external view returns (Info memory) {
        return
            Info({
                merkleRoot: _merkleRoot,
                claimStart: _claimStart,
                claimEnd: _claimEnd,
                sweepableAt: _claimEnd + _sweepDelay,
                totalClaimed: _totalClaimed,
                claimCount: _claimCount,
                balance: _token.balanceOf(address(this)),
                swept: _swept
            });
    }

    function _claim(address account, uint256 amount, bytes32[] calldata proof) private {
        if (block.timestamp < _claimStart) revert ClaimWindowNotOpen(_claimStart);
        if (block.timestamp >= _claimEnd) revert ClaimWindowClosed(_claimEnd);
        if (_claimed[account]) revert AlreadyClaimed(account);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
        if (!MerkleProof.verifyCalldata(proof, _merkleRoot, leaf)) revert InvalidProof(account, amount);
        _claimed[account] = true;
        _totalClaimed += amount;
        _claimCount += 1;
    }
}
