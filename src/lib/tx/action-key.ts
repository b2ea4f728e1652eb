/** What a call does, for spotting the same action twice: chain, account, contract, function, first argument. */
import type { TxCall } from './tx-call.ts';

export function actionKey(chainId: number, account: string, call: TxCall): string {
  const first = call.args?.[0];
  const arg = typeof first === 'bigint' ? first.toString() : String(first ?? '').toLowerCase();
  return [chainId, account.toLowerCase(), call.address.toLowerCase(), call.functionName, arg].join(':');
}
