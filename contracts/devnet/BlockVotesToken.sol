// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/**
 * @title BlockVotesToken
 * @notice Test fixture: a plain ERC20Votes token on OpenZeppelin's default block-number clock, for
 * proving the app works against any Governor whose votes token is any IVotes, not only AltVotes.
 */
contract BlockVotesToken is ERC20, ERC20Permit, ERC20Votes {
    /// @param holder Receives the whole supply.
    /// @param supply Tokens minted once.
    constructor(address holder, uint256 supply) ERC20("Block Votes", "BVT") ERC20Permit("Block Votes") {
        _mint(holder, supply);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
