// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/**
 * @title AltToken
 * @notice Devnet stand-in for ALT, the AltLayer token (0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB on
 * Ethereum and BNB Smart Chain): 18 decimals, EIP-2612 permits and ERC20Votes checkpoints.
 * @dev Votes use the ERC-6372 timestamp clock so that governance periods are in seconds on every chain,
 * whatever its block time.
 */
contract AltToken is ERC20, ERC20Permit, ERC20Votes {
    /// @notice The whole supply, minted once at deployment: 10,000,000,000 ALT.
    uint256 public constant INITIAL_SUPPLY = 10_000_000_000 ether;

    /// @param recipient Receives the whole supply.
    constructor(address recipient) ERC20("AltLayer Token", "ALT") ERC20Permit("AltLayer Token") {
        _mint(recipient, INITIAL_SUPPLY);
    }

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode description.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
