/**
 * The OpenZeppelin Governor views (with GovernorStorage) that the first page asks of any governor:
 * what it can do (capabilities) and which proposals are open (the Overview's first visit). Written
 * out rather than taken from AltGovernor's generated ABI, which the first page would otherwise load
 * whole to ask these few questions, and because they hold for any such governor.
 */
const view = <
  const N extends string,
  const I extends readonly { type: string }[],
  const O extends readonly { type: string }[],
>(
  name: N,
  inputs: I,
  outputs: O,
) => ({ type: 'function', name, inputs, outputs, stateMutability: 'view' }) as const;

export const governorInterfaceAbi = [
  view('token', [], [{ type: 'address' }]),
  view('CLOCK_MODE', [], [{ type: 'string' }]),
  view('clock', [], [{ type: 'uint48' }]),
  view('name', [], [{ type: 'string' }]),
  view('timelock', [], [{ type: 'address' }]),
  view('proposalCount', [], [{ type: 'uint256' }]),
  view(
    'proposalDetailsAt',
    [{ type: 'uint256' }],
    [{ type: 'uint256' }, { type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }],
  ),
  view('state', [{ type: 'uint256' }], [{ type: 'uint8' }]),
  view('proposalDeadline', [{ type: 'uint256' }], [{ type: 'uint256' }]),
  view('proposalSnapshot', [{ type: 'uint256' }], [{ type: 'uint256' }]),
] as const;
