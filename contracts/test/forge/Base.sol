// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev The few Foundry cheatcodes these tests use, declared here instead of depending on forge-std.
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function warp(uint256 timestamp) external;
    function roll(uint256 blockNumber) external;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function getNonce(address account) external view returns (uint64);
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertData) external;
    function label(address account, string calldata newLabel) external;
    function cool(address target) external;
    function expectRevert() external;
    function pauseGasMetering() external;
    function resumeGasMetering() external;
    function resetGasMetering() external;
    function deployCode(string calldata artifactPath, bytes calldata constructorArgs) external returns (address);
}

/// @dev Assertions, bounds and the invariant-target hooks forge reads (as forge-std's StdInvariant does).
abstract contract Base {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;
    address[] private _targetSenders;

    error AssertionFailed(string message, uint256 left, uint256 right);

    /// @dev forge calls these to learn what to fuzz.
    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    function targetSenders() public view returns (address[] memory) {
        return _targetSenders;
    }

    function _targetContract(address target) internal {
        _targetContracts.push(target);
    }

    function _targetSelector(address target, bytes4[] memory selectors) internal {
        _targetSelectors.push(FuzzSelector(target, selectors));
    }

    function _targetSender(address sender) internal {
        _targetSenders.push(sender);
    }

    function assertEq(uint256 left, uint256 right, string memory message) internal pure {
        if (left != right) revert AssertionFailed(message, left, right);
    }

    function assertEq(address left, address right, string memory message) internal pure {
        if (left != right) revert AssertionFailed(message, uint160(left), uint160(right));
    }

    function assertLe(uint256 left, uint256 right, string memory message) internal pure {
        if (left > right) revert AssertionFailed(message, left, right);
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert AssertionFailed(message, 0, 1);
    }

    /// @dev Ethereum's per-transaction gas cap since Fusaka (EIP-7825): 2^24.
    uint256 internal constant TX_GAS_CAP = 16_777_216;

    /**
     * @dev Calls `target` as `sender` the way a transaction would: with the per-transaction gas cap as
     * its gas, every slot cold. Returns whether it succeeded and the gas it used. The test's own gas is
     * reset first and after, so a test may send many such transactions.
     */
    function _asTransaction(address sender, address target, bytes memory data) internal returns (bool ok, uint256 used) {
        vm.cool(target);
        vm.resetGasMetering();
        vm.prank(sender);
        uint256 before = gasleft();
        (ok, ) = target.call{gas: TX_GAS_CAP - 21_000}(data);
        used = before - gasleft() + 21_000;
        vm.resetGasMetering();
    }

    /// @dev Prints a figure in forge's output (-vv), through its console address.
    function _log(string memory label, uint256 value) internal view {
        (bool ok, ) = address(0x000000000000000000636F6e736F6c652e6c6f67).staticcall(
            abi.encodeWithSignature("log(string,uint256)", label, value)
        );
        ok;
    }

    /// @dev The CREATE address `deployer` gets at `nonce` (nonce below 128, as in these tests).
    function _createAddress(address deployer, uint256 nonce) internal pure returns (address) {
        bytes memory rlp = nonce == 0
            ? abi.encodePacked(bytes1(0xd6), bytes1(0x94), deployer, bytes1(0x80))
            : abi.encodePacked(bytes1(0xd6), bytes1(0x94), deployer, uint8(nonce));
        return address(uint160(uint256(keccak256(rlp))));
    }
}

/// @dev Bounds a fuzzed value into [min, max] without discarding runs.
function bound(uint256 x, uint256 min, uint256 max) pure returns (uint256) {
    if (max <= min) return min;
    return min + (x % (max - min + 1));
}
