// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title Multicall3
 * @notice Devnet implementation of the Multicall3 interface that lives at
 * 0xcA11bde05977b3631167028862bE2a173976CA11 on Ethereum and BNB Smart Chain.
 * @dev The devnet places this contract's runtime code at that address with `anvil_setCode`, so it must
 * hold no constructor-initialised state. Only the functions clients use are implemented: the
 * aggregate family used by viem's batching and the block/balance helpers used by wallet modals.
 */
contract Multicall3 {
    struct Call {
        address target;
        bytes callData;
    }

    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Call3Value {
        address target;
        bool allowFailure;
        uint256 value;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice A call that was not allowed to fail reverted.
    error CallFailed(uint256 index);

    /// @notice The value sent does not match the sum of the calls' values.
    error ValueMismatch(uint256 sent, uint256 expected);

    /// @notice Runs every call and reverts if any fails.
    function aggregate(Call[] calldata calls) public payable returns (uint256 blockNumber, bytes[] memory returnData) {
        blockNumber = block.number;
        returnData = new bytes[](calls.length);
        for (uint256 i = 0; i < calls.length; ++i) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            if (!success) revert CallFailed(i);
            returnData[i] = data;
        }
    }

    /// @notice Runs every call; reverts on a failure only when `requireSuccess` is set.
    function tryAggregate(bool requireSuccess, Call[] calldata calls) public payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; ++i) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            if (requireSuccess && !success) revert CallFailed(i);
            results[i] = Result(success, data);
        }
    }

    /// @notice {tryAggregate} with the block number and hash.
    function tryBlockAndAggregate(
        bool requireSuccess,
        Call[] calldata calls
    ) public payable returns (uint256 blockNumber, bytes32 blockHash, Result[] memory results) {
        blockNumber = block.number;
        blockHash = blockhash(block.number);
        results = tryAggregate(requireSuccess, calls);
    }

    /// @notice {tryBlockAndAggregate} that requires every call to succeed.
    function blockAndAggregate(
        Call[] calldata calls
    ) external payable returns (uint256 blockNumber, bytes32 blockHash, Result[] memory results) {
        return tryBlockAndAggregate(true, calls);
    }

    /// @notice Runs every call, each allowed to fail or not on its own.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; ++i) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert CallFailed(i);
            results[i] = Result(success, data);
        }
    }

    /// @notice {aggregate3} with a value per call; the message value must equal their sum.
    function aggregate3Value(Call3Value[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        uint256 total = 0;
        for (uint256 i = 0; i < calls.length; ++i) {
            total += calls[i].value;
            (bool success, bytes memory data) = calls[i].target.call{value: calls[i].value}(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert CallFailed(i);
            results[i] = Result(success, data);
        }
        if (msg.value != total) revert ValueMismatch(msg.value, total);
    }

    /// @notice The hash of a recent block.
    function getBlockHash(uint256 blockNumber) external view returns (bytes32) {
        return blockhash(blockNumber);
    }

    /// @notice The current block number.
    function getBlockNumber() external view returns (uint256) {
        return block.number;
    }

    /// @notice The current block's coinbase.
    function getCurrentBlockCoinbase() external view returns (address) {
        return block.coinbase;
    }

    /// @notice The current block's gas limit.
    function getCurrentBlockGasLimit() external view returns (uint256) {
        return block.gaslimit;
    }

    /// @notice The current block's timestamp.
    function getCurrentBlockTimestamp() external view returns (uint256) {
        return block.timestamp;
    }

    /// @notice The current block's base fee.
    function getBasefee() external view returns (uint256) {
        return block.basefee;
    }

    /// @notice The current block's difficulty (prevrandao after the merge).
    function getCurrentBlockDifficulty() external view returns (uint256) {
        return block.prevrandao;
    }

    /// @notice The previous block's hash.
    function getLastBlockHash() external view returns (bytes32) {
        return blockhash(block.number - 1);
    }

    /// @notice The chain id.
    function getChainId() external view returns (uint256) {
        return block.chainid;
    }

    /// @notice The native balance of an address.
    function getEthBalance(address addr) external view returns (uint256) {
        return addr.balance;
    }
}
