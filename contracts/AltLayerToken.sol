// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/**
 * @title AltLayerToken
 * @notice ALT exactly as deployed at 0x8457CA5040ad67fdebbCC8EdCE889A335Bc0fbFB on Ethereum and BNB Smart
 * Chain: OpenZeppelin ERC20 with burning, EIP-2612 permits (domain "AltLayer Token", version "1"), a
 * 10,000,000,000 ALT cap and owner-only pause, unpause and mint.
 * @dev Same composition as the verified mainnet source (there compiled with solc 0.8.23 on OpenZeppelin
 * 5.0). It has no vote checkpoints, no `delegate` and no ERC-6372 clock: governance voting power comes
 * from {AltVotes} (wrapped and staked ALT), never from this token.
 */
contract AltLayerToken is ERC20, ERC20Burnable, ERC20Pausable, Ownable, ERC20Permit, ERC20Capped {
    /// @param initialOwner May pause, unpause and mint up to the cap.
    constructor(
        address initialOwner
    )
        ERC20("AltLayer Token", "ALT")
        Ownable(initialOwner)
        ERC20Permit("AltLayer Token")
        ERC20Capped(10_000_000_000 * 10 ** 18)
    {}

    /// @notice Stops every transfer, mint and burn until {unpause}.
    function pause() public onlyOwner {
        _pause();
    }

    /// @notice Lets transfers resume.
    function unpause() public onlyOwner {
        _unpause();
    }

    /// @notice Mints `amount` to `to`, within the cap.
    function mint(address to, uint256 amount) public onlyOwner {
        _mint(to, amount);
    }

    function _update(
        address from,
        address to,
        uint256 value
    ) internal override(ERC20, ERC20Pausable, ERC20Capped) {
        super._update(from, to, value);
    }
}
