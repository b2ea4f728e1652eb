// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {AltStaking} from "./AltStaking.sol";

/**
 * @title AltAirdrop
 * @notice Airdrop Season One: each eligible address claims its ALT once within the claim window;
 * whatever is unclaimed when the window ends can be swept back to the treasury by anyone.
 * @dev Leaves are OpenZeppelin StandardMerkleTree leaves of `(address account, uint256 amount)`:
 * `keccak256(bytes.concat(keccak256(abi.encode(account, amount))))`. Proofs use sorted-pair hashing,
 * so a sharded tree (a proof inside a shard followed by a proof over the shard roots) verifies too.
 */
contract AltAirdrop {
    using SafeERC20 for IERC20;

    /// @notice The claim window's state, for clients that read it in one call.
    struct Info {
        bytes32 merkleRoot;
        uint64 claimStart;
        uint64 claimEnd;
        uint256 totalClaimed;
        uint256 claimCount;
        uint256 balance;
        bool swept;
    }

    IERC20 private immutable _token;
    AltStaking private immutable _staking;
    address private immutable _treasury;
    bytes32 private immutable _merkleRoot;
    uint64 private immutable _claimStart;
    uint64 private immutable _claimEnd;

    mapping(address account => bool) private _claimed;
    uint256 private _totalClaimed;
    uint256 private _claimCount;
    bool private _swept;

    event Claimed(address indexed account, uint256 amount, address indexed caller);
    event ClaimedAndStaked(address indexed account, address indexed operator, uint256 amount);
    event ClaimedAndDelegated(address indexed account, address indexed delegatee, uint256 amount);
    event Swept(address indexed treasury, uint256 amount);

    error InvalidAddress();
    error InvalidWindow(uint64 claimStart, uint64 claimEnd);
    error ClaimWindowNotOpen(uint64 claimStart);
    error ClaimWindowClosed(uint64 claimEnd);
    error ClaimWindowNotEnded(uint64 claimEnd);
    error AlreadyClaimed(address account);
    error InvalidProof(address account, uint256 amount);
    error DelegationFailed(address account, address delegatee);
    error NothingToSweep();

    /**
     * @param token_ ALT.
     * @param staking_ AltStaking, for claim-and-stake.
     * @param treasury_ Receives what is unclaimed after the window.
     * @param merkleRoot_ Root of the distribution tree.
     * @param claimStart First second at which claims are accepted.
     * @param claimEnd First second at which claims are refused and sweeping is allowed.
     */
    constructor(
        IERC20 token_,
        AltStaking staking_,
        address treasury_,
        bytes32 merkleRoot_,
        uint64 claimStart,
        uint64 claimEnd
    ) {
        if (address(token_) == address(0) || address(staking_) == address(0) || treasury_ == address(0)) {
            revert InvalidAddress();
        }
        if (claimEnd <= claimStart) revert InvalidWindow(claimStart, claimEnd);
        _token = token_;
        _staking = staking_;
        _treasury = treasury_;
        _merkleRoot = merkleRoot_;
        _claimStart = claimStart;
        _claimEnd = claimEnd;
    }

    /**
     * @notice Claims `amount` for `account` and pays it to `account`, whoever sends the transaction.
     * @dev Permissionless by design: a relayer can only ever deliver the tokens to their owner.
     */
    function claim(address account, uint256 amount, bytes32[] calldata proof) external {
        _claim(account, amount, proof);
        emit Claimed(account, amount, msg.sender);
        _token.safeTransfer(account, amount);
    }

    /// @notice Claims the caller's `amount` and stakes it straight to `operator` in the caller's name.
    function claimAndStake(uint256 amount, bytes32[] calldata proof, address operator) external {
        _claim(msg.sender, amount, proof);
        emit ClaimedAndStaked(msg.sender, operator, amount);
        _token.forceApprove(address(_staking), amount);
        _staking.stakeFor(operator, amount, msg.sender);
    }

    /**
     * @notice Claims `amount` for `account`, pays it to `account` and sets `account`'s ALT vote
     * delegate with its ERC20Votes `delegateBySig` signature, in one transaction.
     * @dev The signature may already have been used by someone who saw it in the mempool; the call
     * then succeeds as long as `account` ends up delegating to `delegatee`.
     */
    function claimAndDelegate(
        address account,
        uint256 amount,
        bytes32[] calldata proof,
        address delegatee,
        uint256 nonce,
        uint256 expiry,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        _claim(account, amount, proof);
        emit ClaimedAndDelegated(account, delegatee, amount);
        _token.safeTransfer(account, amount);
        try IVotes(address(_token)).delegateBySig(delegatee, nonce, expiry, v, r, s) {} catch {}
        if (IVotes(address(_token)).delegates(account) != delegatee) revert DelegationFailed(account, delegatee);
    }

    /// @notice After the window, sends every unclaimed ALT to the treasury; anyone may call it.
    function sweep() external {
        if (block.timestamp < _claimEnd) revert ClaimWindowNotEnded(_claimEnd);
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

    /// @notice Where unclaimed ALT goes after the window.
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @notice Root, window, totals and balance in one call.
    function info() external view returns (Info memory) {
        return
            Info({
                merkleRoot: _merkleRoot,
                claimStart: _claimStart,
                claimEnd: _claimEnd,
                totalClaimed: _totalClaimed,
                claimCount: _claimCount,
                balance: _token.balanceOf(address(this)),
                swept: _swept
            });
    }

    function _claim(address account, uint256 amount, bytes32[] calldata proof) private {
        if (account == address(0)) revert InvalidAddress();
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
