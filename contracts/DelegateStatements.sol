// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title DelegateStatements
 * @notice Where a delegate says what they stand for: a statement in markdown and a few links, one
 * transaction to publish or replace, readable for a whole page of delegates in one batch. Each
 * address writes only its own; there is no owner, no admin and no upgrade, so the same contract
 * serves every governor on a chain. An empty statement with no links withdraws it.
 */
contract DelegateStatements {
    /// @notice The longest statement, in bytes of UTF-8: a few KB of markdown.
    uint256 public constant MAX_STATEMENT_BYTES = 8192;
    uint256 public constant MAX_LINKS = 5;
    uint256 public constant MAX_LINK_BYTES = 200;

    struct Statement {
        string text;
        string[] links;
        uint64 updatedAt;
    }

    mapping(address => Statement) private _statements;

    event StatementPublished(address indexed delegate, uint256 textBytes, uint256 links);

    error StatementTooLong(uint256 length, uint256 max);
    error TooManyLinks(uint256 count, uint256 max);
    error LinkTooLong(uint256 index, uint256 length, uint256 max);

    /// @notice Publishes (or replaces) the sender's statement.
    function publish(string calldata text, string[] calldata links) external {
        if (bytes(text).length > MAX_STATEMENT_BYTES) revert StatementTooLong(bytes(text).length, MAX_STATEMENT_BYTES);
        if (links.length > MAX_LINKS) revert TooManyLinks(links.length, MAX_LINKS);
        for (uint256 i = 0; i < links.length; i++) {
            if (bytes(links[i]).length > MAX_LINK_BYTES) revert LinkTooLong(i, bytes(links[i]).length, MAX_LINK_BYTES);
        }
        Statement storage s = _statements[msg.sender];
        s.text = text;
        delete s.links;
        for (uint256 i = 0; i < links.length; i++) s.links.push(links[i]);
        s.updatedAt = bytes(text).length == 0 && links.length == 0 ? 0 : uint64(block.timestamp);
        emit StatementPublished(msg.sender, bytes(text).length, links.length);
    }

    /// @notice `delegate`'s statement, its links and when it was last published (0: none).
    function statementOf(address delegate)
        external
        view
        returns (string memory text, string[] memory links, uint64 updatedAt)
    {
        Statement storage s = _statements[delegate];
        return (s.text, s.links, s.updatedAt);
    }
}
