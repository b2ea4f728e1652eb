// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title DevnetEns
 * @notice A small ENS for the devnet: a registry of names, their address records, each address's
 * primary name (its reverse record), and a universal resolver that answers exactly the two calls viem
 * makes for names: `reverseWithGateways` (an address's primary name, verified forward) and
 * `resolveWithGateways` (a name's address record). The resolver's errors are ENS's own, by name and
 * arguments, so a client treats its answers as it treats mainnet's. ENS's own contracts are not
 * reachable from the machines this app is built on; mainnet uses ENS's deployment, never this.
 *
 * Names are registered first come, first served (the registrant owns the name and sets its address
 * record); anyone sets their own primary name, as with ENS's reverse registrar, including a name
 * that does not resolve back to them, which the universal resolver then refuses to return.
 */
contract DevnetEns {
    /// @notice ENS's coin type for Ethereum addresses (SLIP-44), the only one this resolver knows.
    uint256 public constant COIN_TYPE_ETH = 60;
    bytes4 private constant ADDR = 0x3b3b57de; // addr(bytes32)
    bytes4 private constant ADDR_COIN = 0xf1cb7e06; // addr(bytes32,uint256)

    mapping(bytes32 node => address) public owner;
    mapping(bytes32 node => address) private _addr;
    mapping(address account => string) private _primary;

    event NameRegistered(bytes32 indexed node, string name, address indexed owner);
    event AddrChanged(bytes32 indexed node, address addr);
    event PrimaryNameChanged(address indexed account, string name);

    error NameTaken(bytes32 node, address owner);
    error NotNameOwner(bytes32 node, address caller);
    error InvalidName(string name);

    // The universal resolver's errors, as ENS declares them.
    error DNSDecodingFailed(bytes dns);
    error EmptyAddress();
    error ResolverNotFound(bytes name);
    error ReverseAddressMismatch(string primary, bytes primaryAddress);
    error UnsupportedResolverProfile(bytes4 selector);

    /// @notice Registers `name` (dotted, e.g. "alice.eth") to the sender and points it at `addr_`.
    function register(string calldata name, address addr_) external returns (bytes32 node) {
        node = namehash(name);
        address current = owner[node];
        if (current != address(0)) revert NameTaken(node, current);
        owner[node] = msg.sender;
        _addr[node] = addr_;
        emit NameRegistered(node, name, msg.sender);
        emit AddrChanged(node, addr_);
    }

    /// @notice Points a name the sender owns at `addr_`.
    function setAddr(bytes32 node, address addr_) external {
        if (owner[node] != msg.sender) revert NotNameOwner(node, msg.sender);
        _addr[node] = addr_;
        emit AddrChanged(node, addr_);
    }

    /// @notice Sets the sender's primary name (an empty name clears it). Nothing checks it here.
    function setName(string calldata name) external {
        _primary[msg.sender] = name;
        emit PrimaryNameChanged(msg.sender, name);
    }

    /// @notice The address record of `node`, as a resolver's `addr(bytes32)` answers it.
    function addr(bytes32 node) external view returns (address) {
        return _addr[node];
    }

    /**
     * @notice The universal resolver's reverse lookup: `lookupAddress`'s primary name, returned only
     * when the name's address record points back to it (else ReverseAddressMismatch, as ENS does).
     * No primary name answers an empty name. Gateways are accepted and unused (nothing is off chain).
     */
    function reverseWithGateways(bytes calldata lookupAddress, uint256 coinType, string[] calldata)
        external
        view
        returns (string memory primary, address resolver, address reverseResolver)
    {
        if (coinType != COIN_TYPE_ETH) revert UnsupportedResolverProfile(ADDR_COIN);
        if (lookupAddress.length != 20) revert EmptyAddress();
        address account = address(bytes20(lookupAddress));
        primary = _primary[account];
        if (bytes(primary).length == 0) return ("", address(0), address(this));
        address forward = _addr[namehash(primary)];
        if (forward != account) revert ReverseAddressMismatch(primary, abi.encodePacked(forward));
        return (primary, address(this), address(this));
    }

    /**
     * @notice The universal resolver's forward lookup: `name` is DNS-encoded, `data` a resolver call
     * (`addr(bytes32)` or `addr(bytes32,60)`), answered as that resolver would answer it.
     */
    function resolveWithGateways(bytes calldata name, bytes calldata data, string[] calldata)
        external
        view
        returns (bytes memory result, address resolver)
    {
        bytes32 node = dnsNamehash(name);
        if (owner[node] == address(0)) revert ResolverNotFound(name);
        if (data.length < 36) revert UnsupportedResolverProfile(bytes4(0));
        bytes4 selector = bytes4(data[:4]);
        if (bytes32(data[4:36]) != node) revert ResolverNotFound(name);
        if (selector == ADDR && data.length == 36) return (abi.encode(_addr[node]), address(this));
        if (selector == ADDR_COIN && data.length == 68 && uint256(bytes32(data[36:68])) == COIN_TYPE_ETH) {
            return (abi.encode(abi.encodePacked(_addr[node])), address(this));
        }
        revert UnsupportedResolverProfile(selector);
    }

    /// @notice ENS's namehash of a dotted name ("" is the root). Empty labels are refused.
    function namehash(string memory name) public pure returns (bytes32 node) {
        bytes memory b = bytes(name);
        uint256 end = b.length;
        if (end == 0) return bytes32(0);
        // Labels from the last to the first.
        for (uint256 i = end; i > 0; i--) {
            if (b[i - 1] == ".") {
                node = _join(node, b, i, end, name);
                end = i - 1;
            }
        }
        node = _join(node, b, 0, end, name);
    }

    /// @notice ENS's namehash of a DNS-encoded name (length-prefixed labels, ending in a zero byte).
    function dnsNamehash(bytes calldata dns) public pure returns (bytes32 node) {
        // Find each label's start, then hash from the last label back.
        uint256[] memory starts = new uint256[](dns.length);
        uint256 count;
        uint256 offset;
        while (true) {
            if (offset >= dns.length) revert DNSDecodingFailed(dns);
            uint256 len = uint8(dns[offset]);
            if (len == 0) break;
            if (offset + 1 + len > dns.length) revert DNSDecodingFailed(dns);
            starts[count++] = offset;
            offset += 1 + len;
        }
        if (offset != dns.length - 1) revert DNSDecodingFailed(dns);
        for (uint256 i = count; i > 0; i--) {
            uint256 s = starts[i - 1];
            node = keccak256(abi.encodePacked(node, keccak256(dns[s + 1:s + 1 + uint8(dns[s])])));
        }
    }

    function _join(bytes32 node, bytes memory b, uint256 start, uint256 end, string memory name)
        private
        pure
        returns (bytes32)
    {
        if (end <= start) revert InvalidName(name);
        bytes memory label = new bytes(end - start);
        for (uint256 j = 0; j < label.length; j++) label[j] = b[start + j];
        return keccak256(abi.encodePacked(node, keccak256(label)));
    }
}
