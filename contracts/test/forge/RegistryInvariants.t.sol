// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "./Base.sol";
import {DelegateStatements} from "../../DelegateStatements.sol";
import {DevnetEns} from "../../devnet/DevnetEns.sol";

/// @dev Random publishes (within and past each limit) and withdrawals of statements, and random name
/// registrations, address records and primary names, by five actors; a ghost copy of what each
/// should hold. Every refusal it expects is caught; any other revert fails the run.
contract RegistryHandler is Base {
    DelegateStatements public immutable statements;
    DevnetEns public immutable ens;
    address[5] public actors;
    string[4] internal _names = ["alice.eth", "bob.eth", "vital.ops.eth", "x.eth"];

    // Ghost statements: hash of the text, link count, whether one stands.
    mapping(address => bytes32) public textHash;
    mapping(address => uint256) public linkCount;
    mapping(address => bool) public published;
    // Ghost ENS: owner and address record per name, primary name index (+1; 0 = none) per actor.
    mapping(uint256 => address) public nameOwner;
    mapping(uint256 => address) public nameAddr;
    mapping(address => uint256) public primaryIndex;
    uint256 public refused;

    constructor(DelegateStatements statements_, DevnetEns ens_) {
        statements = statements_;
        ens = ens_;
        for (uint256 i = 0; i < 5; ++i) actors[i] = address(uint160(0xA11CE0 + i));
    }

    function nameCount() external pure returns (uint256) {
        return 4;
    }

    function nameAt(uint256 i) external view returns (string memory) {
        return _names[i];
    }

    function _repeat(bytes1 b, uint256 n) internal pure returns (string memory) {
        bytes memory out = new bytes(n);
        for (uint256 i = 0; i < n; ++i) out[i] = b;
        return string(out);
    }

    function publish(uint256 who, uint256 textBytes, uint256 links, uint256 linkBytes) external {
        address actor = actors[who % 5];
        // Short texts, and texts and links at and just past each limit.
        uint256[5] memory texts = [uint256(0), 1, 140, 8192, 8193];
        uint256[4] memory linkSizes = [uint256(1), 60, 200, 201];
        textBytes = texts[textBytes % 5];
        links = links % 7;
        linkBytes = linkSizes[linkBytes % 4];
        string memory text = _repeat("s", textBytes);
        string[] memory list = new string[](links);
        for (uint256 i = 0; i < links; ++i) list[i] = _repeat("l", linkBytes);
        bool over = textBytes > 8192 || links > 5 || (links > 0 && linkBytes > 200);
        vm.prank(actor);
        try statements.publish(text, list) {
            assertTrue(!over, "a statement past a limit was accepted");
            textHash[actor] = keccak256(bytes(text));
            linkCount[actor] = links;
            published[actor] = textBytes > 0 || links > 0;
        } catch {
            assertTrue(over, "a statement within the limits was refused");
            refused++;
        }
    }

    function withdraw(uint256 who) external {
        address actor = actors[who % 5];
        vm.prank(actor);
        statements.publish("", new string[](0));
        textHash[actor] = keccak256("");
        linkCount[actor] = 0;
        published[actor] = false;
    }

    function register(uint256 who, uint256 name, uint256 target) external {
        address actor = actors[who % 5];
        name = name % 4;
        address to = actors[target % 5];
        vm.prank(actor);
        try ens.register(_names[name], to) {
            assertEq(nameOwner[name], address(0), "a taken name was registered again");
            nameOwner[name] = actor;
            nameAddr[name] = to;
        } catch {
            assertTrue(nameOwner[name] != address(0), "a free name was refused");
            refused++;
        }
    }

    function setAddr(uint256 who, uint256 name, uint256 target) external {
        address actor = actors[who % 5];
        name = name % 4;
        address to = actors[target % 5];
        bytes32 node = ens.namehash(_names[name]);
        vm.prank(actor);
        try ens.setAddr(node, to) {
            assertEq(nameOwner[name], actor, "someone else moved a name's address record");
            nameAddr[name] = to;
        } catch {
            assertTrue(nameOwner[name] != actor, "a name's owner could not set its address record");
            refused++;
        }
    }

    function setName(uint256 who, uint256 name) external {
        address actor = actors[who % 5];
        name = name % 5; // 4: clear it
        vm.prank(actor);
        ens.setName(name == 4 ? "" : _names[name]);
        primaryIndex[actor] = name == 4 ? 0 : name + 1;
    }
}

/// @dev The two registries the delegate pages read: statements stay within their limits and belong to
/// their writers; a primary name is answered only while its address record points back. Five actors
/// and four names: 64 runs of 100 calls cover their combinations.
contract RegistryInvariants is Base {
    RegistryHandler internal handler;

    function setUp() public {
        handler = new RegistryHandler(new DelegateStatements(), new DevnetEns());
        _targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = RegistryHandler.publish.selector;
        selectors[1] = RegistryHandler.withdraw.selector;
        selectors[2] = RegistryHandler.register.selector;
        selectors[3] = RegistryHandler.setAddr.selector;
        selectors[4] = RegistryHandler.setName.selector;
        selectors[5] = RegistryHandler.publish.selector;
        _targetSelector(address(handler), selectors);
    }

    /// forge-config: default.invariant.runs = 64
    /// @dev Each actor's statement is exactly what it last published, within the limits; none stands after a withdrawal.
    function invariant_statementsAreTheirWritersOwn() public view {
        DelegateStatements statements = handler.statements();
        for (uint256 i = 0; i < 5; ++i) {
            address actor = handler.actors(i);
            (string memory text, string[] memory links, uint64 updatedAt) = statements.statementOf(actor);
            if (!handler.published(actor)) {
                assertEq(updatedAt, 0, "a withdrawn or never published statement has a time");
                continue;
            }
            assertTrue(updatedAt > 0, "a published statement has no time");
            assertEq(uint256(keccak256(bytes(text))), uint256(handler.textHash(actor)), "statement text");
            assertEq(links.length, handler.linkCount(actor), "statement links");
            assertLe(bytes(text).length, statements.MAX_STATEMENT_BYTES(), "statement length");
            assertLe(links.length, statements.MAX_LINKS(), "link count");
            for (uint256 k = 0; k < links.length; ++k)
                assertLe(bytes(links[k]).length, statements.MAX_LINK_BYTES(), "link length");
        }
    }

    /// forge-config: default.invariant.runs = 64
    /// @dev Names keep their first owner; the resolver answers each record as set; a primary name is
    /// returned exactly while its address record is the actor, and refused by ENS's error otherwise.
    function invariant_namesResolveBackOrNotAtAll() public view {
        DevnetEns ens = handler.ens();
        for (uint256 n = 0; n < handler.nameCount(); ++n) {
            bytes32 node = ens.namehash(handler.nameAt(n));
            assertEq(ens.owner(node), handler.nameOwner(n), "name owner");
            assertEq(ens.addr(node), handler.nameAddr(n), "address record");
        }
        for (uint256 i = 0; i < 5; ++i) {
            address actor = handler.actors(i);
            uint256 primary = handler.primaryIndex(actor);
            try ens.reverseWithGateways(abi.encodePacked(actor), 60, new string[](0)) returns (
                string memory name,
                address,
                address
            ) {
                if (primary == 0) assertEq(bytes(name).length, 0, "a cleared primary name answered");
                else {
                    assertEq(handler.nameAddr(primary - 1), actor, "a primary name that points elsewhere answered");
                    assertEq(uint256(keccak256(bytes(name))), uint256(keccak256(bytes(handler.nameAt(primary - 1)))), "name");
                }
            } catch (bytes memory reason) {
                assertTrue(primary != 0 && handler.nameAddr(primary - 1) != actor, "a primary name that points back was refused");
                assertEq(uint256(uint32(bytes4(reason))), uint256(uint32(DevnetEns.ReverseAddressMismatch.selector)), "error");
            }
        }
    }
}
