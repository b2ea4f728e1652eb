/**
 * The sweep, a flow of its own: the unclaimed panel shows on every visit after the window, and its
 * one transaction needs none of the claim flows' code (permits, the stake spend, batches).
 */
import type { Address } from 'viem';
import { altAirdropAbi } from '../../../lib/contracts/generated.ts';
import type { TxFlow } from '../../../lib/tx/tx-flow.svelte.ts';
import * as m from '../../../lib/i18n/messages.ts';

/** Sends what is unclaimed to the treasury once the window has closed (anyone may). */
export const sweep = (flow: TxFlow, airdrop: Address) =>
  flow.run(
    { address: airdrop, abi: altAirdropAbi, functionName: 'sweep' },
    m.airdrop_sweep_flow_label(),
    ['airdrop', 'overview', 'balances'],
    'anyone',
  );
