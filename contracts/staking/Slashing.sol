// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {OperatorRewards} from "./OperatorRewards.sol";

/**
 * @title Slashing
 * @notice Slashes are recorded by the slasher (governance) and applied in pages that anyone advances.
 * @dev Bounds: {slash} applies at most {SLASH_FIRST_PAGE} steps, {continueSlash} at most
 * {MAX_SLASH_PAGE}; a step (one position or request) costs about 90k gas with every slot cold, so each
 * call fits a transaction whatever the operator's size. While a slash is in progress its operator is
 * frozen (no stake in or out, no request closed), so what was slashable when it was recorded stays
 * slashable until its page; a request counts as slashable if it was still locked at that moment.
 */
abstract contract Slashing is OperatorRewards {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.UintSet;

    /**
     * @notice Records a slash of `fractionBps` of `operator`'s active stake and of every request still
     * unbonding from it when recorded, pro rata and rounded up against each staker, lowering each
     * owner's voting units alike.
     * @dev Bounded whatever the operator's size: it applies at most {SLASH_FIRST_PAGE} positions and
     * requests, so a governor's `execute` of a slash always fits a transaction. The rest is applied by
     * {continueSlash}, which anyone may call; until the last page the operator is frozen (no stake in or
     * out, no request closed), so everything slashable when the slash was recorded stays slashable
     * until its page is done. The slashed ALT accrues to the treasury.
     */
    function slash(address operator, uint256 fractionBps, string calldata reason) external onlyRole(SLASHER_ROLE) {
        if (fractionBps == 0 || fractionBps > MAX_SLASH_BPS) revert InvalidSlashFraction(fractionBps);
        if (bytes(reason).length > MAX_REASON_LENGTH) revert ReasonTooLong(bytes(reason).length, MAX_REASON_LENGTH);
        _registered(operator);
        _notSlashing(operator);
        SlashInProgress storage s = _slashes[operator];
        s.fractionBps = uint16(fractionBps);
        s.recordedAt = uint48(block.timestamp);
        s.stakersLeft = uint32(_operatorStakers[operator].length());
        s.requestsLeft = uint32(_operatorRequests[operator].length());
        s.taken = 0;
        s.reason = reason;
        emit SlashStarted(operator, fractionBps, reason);
        _applySlash(operator, SLASH_FIRST_PAGE);
    }

    /**
     * @notice Applies up to `maxSteps` (at most {MAX_SLASH_PAGE}) more positions and requests of a slash
     * in progress; anyone may call it. A step costs about 90k gas (every slot cold, a new
     * checkpoint for the owner's delegate), so a full page stays under half a transaction's 2^24.
     */
    function continueSlash(address operator, uint256 maxSteps) external {
        if (_slashes[operator].fractionBps == 0) revert NoSlashInProgress(operator);
        _applySlash(operator, Math.min(maxSteps, MAX_SLASH_PAGE));
    }

    /// @notice Sends every slashed ALT accrued so far to the treasury; anyone may call it.
    function sendSlashedToTreasury() external {
        uint256 amount = _slashedPending;
        if (amount == 0) revert NothingToClaim();
        _slashedPending = 0;
        emit SlashedFundsSent(_treasury, amount);
        _token.safeTransfer(_treasury, amount);
    }

    function _applySlash(address operator, uint256 maxSteps) internal {
        _updateOperator(operator);
        SlashInProgress storage s = _slashes[operator];
        Operator storage op = _operators[operator];
        uint256 fractionBps = s.fractionBps;
        uint256 steps;
        uint256 taken;
        uint256 activeCut;
        // Downwards, so removing the current entry only moves an already processed one into its place.
        EnumerableSet.AddressSet storage stakers = _operatorStakers[operator];
        uint256 left = s.stakersLeft;
        for (; left > 0 && steps < maxSteps; ++steps) {
            address staker = stakers.at(--left);
            _settlePosition(staker, operator);
            Position storage position = _positions[staker][operator];
            uint256 cut = Math.mulDiv(position.amount, fractionBps, _BPS, Math.Rounding.Ceil);
            position.amount -= cut;
            activeCut += cut;
            if (position.amount == 0) {
                stakers.remove(staker);
                _forgetIfEmpty(staker, operator);
            }
            _votes.decreaseStakedUnits(staker, cut);
            emit StakeSlashed(staker, operator, 0, cut);
        }
        s.stakersLeft = uint32(left);
        op.activeStake -= activeCut;
        _totalActiveStake -= activeCut;
        if (op.status == OperatorStatus.Active) _totalEarningStake -= activeCut;
        taken = activeCut;

        EnumerableSet.UintSet storage ids = _operatorRequests[operator];
        uint256 unbondingCut;
        left = s.requestsLeft;
        for (; left > 0 && steps < maxSteps; ++steps) {
            uint256 id = ids.at(--left);
            UnbondingRequest storage request = _requests[id];
            if (request.unlockTime <= s.recordedAt) {
                // Unlocked when the slash was recorded: not slashable, and no longer this operator's.
                ids.remove(id);
                continue;
            }
            uint256 cut = Math.mulDiv(request.amount, fractionBps, _BPS, Math.Rounding.Ceil);
            request.amount -= cut;
            unbondingCut += cut;
            _votes.decreaseStakedUnits(request.staker, cut);
            emit StakeSlashed(request.staker, operator, id, cut);
        }
        s.requestsLeft = uint32(left);
        op.unbondingStake -= unbondingCut;
        _totalUnbondingStake -= unbondingCut;
        taken += unbondingCut;

        op.totalSlashed += taken;
        _slashedPending += taken;
        s.taken += taken;
        if (s.stakersLeft == 0 && s.requestsLeft == 0) {
            op.slashCount += 1;
            emit Slashed(operator, fractionBps, s.taken, s.reason);
            delete _slashes[operator];
        }
    }
}
