/** ALT token writes that more than one feature makes. */
import type { Address } from 'viem';
import type { TxCall } from '../tx/lifecycle.ts';
import { altTokenAbi } from './generated.ts';

/** Moves all of the sender's voting power to `to` (itself included). */
export const delegateCall = (alt: Address, to: Address): TxCall => ({
  address: alt,
  abi: altTokenAbi,
  functionName: 'delegate',
  args: [to],
});
